"""Unit scoping: staff see and change only rows of their own units.

One rule, used by the admin (UnitScopedAdminMixin), the API (UnitScopedPermission,
scope_queryset) and exports. Superusers and supervisors read everything; only
members of a row's unit (or superusers) change it.
"""

from django.contrib.admin.utils import unquote
from django.contrib.auth.models import AnonymousUser
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest
from rest_framework.permissions import SAFE_METHODS, BasePermission

from organizations.models import Membership, Role, Unit

_CACHE_ATTR = "_portal_unit_ids"


def is_supervisor(user: object) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or user.has_perm("organizations.supervise")


def user_unit_ids(user: object, role: Role | None = None) -> frozenset[int]:
    """Ids of the units the user is a member of (cached on the user object)."""
    if isinstance(user, AnonymousUser) or not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = {}
        for unit_id, member_role in Membership.objects.filter(user=user).values_list("unit_id", "role"):
            cached.setdefault(member_role, set()).add(unit_id)
        setattr(user, _CACHE_ATTR, cached)
    if role is not None:
        return frozenset(cached.get(role, ()))
    return frozenset().union(*cached.values()) if cached else frozenset()


def scope_queryset(qs: QuerySet, user: object, *, unit_field: str = "unit", for_write: bool = False) -> QuerySet:
    """Rows of ``qs`` the user may read (or change, with ``for_write``)."""
    if getattr(user, "is_superuser", False):
        return qs
    if not for_write and is_supervisor(user):
        return qs
    lookup = "pk__in" if unit_field == "pk" else f"{unit_field}__in"
    return qs.filter(**{lookup: user_unit_ids(user)})


def unit_of(obj: Model, unit_field: str) -> int | None:
    if unit_field == "pk":
        return obj.pk
    if "__" not in unit_field and hasattr(obj, f"{unit_field}_id"):
        return getattr(obj, f"{unit_field}_id")
    value = obj
    for part in unit_field.split("__"):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value.pk if isinstance(value, Unit) else value


def can_write_unit(user: object, unit_id: int | None) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return unit_id is not None and unit_id in user_unit_ids(user)


class UnitScopedAdminMixin:
    """Admin mixin: the changelist, the object pages and FK choices follow unit scope.

    An object outside the user's scope answers 404 on its view, change, delete and
    history pages, the same as one that does not exist.
    """

    unit_field = "unit"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return scope_queryset(super().get_queryset(request), request.user, unit_field=self.unit_field)

    def get_object(self, request: HttpRequest, object_id: str, from_field: str | None = None) -> Model:
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404("Not found")
        return obj

    def history_view(self, request: HttpRequest, object_id: str, extra_context: dict | None = None):
        # simple_history reads the history table directly: check the scope first.
        self.get_object(request, unquote(object_id))
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request: HttpRequest, object_id: str, version_id: str, extra_context=None):
        self.get_object(request, unquote(object_id))
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _may_write(self, request: HttpRequest, obj: Model | None) -> bool:
        if obj is None:
            return request.user.is_superuser or bool(user_unit_ids(request.user))
        return can_write_unit(request.user, unit_of(obj, self.unit_field))

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return super().has_change_permission(request, obj) and self._may_write(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return super().has_delete_permission(request, obj) and self._may_write(request, obj)

    def has_add_permission(self, request: HttpRequest, *args: object) -> bool:
        return super().has_add_permission(request, *args) and self._may_write(request, None)

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if db_field.related_model is Unit and not request.user.is_superuser:
            kwargs["queryset"] = Unit.objects.filter(pk__in=user_unit_ids(request.user))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class UnitScopedPermission(BasePermission):
    """DRF: anyone reads what the view's queryset exposes; writes need membership of the row's unit."""

    unit_field = "unit"

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request, view, obj: Model) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return can_write_unit(request.user, unit_of(obj, getattr(view, "unit_field", self.unit_field)))
