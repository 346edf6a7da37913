"""The openness office answers error reports here, or withdraws an invalid one; nothing is deleted."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from lushan_portal.masking import scrub_text
from lushan_portal.personal_data import PersonalDataAdminMixin, masker
from organizations.scoping import UnitScopedAdminMixin
from site_feedback import rules
from site_feedback.models import ErrorReport, ReportStatus
from site_feedback.services import report_answer, report_withdraw
from workdays import explain_due_date

ERROR_ONE_OF = "请填写答复内容，或者填写撤销理由（二者选一）。"
ERROR_BOTH = "答复和撤销只能选一种：请清空其中一项。"


class ReportForm(forms.ModelForm):
    class Meta:
        model = ErrorReport
        fields = ["answer", "withdrawal_reason"]
        help_texts = {
            "answer": _("填写答复并保存即为答复；留有联系方式的，请同时通过该方式答复报告人。"),
            "withdrawal_reason": _("无效报告（广告、与本网站无关等）填写理由并保存即撤销；报告不会删除。"),
        }

    def clean(self) -> dict:
        cleaned = super().clean()
        answer = (cleaned.get("answer") or "").strip()
        reason = (cleaned.get("withdrawal_reason") or "").strip()
        if self.instance.status == ReportStatus.RECEIVED:
            if answer and reason:
                raise ValidationError(_(ERROR_BOTH))
            if not answer and not reason:
                raise ValidationError(_(ERROR_ONE_OF))
        return cleaned


@admin.register(ErrorReport)
class ErrorReportAdmin(PersonalDataAdminMixin, UnitScopedAdminMixin, SimpleHistoryAdmin):
    personal_fields = {"contact": masker(2, 2), "description": scrub_text}
    form = ReportForm
    list_display = ("reference", "page_link", "kind", "received_at", "due_date", "overdue", "status", "contact")
    list_filter = ("status", "kind")
    list_select_related = ("unit",)
    date_hierarchy = "received_at"
    fieldsets = [
        (None, {"fields": ["reference", "page_link", "kind", "description", "contact"]}),
        (_("期限"), {"fields": ["unit", "received_at", "due_explained", "status"]}),
        (_("处理"), {"fields": ["answer", "answered_at", "answered_by", "withdrawal_reason", "withdrawn_at"]}),
    ]

    @admin.display(description=_("编号"))
    def reference(self, report: ErrorReport) -> str:
        return report.reference

    @admin.display(description=_("出错页面"))
    def page_link(self, report: ErrorReport) -> str:
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', report.page, report.page)

    @admin.display(description=_("逾期未答复"), boolean=True)
    def overdue(self, report: ErrorReport) -> bool:
        return report.status == ReportStatus.RECEIVED and rules.is_overdue(report.due_date, timezone.localdate())

    @admin.display(description=_("答复期限"))
    def due_explained(self, report: ErrorReport) -> str:
        explanation = explain_due_date(report.received_on, rules.ANSWER_WORKING_DAYS)
        skipped = "、".join(f"{day:%m-%d}{name}" for day, name in explanation.holidays_skipped)
        makeup = "、".join(f"{day:%m-%d}（{name}调休上班）" for day, name in explanation.makeup_days_used)
        words = _("%(due)s（收到后第%(n)d个工作日，收到当日不计）") % {
            "due": f"{report.due_date:%Y-%m-%d}",
            "n": rules.ANSWER_WORKING_DAYS,
        }
        if skipped:
            words += _("；跳过节假日：%(days)s") % {"days": skipped}
        if makeup:
            words += _("；计入调休工作日：%(days)s") % {"days": makeup}
        return words

    def get_readonly_fields(self, request: HttpRequest, obj: ErrorReport | None = None) -> list:
        readonly = [
            "reference", "page_link", "kind", "description", "contact", "unit", "received_at", "due_explained",
            "status", "answered_at", "answered_by", "withdrawn_at",
        ]  # fmt: skip
        if obj is not None and obj.status != ReportStatus.RECEIVED:
            readonly += ["answer", "withdrawal_reason"]
        return [*super().get_readonly_fields(request, obj), *readonly]

    def has_add_permission(self, request: HttpRequest, *args: object) -> bool:
        return False  # reports come from the public form

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False  # withdrawn, never deleted

    def save_model(self, request: HttpRequest, obj: ErrorReport, form: forms.ModelForm, change: bool) -> None:
        if obj.status != ReportStatus.RECEIVED:
            return
        if form.cleaned_data.get("answer", "").strip():
            report_answer(report=obj, answer=form.cleaned_data["answer"], by=request.user)
        else:
            report_withdraw(report=obj, reason=form.cleaned_data["withdrawal_reason"], by=request.user)
