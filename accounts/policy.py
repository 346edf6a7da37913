"""Who may change which account, role and permission (三员分立): decided here and nowhere else.

- 系统管理员 creates ordinary accounts (no administrator role, not superuser), edits their
  identity and password, disables them and sets their business roles (信息员, 审核员,
  督查员 and unit memberships). It never grants or removes an administrator role, superuser
  status or a permission, and edits no administrator's or superuser's account but its own
  identity and password.
- 安全管理员 assigns role groups (still one administrator role per account) and the
  permissions of groups other than the three administrators' (those are defined in code,
  accounts.apps). It never creates accounts nor edits identities, passwords or status.
- 审计管理员 changes nothing here.
- Superusers are made on the server only (createsuperuser): break-glass accounts that may
  do what the system and security administrators do, on any account; they set
  is_superuser in the admin only outside production.
- Nobody changes their own roles, groups, permissions or active status.
- Permissions of accounts, audit and lockout apps go to no group but the three
  administrators' (defined in code).

The admin asks this module alone (not Django's model permissions) whether it may add or
change accounts, groups and memberships. Every refusal raises PolicyRefusal with a Chinese
message and leaves an audit row. ``actor=None`` is the operator on the server (management
commands, seeding): only the one-administrator-role rule applies.
"""

from collections.abc import Iterable
from typing import NoReturn

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest

from accounts.roles import ADMIN_ROLES, ERROR_TWO_ROLES, SECURITY, SYSTEM, admin_role_names, check_separation
from audit.models import Event
from audit.services import audit_record
from organizations.roles import ROLE_GROUPS

SUPERUSER, OTHER = "superuser", "other"
REFUSED = "refused"
BUSINESS_ROLES = ("editor", "reviewer", "supervisor")
IDENTITY_FIELDS = frozenset({"username", "first_name", "last_name", "email", "password"})
ROLE_FIELDS = frozenset({"groups", "user_permissions", "is_superuser", "is_staff"})
GOVERNED_FIELDS = IDENTITY_FIELDS | ROLE_FIELDS | {"is_active"}
SELF_LOCKED_FIELDS = ROLE_FIELDS | {"is_active"}
RESERVED_PERMISSION_APPS = frozenset(
    {"admin", "auth", "contenttypes", "sessions", "axes", "audit", "accounts", "otp_totp", "otp_static"}
)

ERROR_OWN_ROLES = "不能修改自己的角色、用户组、权限或账号状态。"
ERROR_SUPERUSER = "超级用户身份不能在管理后台授予或取消，只能在服务器上用 createsuperuser 命令创建。"
ERROR_SYSTEM_ROLES = (
    "系统管理员只能设置业务角色（信息员、审核员、督查员），不能授予或取消三员角色、超级用户身份或权限。"
)
ERROR_SYSTEM_ACCOUNTS = "系统管理员只能管理普通账号；三员和超级用户的账号只能由超级用户维护。"
ERROR_SECURITY_IDENTITY = "安全管理员只能分配角色，不能创建账号，也不能修改账号的身份信息、密码或状态。"
ERROR_SUPERUSER_ACCOUNT = "超级用户的账号只能由超级用户维护。"
ERROR_NOT_YOURS = "你的角色不能修改账号、角色或权限。"
ERROR_GROUPS = "只有安全管理员能修改用户组及其权限。"
ERROR_ADMIN_GROUP = "三员用户组（系统管理员、安全管理员、审计管理员）的权限由系统定义，不能在管理后台修改。"
ERROR_RESERVED_PERMISSIONS = "账号、权限和审计日志方面的权限只属于三员用户组，不能授予其他用户组：{names}。"


class PolicyRefusal(ValidationError, PermissionDenied):
    """A refused change: forms show it as a validation error, views answer 403."""


def actor_kind(user: AbstractBaseUser | None) -> str:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return OTHER
    if user.is_superuser:
        return SUPERUSER
    names = set(user.groups.values_list("name", flat=True))
    return next((role for role in ADMIN_ROLES if str(ROLE_GROUPS[role]) in names), OTHER)


def is_ordinary(user: AbstractBaseUser) -> bool:
    """Neither a superuser nor one of the three administrators."""
    return not user.is_superuser and not user.groups.filter(name__in=admin_role_names()).exists()


def business_group_names() -> set[str]:
    return {str(ROLE_GROUPS[role]) for role in BUSINESS_ROLES}


def refuse(
    actor: AbstractBaseUser | None, target: object, message: str, request: HttpRequest | None = None
) -> NoReturn:
    audit_record(event=Event.ROLE, user=actor, obj=target, request=request, result=REFUSED, detail=message)
    raise PolicyRefusal(message)


def _production() -> bool:
    return bool(getattr(settings, "PRODUCTION", False))


# Accounts


def may_manage_accounts(actor: AbstractBaseUser) -> bool:
    """Whether the account admin opens at all for changes."""
    return actor_kind(actor) in (SUPERUSER, SYSTEM, SECURITY)


def may_create_accounts(actor: AbstractBaseUser) -> bool:
    return actor_kind(actor) in (SUPERUSER, SYSTEM)


def editable_user_fields(actor: AbstractBaseUser, target: AbstractBaseUser | None) -> frozenset[str]:
    """The account fields ``actor`` may change on ``target`` (None: a new account)."""
    kind = actor_kind(actor)
    if target is None:
        return frozenset({"username", "password"}) if kind in (SUPERUSER, SYSTEM) else frozenset()
    fields: frozenset[str] = frozenset()
    if kind == SUPERUSER:
        fields = GOVERNED_FIELDS - ({"is_superuser"} if _production() else set())
    elif kind == SYSTEM and is_ordinary(target):
        fields = IDENTITY_FIELDS | {"is_active", "is_staff", "groups"}
    elif kind == SYSTEM and target.pk == actor.pk:
        fields = IDENTITY_FIELDS
    elif kind == SECURITY and not target.is_superuser:
        fields = frozenset({"groups"})
    if target.pk == actor.pk:
        fields -= SELF_LOCKED_FIELDS
    return fields


def _user_refusal(actor: AbstractBaseUser, target: AbstractBaseUser | None, fields: set[str]) -> str:
    kind = actor_kind(actor)
    if target is not None and target.pk == actor.pk and fields & SELF_LOCKED_FIELDS:
        return ERROR_OWN_ROLES
    if "is_superuser" in fields and _production():
        return ERROR_SUPERUSER
    if kind == SYSTEM:
        return ERROR_SYSTEM_ACCOUNTS if target is not None and not is_ordinary(target) else ERROR_SYSTEM_ROLES
    if kind == SECURITY:
        return ERROR_SUPERUSER_ACCOUNT if target is not None and target.is_superuser else ERROR_SECURITY_IDENTITY
    return ERROR_NOT_YOURS


def check_user_change(
    *,
    actor: AbstractBaseUser | None,
    target: AbstractBaseUser | None,
    fields: Iterable[str],
    request: HttpRequest | None = None,
) -> None:
    """Refuse (audited) when ``actor`` may not change these fields of ``target``'s account."""
    if actor is None:
        return
    refused = set(fields) - editable_user_fields(actor, target)
    if refused:
        refuse(actor, target, _user_refusal(actor, target, refused), request)


# Roles (group membership of an account, and unit memberships)


def _role_refusal(actor: AbstractBaseUser, target: AbstractBaseUser, changed: set[str]) -> str | None:
    kind = actor_kind(actor)
    if target.pk == actor.pk:
        return ERROR_OWN_ROLES
    if kind == SYSTEM:
        if not is_ordinary(target):
            return ERROR_SYSTEM_ACCOUNTS
        return ERROR_SYSTEM_ROLES if changed - business_group_names() else None
    if kind == SECURITY:
        return ERROR_SUPERUSER_ACCOUNT if target.is_superuser else None
    return None if kind == SUPERUSER else ERROR_NOT_YOURS


def may_change_roles(actor: AbstractBaseUser, target: AbstractBaseUser | None = None) -> bool:
    """Whether ``actor`` may give or take business roles (of ``target``, if named)."""
    if target is None:
        return actor_kind(actor) in (SUPERUSER, SYSTEM, SECURITY)
    return _role_refusal(actor, target, business_group_names()) is None


def check_role_change(
    *,
    actor: AbstractBaseUser | None,
    target: AbstractBaseUser,
    changed: set[str],
    after: set[str] | None = None,
    request: HttpRequest | None = None,
) -> None:
    """Refuse (audited) giving or taking the role groups named in ``changed``.

    ``after`` is the target's set of group names afterwards, checked for 三员分立.
    """
    if actor is not None and changed:
        message = _role_refusal(actor, target, changed)
        if message:
            refuse(actor, target, message, request)
    if after is not None:
        try:
            check_separation(after)
        except ValidationError:
            refuse(actor, target, ERROR_TWO_ROLES, request)


def role_names(*roles: str) -> set[str]:
    return {str(ROLE_GROUPS[role]) for role in roles}


# Groups and their permissions


def _group_refusal(actor: AbstractBaseUser, group: Group | None) -> str | None:
    if actor_kind(actor) not in (SUPERUSER, SECURITY):
        return ERROR_GROUPS
    if group is None or group.pk is None:
        return None
    if group.name in admin_role_names():
        return ERROR_ADMIN_GROUP
    if actor.groups.filter(pk=group.pk).exists():
        return ERROR_OWN_ROLES
    return None


def may_change_group(actor: AbstractBaseUser, group: Group | None = None) -> bool:
    return _group_refusal(actor, group) is None


def is_role_group(group: Group) -> bool:
    return group.name in {str(name) for name in ROLE_GROUPS.values()}


def check_group_change(
    *,
    actor: AbstractBaseUser | None,
    group: Group | None,
    added: Iterable[Permission] = (),
    request: HttpRequest | None = None,
) -> None:
    """Refuse (audited) changing ``group`` (None: a new one) or adding these permissions to it."""
    if actor is None:
        return
    message = _group_refusal(actor, group)
    if message:
        refuse(actor, group, message, request)
    reserved = sorted(str(p) for p in added if p.content_type.app_label in RESERVED_PERMISSION_APPS)
    if reserved:
        refuse(actor, group, ERROR_RESERVED_PERMISSIONS.format(names="、".join(reserved)), request)
