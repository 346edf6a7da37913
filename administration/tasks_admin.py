"""Tasks, progress reports and rectifications in the admin: the lead (or rectifying) unit's staff
enter and publish them on a review; a report's periods are opened by publishing the task and filled
by the unit; a rectification's completion is reported on its own page. Never deleted: withdrawn."""

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

from administration import rules
from administration.guides_admin import publish_buttons
from administration.models import ProgressReport, PublicStatus, Rectification, WorkTask
from administration.rectification_services import (
    rectification_complete,
    rectification_publish,
    rectification_save,
    rectification_withdraw,
)
from administration.tasks_services import (
    ERROR_PERCENT,
    ERROR_PERIOD_NOT_STARTED,
    ERROR_TEXT,
    report_publish,
    report_submit,
    report_withdraw,
    task_publish,
    task_save,
    task_withdraw,
)
from audit.models import Event
from audit.services import audit_record
from lushan_portal.admin_tools import PublishWithdrawMixin
from organizations.scoping import UnitScopedAdminMixin, can_write_unit

TASK_FIELDS = ["year", "kind", "number", "title", "unit", "target", "planned_completion"]
TASK_STATE = ["status", "completed_on", "published_at", "withdrawn_at", "withdrawal_reason", "created_by"]


class ReportInline(admin.TabularInline):
    """The task's periods as read-only rows; each is filled on its own page."""

    model = ProgressReport
    extra = 0
    can_delete = False
    fields = ("period_start", "period_end", "due_date", "reported_on", "percent", "status")
    readonly_fields = fields
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: WorkTask | None = None) -> bool:
        return False


class ReadOnlyOncePublishedMixin:
    """Drafts are edited; published and withdrawn records are read-only (withdrawn, never deleted)."""

    editable_statuses: tuple[str, ...] = (PublicStatus.DRAFT,)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        if obj is not None and obj.status not in self.editable_statuses:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(WorkTask)
class WorkTaskAdmin(ReadOnlyOncePublishedMixin, PublishWithdrawMixin, UnitScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ("title", "year", "kind", "unit", "planned_completion", "status", "completed_on")
    list_filter = ("year", "kind", "status")
    search_fields = ("title", "number", "unit__name")
    list_select_related = ("unit",)
    inlines = [ReportInline]
    readonly_fields = TASK_STATE
    change_form_template = "admin/administration/publishable_change_form.html"
    publish_service = staticmethod(lambda obj, by: task_publish(task=obj, by=by))
    withdraw_service = staticmethod(lambda obj, reason, by: task_withdraw(task=obj, reason=reason, by=by))

    def get_fields(self, request: HttpRequest, obj: WorkTask | None = None) -> list[str]:
        return TASK_FIELDS if obj is None else [*TASK_FIELDS, *TASK_STATE]

    def get_inlines(self, request: HttpRequest, obj: WorkTask | None) -> list:
        return self.inlines if obj is not None else []

    def save_model(self, request: HttpRequest, obj: WorkTask, form: forms.ModelForm, change: bool) -> None:
        task_save(task=obj, by=request.user)

    def render_change_form(self, request: HttpRequest, context: dict, *args: object, **kwargs: object) -> HttpResponse:
        if (task := context.get("original")) is not None:
            context.update(publish_buttons(request, task, "worktask"))
            if task.status == PublicStatus.DRAFT:
                context["hint"] = _(
                    "发布后按报告期（每%(months)d个月）生成进展报告，每期结束后%(days)d个工作日内报送。"
                ) % {
                    "months": rules.report_months(),
                    "days": rules.REPORT_WORKING_DAYS,
                }
        return super().render_change_form(request, context, *args, **kwargs)


class ReportForm(forms.ModelForm):
    class Meta:
        model = ProgressReport
        fields = ["percent", "text", "completes_task"]

    def clean(self) -> dict:
        data = super().clean()
        if self.instance.period_start > timezone.localdate():
            raise forms.ValidationError(_(ERROR_PERIOD_NOT_STARTED))
        if data.get("percent") is None and not data.get("completes_task"):
            self.add_error("percent", _(ERROR_PERCENT))
        if not (data.get("text") or "").strip():
            self.add_error("text", _(ERROR_TEXT))
        return data


class AwaitingFilter(admin.SimpleListFilter):
    title = _("报送情况")
    parameter_name = "reported"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("overdue", _("逾期未报送")), ("open", _("待报送")), ("done", _("已报送"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.filter(reported_on__isnull=True, due_date__lt=today)
        if self.value() == "open":
            return queryset.filter(reported_on__isnull=True, due_date__gte=today)
        if self.value() == "done":
            return queryset.filter(reported_on__isnull=False)
        return queryset


@admin.register(ProgressReport)
class ProgressReportAdmin(ReadOnlyOncePublishedMixin, PublishWithdrawMixin, UnitScopedAdminMixin, SimpleHistoryAdmin):
    unit_field = "task__unit"
    editable_statuses = (PublicStatus.DRAFT, PublicStatus.WITHDRAWN)  # a withdrawn report is made again
    form = ReportForm
    list_display = ("task", "period_end", "due_date", "reported_on", "percent", "status")
    list_filter = (AwaitingFilter, "status", "task__year")
    search_fields = ("task__title",)
    list_select_related = ("task", "task__unit")
    readonly_fields = ("task", "period_start", "period_end", "due_date", "reported_on", "status", "published_at")
    fields = (
        "task",
        "period_start",
        "period_end",
        "due_date",
        "percent",
        "text",
        "completes_task",
        *readonly_fields[4:],
    )
    change_form_template = "admin/administration/publishable_change_form.html"
    publish_service = staticmethod(lambda obj, by: report_publish(report=obj, by=by))
    withdraw_service = staticmethod(lambda obj, reason, by: report_withdraw(report=obj, reason=reason, by=by))

    def has_add_permission(self, request: HttpRequest, *args: object) -> bool:
        return False  # periods are opened by publishing the task

    def save_model(self, request: HttpRequest, obj: ProgressReport, form: forms.ModelForm, change: bool) -> None:
        data = form.cleaned_data
        report_submit(
            report=obj,
            percent=data["percent"],
            text=data["text"],
            completes_task=data["completes_task"],
            by=request.user,
        )

    def render_change_form(self, request: HttpRequest, context: dict, *args: object, **kwargs: object) -> HttpResponse:
        if (report := context.get("original")) is not None and report.reported_on is not None:
            context.update(publish_buttons(request, report, "progressreport", unit_id=report.task.unit_id))
        return super().render_change_form(request, context, *args, **kwargs)


RECT_FIELDS = ["source", "source_title", "found_on", "unit", "finding", "deadline", "measures"]
RECT_STATE = [
    "status",
    "completed_on",
    "completion_report",
    "published_at",
    "completion_published_at",
    "withdrawn_at",
    "withdrawal_reason",
    "created_by",
]


class CompletionForm(forms.Form):
    completed_on = forms.DateField(label=_("整改完成日期"), widget=forms.DateInput(attrs={"type": "date"}))
    completion_report = forms.CharField(label=_("整改完成情况（将公开）"), widget=forms.Textarea(attrs={"rows": 6}))


@admin.register(Rectification)
class RectificationAdmin(ReadOnlyOncePublishedMixin, PublishWithdrawMixin, UnitScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ("__str__", "source", "unit", "deadline", "completed_on", "status")
    list_filter = ("source", "status")
    search_fields = ("finding", "source_title", "unit__name")
    list_select_related = ("unit",)
    readonly_fields = RECT_STATE
    change_form_template = "admin/administration/publishable_change_form.html"
    publish_service = staticmethod(lambda obj, by: rectification_publish(rectification=obj, by=by))
    withdraw_service = staticmethod(
        lambda obj, reason, by: rectification_withdraw(rectification=obj, reason=reason, by=by)
    )

    def get_fields(self, request: HttpRequest, obj: Rectification | None = None) -> list[str]:
        return RECT_FIELDS if obj is None else [*RECT_FIELDS, *RECT_STATE]

    def save_model(self, request: HttpRequest, obj: Rectification, form: forms.ModelForm, change: bool) -> None:
        rectification_save(rectification=obj, by=request.user)

    def get_urls(self) -> list:
        complete = path(
            "<path:object_id>/complete/",
            self.admin_site.admin_view(self.complete_view),
            name="administration_rectification_complete",
        )
        return [complete, *super().get_urls()]

    def complete_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        rectification = self.get_object(request, object_id)
        if not can_write_unit(request.user, rectification.unit_id):
            raise PermissionDenied
        form = CompletionForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                rectification_complete(
                    rectification=rectification,
                    completed_on=form.cleaned_data["completed_on"],
                    report=form.cleaned_data["completion_report"],
                    by=request.user,
                )
            except ValidationError as error:
                on_fields = hasattr(error, "error_dict") and set(error.error_dict) <= set(form.fields)
                form.add_error(None, error if on_fields else error.messages)
            else:
                audit_record(
                    event=Event.CHANGE, user=request.user, obj=rectification, request=request, detail="整改完成"
                )
                self.message_user(request, _("已记录整改完成情况，请审查并发布。"), messages.SUCCESS)
                return HttpResponseRedirect(
                    reverse("admin:administration_rectification_change", args=[rectification.pk])
                )
        context = {**self.admin_site.each_context(request), "form": form, "object": rectification, "opts": self.opts}
        return render(request, "admin/administration/complete.html", context)

    def render_change_form(self, request: HttpRequest, context: dict, *args: object, **kwargs: object) -> HttpResponse:
        if (row := context.get("original")) is not None:
            buttons = publish_buttons(request, row, "rectification")
            if buttons and row.status == PublicStatus.PUBLISHED:
                if row.completed_on is None:
                    buttons["complete_url"] = reverse("admin:administration_rectification_complete", args=[row.pk])
                elif row.completion_published_at is None:
                    buttons["publish_url"] = reverse("admin:administration_rectification_publish", args=[row.pk])
            context.update(buttons)
        return super().render_change_form(request, context, *args, **kwargs)
