from datetime import date

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from decisions import rules
from decisions.deadlines import stakeholder_attendance
from decisions.models import (
    Comment,
    CommentStatus,
    DecisionAttachment,
    Hearing,
    MajorDecision,
    Meeting,
    OfflineComments,
)
from decisions.public import comment_findings, public_comment_body
from decisions.services import comment_moderate, decision_mark_decided, decision_prepare, feedback_publish
from lushan_portal.masking import describe, finding_kinds, masking_warning, scrub_text
from lushan_portal.personal_data import PersonalDataAdminMixin, masker, personal_data_in_clear
from organizations.models import Unit
from organizations.scoping import UnitScopedAdminMixin, is_supervisor
from publication_review.admin import ReviewAdminMixin


class HearingInline(admin.TabularInline):
    model = Hearing
    extra = 0


class OfflineCommentsInline(admin.TabularInline):
    """Comments received by letter, fax, phone, e-mail, 座谈会 or 听证会: a count and a summary per channel."""

    model = OfflineComments
    extra = 0


class AttachmentInline(admin.TabularInline):
    model = DecisionAttachment
    extra = 0


class DecisionForm(forms.ModelForm):
    class Meta:
        model = MajorDecision
        fields = [
            "unit", "kind", "year", "title", "notice_title", "entered_after_fact", "published_on", "summary",
            "classified", "draft_text", "explanation", "basis", "how_to_comment", "window_form", "window_wording",
            "opens_on", "closes_on", "ends_before", "shortened_reason", "evaluated_on",
        ]  # fmt: skip

    def _post_clean(self) -> None:
        super()._post_clean()
        try:
            decision_prepare(self.instance)
        except ValidationError as error:
            self._update_errors(error)


NOT_STATED_HELP = _("事后录入的记录：原报告未说明的留空（显示“未说明”）")


class FeedbackForm(forms.Form):
    received = forms.IntegerField(label=_("收到意见数"), min_value=0, required=False, help_text=NOT_STATED_HELP)
    adopted = forms.IntegerField(label=_("采纳意见数"), min_value=0, required=False, help_text=NOT_STATED_HELP)
    not_adopted = forms.IntegerField(label=_("未采纳意见数"), min_value=0, required=False, help_text=NOT_STATED_HELP)
    published_on = forms.DateField(
        label=_("原报告公布日期"),
        required=False,
        help_text=_("仅事后录入：填写原报告日期，不详则留空；本网站公布的取当日"),
    )
    main_views = forms.CharField(label=_("主要观点"), widget=forms.Textarea(attrs={"rows": 4}))
    reasons = forms.CharField(label=_("未采纳理由"), widget=forms.Textarea(attrs={"rows": 4}))


class DecidedForm(forms.Form):
    decided_on = forms.DateField(label=_("作出决策日期"), initial=timezone.localdate)


@admin.register(MajorDecision)
class MajorDecisionAdmin(ReviewAdminMixin, UnitScopedAdminMixin, SimpleHistoryAdmin):
    form = DecisionForm
    list_display = (
        "__str__", "kind", "unit", "year", "stage_label", "opens_on", "closes_on", "window_days", "entered_after_fact",
    )  # fmt: skip
    list_filter = ("year", "kind", "entered_after_fact", "classified")
    search_fields = ("title", "notice_title")
    list_select_related = ("unit",)
    readonly_fields = ("entered_at",)
    inlines = [HearingInline, OfflineCommentsInline, AttachmentInline]
    change_form_template = "admin/decisions/majordecision/change_form.html"

    @admin.display(description=_("状态"))
    def stage_label(self, decision: MajorDecision) -> str:
        return decision.stage().label

    def has_delete_permission(self, request: HttpRequest, obj: MajorDecision | None = None) -> bool:
        return False

    def get_urls(self) -> list:
        wrap = self.admin_site.admin_view
        own = [
            path("<path:object_id>/feedback/", wrap(self.feedback_view), name="decisions_majordecision_feedback"),
            path("<path:object_id>/decided/", wrap(self.decided_view), name="decisions_majordecision_decided"),
        ]
        return own + super().get_urls()

    def _step(self, request: HttpRequest, object_id: str, form_class: type, template: str, action) -> HttpResponse:
        decision = self.get_object(request, object_id)
        if not self.has_change_permission(request, decision):
            raise PermissionDenied
        form = form_class(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                action(decision, form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                self.message_user(request, _("已保存。"), messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:decisions_majordecision_change", args=[decision.pk]))
        context = {**self.admin_site.each_context(request), "form": form, "object": decision, "opts": self.opts}
        return render(request, template, context)

    def feedback_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return self._step(
            request,
            object_id,
            FeedbackForm,
            "admin/decisions/majordecision/feedback.html",
            lambda decision, data: feedback_publish(decision=decision, by=request.user, **data),
        )

    def decided_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return self._step(
            request,
            object_id,
            DecidedForm,
            "admin/decisions/majordecision/feedback.html",
            lambda decision, data: decision_mark_decided(decision=decision, by=request.user, **data),
        )


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["status", "rejection_reason"]

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("status") == CommentStatus.REJECTED and not cleaned.get("rejection_reason", "").strip():
            self.add_error("rejection_reason", _("不予公开须填写理由。"))
        return cleaned


@admin.register(Comment)
class CommentAdmin(PersonalDataAdminMixin, UnitScopedAdminMixin, SimpleHistoryAdmin):
    """Moderation: approve, or reject with a reason. Nothing is deleted."""

    unit_field = "decision__unit"
    personal_fields = {"name": masker(1, 0), "contact": masker(2, 2), "body": scrub_text}
    form = CommentForm
    list_display = ("short_body", "masking_note", "decision", "status", "submitted_at", "name", "contact")
    list_filter = ("status", "decision")
    search_fields = ("body",)
    list_select_related = ("decision",)
    readonly_fields = (
        "decision", "body", "masking_note", "public_body", "name", "contact", "submitted_at", "moderated_at",
    )  # fmt: skip
    fields = (
        "decision", "body", "masking_note", "public_body", "name", "contact", "submitted_at", "status",
        "rejection_reason", "moderated_at",
    )  # fmt: skip
    actions = ["approve_selected"]

    @admin.display(description=_("意见"))
    def short_body(self, comment: Comment) -> str:
        return comment.body[:40]

    @admin.display(description=_("公开时将隐去"))
    def masking_note(self, comment: Comment) -> str:
        # Kinds only: this column is shown to every reader, the fragments are not.
        return finding_kinds(comment_findings(comment.body, comment.name)) or "—"

    @admin.display(description=_("公开显示为"))
    def public_body(self, comment: Comment) -> str:
        return public_comment_body(comment.body, comment.name)

    def _warn_masking(self, request: HttpRequest, comment: Comment) -> None:
        # Approval stays allowed: the public only ever sees the masked body.
        if not personal_data_in_clear(request, comment, comment.decision.unit_id):
            return
        warning = masking_warning(map(describe, comment_findings(comment.body, comment.name)))
        if comment.status == CommentStatus.APPROVED and warning:
            self.message_user(request, f"{comment}：{warning}", messages.WARNING)

    def has_add_permission(self, request: HttpRequest, *args: object) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Comment | None = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Comment, form: forms.ModelForm, change: bool) -> None:
        comment_moderate(
            comment=obj, approve=obj.status == CommentStatus.APPROVED, reason=obj.rejection_reason, by=request.user
        )
        self._warn_masking(request, obj)

    @admin.action(description=_("公开所选意见"))
    def approve_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        for comment in queryset:
            comment_moderate(comment=comment, approve=True, by=request.user)
            comment.status = CommentStatus.APPROVED
            self._warn_masking(request, comment)
        self.message_user(request, _("已公开。"), messages.SUCCESS)


@admin.register(Meeting)
class MeetingAdmin(UnitScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ("held_on", "subject", "unit", "stakeholders", "public_representatives", "experts", "media")
    list_filter = ("unit__kind",)
    date_hierarchy = "held_on"
    change_list_template = "admin/decisions/meeting/change_list.html"

    def get_urls(self) -> list:
        view = self.admin_site.admin_view(self.attendance_view)
        return [path("attendance/", view, name="decisions_meeting_attendance"), *super().get_urls()]

    def attendance_view(self, request: HttpRequest) -> HttpResponse:
        """Supervisors: per unit, whether outsiders attended a meeting in the half year."""
        if not is_supervisor(request.user):
            raise PermissionDenied
        try:
            year, half = (int(part) for part in request.GET.get("half", "").split("-"))
            start, end = rules.half_year(date(year, 1 if half == 1 else 7, 1))
        except ValueError:
            start, end = rules.half_year(timezone.localdate())
        values = stakeholder_attendance(start, end)
        units = Unit.objects.filter(pk__in=values).order_by("sort_order")
        rows = [(unit, values[unit.pk]) for unit in units]
        context = {**self.admin_site.each_context(request), "rows": rows, "start": start, "end": end, "opts": self.opts}
        return render(request, "admin/decisions/meeting/attendance.html", context)
