from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from simple_history.admin import SimpleHistoryAdmin

from accounts.admin import with_actor
from accounts.policy import check_role_change, may_change_roles, role_names
from organizations.models import Membership, Unit
from organizations.scoping import UnitScopedAdminMixin
from organizations.services import membership_grant, membership_revoke

# What a unit's own staff may correct on their unit; the rest is the administrator's.
UNIT_STAFF_EDITABLE = ("email", "phone", "address")


@admin.register(Unit)
class UnitAdmin(UnitScopedAdminMixin, SimpleHistoryAdmin):
    unit_field = "pk"
    list_display = ("name", "code", "kind", "parent", "email", "is_seed", "is_active")
    list_filter = ("kind", "is_seed", "is_active")
    search_fields = ("name", "short_name", "code", "credit_code", "aliases")
    ordering = ("sort_order", "code")

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> tuple[str, ...]:
        if request.user.is_superuser:
            return ()
        return tuple(f.name for f in Unit._meta.fields if f.name not in UNIT_STAFF_EDITABLE)


class MembershipForm(forms.ModelForm):
    """Both the account that gains the role and the one that loses it must be the person's to change."""

    actor = request = None

    class Meta:
        model = Membership
        fields = ("user", "unit", "role")

    def clean(self) -> dict:
        cleaned = super().clean()
        user, role = cleaned.get("user"), cleaned.get("role")
        old = Membership.objects.filter(pk=self.instance.pk).select_related("user").first()
        if old is not None and (old.user_id, old.role) != (getattr(user, "pk", None), role):
            check_role_change(actor=self.actor, target=old.user, changed=role_names(old.role), request=self.request)
        if user is not None and role:
            check_role_change(actor=self.actor, target=user, changed=role_names(role), request=self.request)
        return cleaned


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    """Who may give or take a unit role is accounts.policy's decision (never one's own)."""

    form = MembershipForm
    list_display = ("user", "unit", "role")
    list_filter = ("role", "unit__kind")
    search_fields = ("user__username", "unit__name")
    autocomplete_fields = ("unit",)

    def get_form(self, request: HttpRequest, obj: Membership | None = None, **kwargs: object):
        return with_actor(super().get_form(request, obj, **kwargs), request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return may_change_roles(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Membership | None = None) -> bool:
        return may_change_roles(request.user, obj.user if obj is not None else None)

    def has_delete_permission(self, request: HttpRequest, obj: Membership | None = None) -> bool:
        return self.has_change_permission(request, obj)

    def _refuse_post(self, request: HttpRequest, object_id: str) -> None:
        membership = self.get_object(request, unquote(object_id))
        if request.method == "POST" and membership is not None:
            check_role_change(
                actor=request.user, target=membership.user, changed=role_names(membership.role), request=request
            )

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None) -> HttpResponse:
        self._refuse_post(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request: HttpRequest, object_id: str, extra_context=None) -> HttpResponse:
        self._refuse_post(request, object_id)
        return super().delete_view(request, object_id, extra_context)

    def save_model(self, request: HttpRequest, obj: Membership, form: object, change: bool) -> None:
        if change:
            membership_revoke(membership=Membership.objects.get(pk=obj.pk), by=request.user, request=request)
        granted = membership_grant(user=obj.user, unit=obj.unit, role=obj.role, by=request.user, request=request)
        obj.pk = granted.pk

    def delete_model(self, request: HttpRequest, obj: Membership) -> None:
        membership_revoke(membership=obj, by=request.user, request=request)

    def delete_queryset(self, request: HttpRequest, queryset) -> None:
        memberships = list(queryset.select_related("user"))
        for membership in memberships:  # all allowed, or none deleted
            check_role_change(
                actor=request.user, target=membership.user, changed=role_names(membership.role), request=request
            )
        for membership in memberships:
            membership_revoke(membership=membership, by=request.user, request=request)
