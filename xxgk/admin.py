"""指南 in the admin: editors of the unit compile a version and submit it; a reviewer of the unit
approves (publishes) or returns it; a published 指南 changes only through "新建版本"."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from lushan_portal.admin_tools import approve_or_return_view
from organizations.scoping import UnitScopedAdminMixin, can_write_unit, is_supervisor, user_unit_ids
from xxgk.models import Guide, GuideReview, GuideStatus
from xxgk.services import can_review, guide_review, guide_save, guide_start, guide_submit

EDITED_FIELDS = [
    "office_name",
    "address",
    "office_hours",
    "phone",
    "fax",
    "email",
    "postcode",
    "application_notes",
    "fees_rule",
    "remedies",
]
STATE_FIELDS = ("version", "status", "submitted_at", "published_at", "superseded_at", "created_by")


class ReviewInline(admin.TabularInline):
    model = GuideReview
    extra = 0
    can_delete = False
    readonly_fields = ("reviewer", "decision", "comment", "reviewed_at")

    def has_add_permission(self, request: HttpRequest, obj: Guide | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Guide | None = None) -> bool:
        return False


@admin.register(Guide)
class GuideAdmin(UnitScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ("unit", "version", "status", "submitted_at", "published_at")
    list_filter = ("status", "unit__kind")
    search_fields = ("unit__name",)
    list_select_related = ("unit",)
    inlines = [ReviewInline]
    readonly_fields = STATE_FIELDS
    change_form_template = "admin/xxgk/guide/change_form.html"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        """Staff see their units' 指南 (reviewers too); supervisors every unit's."""
        guides = Guide.objects.select_related("unit")
        user = request.user
        if user.is_superuser or is_supervisor(user):
            return guides
        return guides.filter(unit__in=user_unit_ids(user))

    def get_inlines(self, request: HttpRequest, obj: Guide | None) -> list:
        return self.inlines if obj is not None else []

    def get_fields(self, request: HttpRequest, obj: Guide | None = None) -> list[str]:
        if obj is None:
            return ["unit"]
        return ["unit", *STATE_FIELDS, *EDITED_FIELDS]

    def get_readonly_fields(self, request: HttpRequest, obj: Guide | None = None) -> tuple[str, ...]:
        if obj is None:
            return ()
        if not obj.is_editable:
            return ("unit", *STATE_FIELDS, *EDITED_FIELDS)
        return ("unit", *STATE_FIELDS)

    def has_change_permission(self, request: HttpRequest, obj: Guide | None = None) -> bool:
        if obj is not None and not obj.is_editable:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Guide | None = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Guide, form: forms.ModelForm, change: bool) -> None:
        if change:
            guide_save(guide=obj, by=request.user)
            return
        started = guide_start(unit=obj.unit, by=request.user)
        obj.pk, obj.version = started.pk, started.version
        obj._state.adding = False

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context: dict | None = None) -> HttpResponse:
        try:
            return super().add_view(request, form_url, extra_context)
        except (ValidationError, PermissionDenied) as error:
            self.message_user(request, "；".join(getattr(error, "messages", [str(error)])), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:xxgk_guide_changelist"))

    def get_urls(self) -> list:
        def view(name: str, fn) -> path:
            return path(f"<path:object_id>/{name}/", self.admin_site.admin_view(fn), name=f"xxgk_guide_{name}")

        return [
            view("submit", self.submit_view),
            view("review", self.review_view),
            view("new-version", self.new_version_view),
            *super().get_urls(),
        ]

    def _redirect(self, guide: Guide) -> HttpResponseRedirect:
        return HttpResponseRedirect(reverse("admin:xxgk_guide_change", args=[guide.pk]))

    def _run(self, request: HttpRequest, guide: Guide, action, success: str) -> HttpResponseRedirect:
        if request.method != "POST":
            raise PermissionDenied
        try:
            result = action()
        except (ValidationError, PermissionDenied) as error:
            self.message_user(request, "；".join(getattr(error, "messages", [str(error)])), messages.ERROR)
            return self._redirect(guide)
        self.message_user(request, success, messages.SUCCESS)
        return self._redirect(result)

    def submit_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        guide = self.get_object(request, object_id)
        return self._run(request, guide, lambda: guide_submit(guide=guide, by=request.user), _("已提交审核。"))

    def new_version_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        guide = self.get_object(request, object_id)
        started = _("已新建版本，请修改后提交审核。")
        return self._run(request, guide, lambda: guide_start(unit=guide.unit, by=request.user), started)

    def review_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return approve_or_return_view(
            self,
            request,
            self.get_object(request, object_id),
            can_review=can_review,
            review=lambda guide, **decision: guide_review(guide=guide, **decision),
            template="admin/xxgk/guide/review.html",
            context_name="guide",
        )

    def render_change_form(self, request: HttpRequest, context: dict, *args: object, **kwargs: object) -> HttpResponse:
        guide = context.get("original")
        if guide is not None:
            writer = can_write_unit(request.user, guide.unit_id)
            context["may_review"] = guide.status == GuideStatus.SUBMITTED and can_review(request.user, guide)
            context["may_edit"] = guide.is_editable and writer
            context["may_new_version"] = guide.status == GuideStatus.PUBLISHED and writer
            context["pending_fields"] = guide.pending_fields
        return super().render_change_form(request, context, *args, **kwargs)
