"""Accounts and groups in the admin, every change decided by accounts.policy.

Fields the policy does not let the person change are shown read-only (the password link is
hidden); a forged POST of such a field is refused with a 403 and an audit row, and values
the policy refuses (a role group, a permission) are form errors, also audited.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters

from accounts.policy import (
    GOVERNED_FIELDS,
    PolicyRefusal,
    check_group_change,
    check_role_change,
    check_user_change,
    editable_user_fields,
    is_role_group,
    may_change_group,
    may_create_accounts,
    may_manage_accounts,
)
from accounts.services import account_deactivate
from accounts.usernames import USERNAME_HELP, validate_username

User = get_user_model()
MESSAGE_DEACTIVATED = "已停用 {count} 个账号。"


def with_actor(form: type[forms.BaseForm], request: HttpRequest) -> type[forms.BaseForm]:
    """The admin's form class, knowing who is asking (the policy checks need it)."""
    return type(form.__name__, (form,), {"actor": request.user, "request": request})


class UsernameRuleMixin:
    """The account-name rule (accounts.usernames), stricter than Django's, in the admin forms."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("username")
        if field is not None:
            field.validators.append(validate_username)
            field.help_text = USERNAME_HELP


class PolicyUserCreationForm(UsernameRuleMixin, AdminUserCreationForm):
    actor = request = None


class PolicyUserChangeForm(UsernameRuleMixin, UserChangeForm):
    actor = request = None

    def clean_groups(self) -> QuerySet:
        groups = self.cleaned_data.get("groups")
        if groups is not None:
            before = set(self.instance.groups.values_list("name", flat=True))
            after = {group.name for group in groups}
            check_role_change(
                actor=self.actor, target=self.instance, changed=before ^ after, after=after, request=self.request
            )
        return groups


admin.site.unregister(User)


@admin.register(User)
class PolicyUserAdmin(UserAdmin):
    """Accounts are created, changed and disabled as accounts.policy allows; never deleted."""

    form = PolicyUserChangeForm
    add_form = PolicyUserCreationForm
    actions = ["deactivate_accounts"]
    list_display = ("username", "email", "first_name", "last_name", "is_staff", "is_active")

    def get_form(self, request: HttpRequest, obj: object = None, **kwargs: object) -> type[forms.BaseForm]:
        return with_actor(super().get_form(request, obj, **kwargs), request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return may_create_accounts(request.user)

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        if obj is None:
            return may_manage_accounts(request.user)
        return bool(editable_user_fields(request.user, obj))

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # audit rows point at accounts: disable instead

    def has_deactivate_permission(self, request: HttpRequest) -> bool:
        return may_create_accounts(request.user)

    def get_actions(self, request: HttpRequest) -> dict:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def get_fieldsets(self, request: HttpRequest, obj: object = None) -> list:
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or "password" in editable_user_fields(request.user, obj):
            return fieldsets
        return [(name, {**opts, "fields": [f for f in opts["fields"] if f != "password"]}) for name, opts in fieldsets]

    def get_readonly_fields(self, request: HttpRequest, obj: object = None) -> tuple[str, ...]:
        if obj is None:
            return ()
        editable = editable_user_fields(request.user, obj)
        return tuple(f for f in flatten_fieldsets(self.get_fieldsets(request, obj)) if f not in editable)

    def _refuse_unoffered(self, request: HttpRequest, target: object) -> None:
        # The form never offers these fields; a POST carrying them is an attempt, refused and audited.
        if request.method == "POST":
            posted = GOVERNED_FIELDS & set(request.POST)
            check_user_change(actor=request.user, target=target, fields=posted, request=request)

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context: dict | None = None) -> HttpResponse:
        self._refuse_unoffered(request, None)
        return super().add_view(request, form_url, extra_context)

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict | None = None
    ) -> HttpResponse:
        target = self.get_object(request, unquote(object_id))
        if target is not None:
            self._refuse_unoffered(request, target)
        return super().change_view(request, object_id, form_url, extra_context)

    @method_decorator(sensitive_post_parameters())
    def user_change_password(self, request: HttpRequest, id: str, form_url: str = "") -> HttpResponse:
        target = self.get_object(request, unquote(id))
        if target is not None and "password" not in editable_user_fields(request.user, target):
            if request.method == "POST":
                check_user_change(actor=request.user, target=target, fields={"password"}, request=request)
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)

    def save_related(self, request: HttpRequest, form: forms.ModelForm, formsets: list, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        user = form.instance
        if not user.is_staff and user.groups.exists():  # a role needs the admin
            user.is_staff = True
            user.save(update_fields=["is_staff"])

    @admin.action(description=_("停用账号"), permissions=["deactivate"])
    def deactivate_accounts(self, request: HttpRequest, queryset: QuerySet) -> None:
        done = 0
        for user in queryset:
            try:
                done += account_deactivate(user=user, by=request.user, request=request)
            except PolicyRefusal as refusal:
                self.message_user(request, f"{user.get_username()}：{refusal.messages[0]}", messages.ERROR)
        if done:
            self.message_user(request, MESSAGE_DEACTIVATED.format(count=done), messages.SUCCESS)


class PolicyGroupForm(forms.ModelForm):
    actor = request = None

    class Meta:
        model = Group
        fields = ("name", "permissions")

    def clean_permissions(self) -> QuerySet:
        permissions = self.cleaned_data.get("permissions")
        if permissions is not None:
            group = self.instance if self.instance.pk else None
            before = set(group.permissions.all()) if group else set()
            check_group_change(actor=self.actor, group=group, added=set(permissions) - before, request=self.request)
        return permissions


admin.site.unregister(Group)


@admin.register(Group)
class PolicyGroupAdmin(GroupAdmin):
    """Groups and their permissions, as accounts.policy allows; the role groups keep their names."""

    form = PolicyGroupForm

    def get_form(self, request: HttpRequest, obj: object = None, **kwargs: object) -> type[forms.BaseForm]:
        return with_actor(super().get_form(request, obj, **kwargs), request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return may_change_group(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Group | None = None) -> bool:
        return may_change_group(request.user, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Group | None = None) -> bool:
        return may_change_group(request.user, obj) and (obj is None or not is_role_group(obj))

    def get_actions(self, request: HttpRequest) -> dict:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def get_readonly_fields(self, request: HttpRequest, obj: Group | None = None) -> tuple[str, ...]:
        return ("name",) if obj is not None and is_role_group(obj) else ()

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict | None = None
    ) -> HttpResponse:
        group = self.get_object(request, unquote(object_id))
        if request.method == "POST" and group is not None:
            check_group_change(actor=request.user, group=group, request=request)
        return super().change_view(request, object_id, form_url, extra_context)
