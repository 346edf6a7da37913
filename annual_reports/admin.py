"""Staff write their unit's report beside this year's and last year's figures, correct a figure
with a reason, submit; a reviewer of the unit returns or publishes. Published versions are read-only
and never deleted; a correction starts a new version. Every step calls a service and is audited."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from annual_reports import services
from annual_reports.checks import all_cells, cell_label, cross_sum_errors
from annual_reports.layout import T3_HEADER, T4_HEADER
from annual_reports.models import AnnualReport, FigureCorrection, ReportStatus
from annual_reports.selectors import report_tables
from annual_reports.sidebyside import side_by_side
from audit.models import Event
from audit.services import audit_record
from lushan_portal.admin_tools import approve_or_return_view
from organizations.scoping import UnitScopedAdminMixin, can_write_unit


class CorrectionForm(forms.ModelForm):
    cell = forms.ChoiceField(label=_("单元格"))

    class Meta:
        model = FigureCorrection
        fields = ("cell", "value", "reason")
        widgets = {"reason": forms.Textarea(attrs={"rows": 2})}

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError(services.ERROR_REASON)
        return reason


class CorrectionInline(admin.TabularInline):
    model = FigureCorrection
    form = CorrectionForm
    extra = 0
    verbose_name = _("数据更正（理由将在表下注明）")
    verbose_name_plural = _("数据更正（理由将在表下注明）")

    def get_formset(self, request: HttpRequest, obj: AnnualReport | None = None, **kwargs: object):
        formset = super().get_formset(request, obj, **kwargs)
        if obj is not None:
            base = services.report_base(obj)
            choices = [(cell, cell_label(base, cell)) for cell in all_cells(base)]
            formset.form.base_fields["cell"].choices = [("", "---------"), *choices]
        return formset

    def _editable(self, request: HttpRequest, obj: AnnualReport | None) -> bool:
        return obj is not None and obj.is_editable and can_write_unit(request.user, obj.unit_id)

    def has_add_permission(self, request: HttpRequest, obj: AnnualReport | None = None) -> bool:
        return self._editable(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: AnnualReport | None = None) -> bool:
        return self._editable(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: AnnualReport | None = None) -> bool:
        return self._editable(request, obj) and super().has_delete_permission(request, obj)


@admin.register(AnnualReport)
class AnnualReportAdmin(UnitScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ("__str__", "year", "version", "status", "submitted_at", "published_at")
    list_filter = ("status", "year", "is_county", "unit__kind")
    search_fields = ("unit__name",)
    list_select_related = ("unit__parent",)
    inlines = [CorrectionInline]
    change_form_template = "admin/annual_reports/annualreport/change_form.html"
    fixed = ("version", "status", "review_comment", "submitted_by", "submitted_at", "reviewed_by", "published_at")
    texts = ("overview", "problems", "other_matters", "fee_amount", "change_note")

    def get_inlines(self, request: HttpRequest, obj: AnnualReport | None) -> list:
        return [] if obj is None else self.inlines

    def get_fieldsets(self, request: HttpRequest, obj: AnnualReport | None = None):
        if obj is None:
            return [(None, {"fields": ("unit", "year", "is_county")})]
        return [
            (None, {"fields": ("unit", "year", "is_county", *self.fixed)}),
            (_("本年度与上年度数据（供撰写时参考）"), {"fields": ("figures_panel",)}),
            (_("报告正文"), {"fields": self.texts}),
        ]

    def get_readonly_fields(self, request: HttpRequest, obj: AnnualReport | None = None) -> tuple[str, ...]:
        if obj is None:
            return ()
        fixed = ("unit", "year", "is_county", *self.fixed, "figures_panel")
        return fixed if obj.is_editable else (*fixed, *self.texts)

    @admin.display(description=_("数据"))
    def figures_panel(self, report: AnnualReport) -> str:
        rows = side_by_side(report)
        return mark_safe(render_to_string("admin/annual_reports/figures_panel.html", {"rows": rows, "report": report}))

    def has_change_permission(self, request: HttpRequest, obj: AnnualReport | None = None) -> bool:
        if obj is not None and not obj.is_editable:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: AnnualReport | None = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: AnnualReport, form: forms.ModelForm, change: bool) -> None:
        if change:
            obj.save()
            return
        try:
            started = services.report_start(unit=obj.unit, year=obj.year, is_county=obj.is_county, by=request.user)
        except ValidationError as error:
            raise PermissionDenied("；".join(error.messages)) from error
        obj.pk, obj.version, obj.created_by = started.pk, started.version, request.user
        obj._state.adding = False

    def get_form(self, request: HttpRequest, obj: AnnualReport | None = None, **kwargs: object):
        form = super().get_form(request, obj, **kwargs)
        if obj is None:
            form = type("AnnualReportAddForm", (form,), {"clean": _add_form_clean})
        return form

    def get_urls(self) -> list:
        def view(name: str, fn) -> path:
            name_ = f"annual_reports_annualreport_{name}"
            return path(f"<path:object_id>/{name}/", self.admin_site.admin_view(fn), name=name_)

        return [
            view("submit", self.submit_view),
            view("review", self.review_view),
            view("new-version", self.new_version_view),
            view("recompute", self.recompute_view),
            view("preview", self.preview_view),
            *super().get_urls(),
        ]

    def _redirect(self, report: AnnualReport) -> HttpResponseRedirect:
        return HttpResponseRedirect(reverse("admin:annual_reports_annualreport_change", args=[report.pk]))

    def _post(self, request: HttpRequest, object_id: str, action, success: str, detail: str) -> HttpResponse:
        report = self.get_object(request, object_id)
        if request.method != "POST":
            raise PermissionDenied
        try:
            result = action(report)
        except (ValidationError, PermissionDenied) as error:
            text = "；".join(error.messages) if isinstance(error, ValidationError) else str(error)
            self.message_user(request, text, messages.ERROR)
            return self._redirect(report)
        audit_record(event=Event.CHANGE, user=request.user, obj=result, request=request, detail=detail)
        self.message_user(request, success, messages.SUCCESS)
        return self._redirect(result)

    def submit_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        submit = lambda report: services.report_submit(report=report, by=request.user)  # noqa: E731
        return self._post(request, object_id, submit, _("已提交审核。"), "提交审核")

    def new_version_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        start = lambda report: services.report_new_version(report=report, by=request.user)  # noqa: E731
        return self._post(request, object_id, start, _("已新建更正版本，请填写更正说明后提交审核。"), "新建更正版本")

    def recompute_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        again = lambda report: services.report_recompute(report=report, by=request.user)  # noqa: E731
        return self._post(request, object_id, again, _("已改为按当前数据计算。"), "按当前数据重新计算")

    def preview_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        report = self.get_object(request, object_id)
        context = {
            "report": report,
            "tables": report_tables(report),
            "versions": [],
            "t3_orgs": T3_HEADER[1:-1],
            "t4_header": T4_HEADER,
            "preview": True,
        }
        return render(request, "annual_reports/report.html", context)

    def review_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return approve_or_return_view(
            self,
            request,
            self.get_object(request, object_id),
            can_review=services.can_review,
            review=lambda report, **decision: services.report_review(report=report, **decision),
            template="admin/annual_reports/annualreport/review.html",
            context_name="report",
        )

    def has_view_permission(self, request: HttpRequest, obj: AnnualReport | None = None) -> bool:
        if obj is not None and services.can_review(request.user, obj):
            return True
        return super().has_view_permission(request, obj)

    def render_change_form(self, request: HttpRequest, context: dict, *args: object, **kwargs: object) -> HttpResponse:
        report = context.get("original")
        if report is not None:
            writable = can_write_unit(request.user, report.unit_id)
            context["may_edit"] = report.is_editable and writable
            context["may_review"] = report.status == ReportStatus.REVIEW and services.can_review(request.user, report)
            context["may_new_version"] = report.status == ReportStatus.PUBLISHED and writable
            context["carried"] = report.is_editable and report.base_figures is not None
            context["sum_errors"] = cross_sum_errors(services.report_figures(report)) if report.is_editable else []
        return super().render_change_form(request, context, *args, **kwargs)


def _add_form_clean(form: forms.ModelForm) -> dict:
    """Refuse a second draft or a future year on the add form itself, as a message per field."""
    data = super(type(form), form).clean()
    unit, year = data.get("unit"), data.get("year")
    if unit is None or year is None:
        return data
    probe = AnnualReport(unit=unit, year=year, is_county=data.get("is_county", False))
    try:
        services.start_check(probe)
    except ValidationError as error:
        raise error from None
    return data
