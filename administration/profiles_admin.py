"""Unit profiles and the reform history in the admin: a unit's editors compile a draft, review and
publish it; a published version is read-only: "新建版本" copies it into a new draft."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from administration.models import InternalBody, Leader, RecordStatus, UnitProfile, UnitReform
from administration.profiles_services import (
    profile_new_version,
    profile_publish_for_admin,
    reform_publish_for_admin,
    withdraw_for_admin,
)
from lushan_portal.admin_tools import PublishWithdrawMixin
from organizations.models import Unit
from organizations.scoping import UnitScopedAdminMixin, can_write_unit


class DraftInline(admin.StackedInline):
    extra = 0

    def _editable(self, request: HttpRequest, obj: UnitProfile | None) -> bool:
        return obj is None or (obj.status == RecordStatus.DRAFT and can_write_unit(request.user, obj.unit_id))

    def has_add_permission(self, request: HttpRequest, obj: UnitProfile | None = None) -> bool:
        return super().has_add_permission(request, obj) and self._editable(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: UnitProfile | None = None) -> bool:
        return super().has_change_permission(request, obj) and self._editable(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: UnitProfile | None = None) -> bool:
        return super().has_delete_permission(request, obj) and self._editable(request, obj)


class InternalBodyInline(DraftInline):
    model = InternalBody
    fields = ("position", "name", "duties")


class LeaderInline(DraftInline):
    model = Leader
    fields = ("position", "name", "post", "duties")


class DraftRecordAdmin(PublishWithdrawMixin, UnitScopedAdminMixin, SimpleHistoryAdmin):
    """Drafts are edited; published and withdrawn records are read-only and never deleted."""

    change_form_template = "admin/administration/change_form.html"
    withdraw_service = staticmethod(withdraw_for_admin)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        if obj is not None and obj.status != RecordStatus.DRAFT:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Model, form: forms.ModelForm, change: bool) -> None:
        if not can_write_unit(request.user, obj.unit_id):
            raise PermissionDenied
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: forms.ModelForm, formsets: list, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        if any(formset.has_changed() for formset in formsets):
            # A new history row: a review made before the bodies or leaders changed no longer counts.
            form.instance.save()

    def render_change_form(self, request: HttpRequest, context: dict, *args, obj: Model | None = None, **kwargs):
        context["can_withdraw"] = obj is not None and can_write_unit(request.user, obj.unit_id)
        context["public_url"] = obj.unit.get_absolute_url() if obj is not None else ""
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)


@admin.register(UnitProfile)
class UnitProfileAdmin(DraftRecordAdmin):
    list_display = ("unit", "effective_on", "status", "published_at")
    list_filter = ("status", "unit__kind")
    search_fields = ("unit__name",)
    list_select_related = ("unit",)
    fields = ("unit", "effective_on", "basis", "functions", "address", "office_hours", "phone", "status")
    readonly_fields = ("status",)
    inlines = [InternalBodyInline, LeaderInline]
    actions = ["new_version"]
    publish_service = staticmethod(profile_publish_for_admin)

    @admin.action(description=_("以所选版本为底稿新建版本"))
    def new_version(self, request: HttpRequest, queryset: QuerySet) -> None:
        done = 0
        for profile in queryset:
            if can_write_unit(request.user, profile.unit_id):
                profile_new_version(profile=profile, by=request.user)
                done += 1
        self.message_user(
            request, _("已新建 %(n)d 个草稿版本，请修改适用日期和内容后审查发布。") % {"n": done}, messages.SUCCESS
        )


@admin.register(UnitReform)
class UnitReformAdmin(DraftRecordAdmin):
    list_display = ("former_name", "kind", "happened_on", "successor", "unit", "status")
    list_filter = ("status", "kind")
    search_fields = ("former_name", "unit__name")
    list_select_related = ("unit", "successor")
    fields = ("unit", "former_name", "kind", "happened_on", "successor", "basis", "note", "status")
    readonly_fields = ("status",)
    publish_service = staticmethod(reform_publish_for_admin)

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "successor":  # any unit of the county may carry on the duties
            kwargs["queryset"] = Unit.objects.order_by("sort_order", "code")
            return admin.ModelAdmin.formfield_for_foreignkey(self, db_field, request, **kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
