from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

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
    search_fields = ("name", "short_name", "code")
    ordering = ("sort_order", "code")

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> tuple[str, ...]:
        if request.user.is_superuser:
            return ()
        return tuple(f.name for f in Unit._meta.fields if f.name not in UNIT_STAFF_EDITABLE)


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ("user", "unit", "role")
    list_filter = ("role", "unit__kind")
    search_fields = ("user__username", "unit__name")
    autocomplete_fields = ("unit",)

    def save_model(self, request: HttpRequest, obj: Membership, form: object, change: bool) -> None:
        if change:
            membership_revoke(membership=Membership.objects.get(pk=obj.pk))
        granted = membership_grant(user=obj.user, unit=obj.unit, role=obj.role)
        obj.pk = granted.pk

    def delete_model(self, request: HttpRequest, obj: Membership) -> None:
        membership_revoke(membership=obj)

    def delete_queryset(self, request: HttpRequest, queryset) -> None:
        for membership in queryset:
            membership_revoke(membership=membership)
