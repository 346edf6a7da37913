"""The three separated administrators (三员分立): system, security and audit.

系统管理员 keeps accounts and configuration and cannot read the audit log; 安全管理员 keeps
roles, permissions and lockouts; 审计管理员 reads and exports the audit log and changes
nothing else. One account never holds two of these roles.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from organizations.roles import ROLE_GROUPS, role_group

SYSTEM, SECURITY, AUDITOR = "system_admin", "security_admin", "auditor"
ADMIN_ROLES = (SYSTEM, SECURITY, AUDITOR)
ERROR_TWO_ROLES = "三员分立：同一账号不能同时担任系统管理员、安全管理员、审计管理员中的两个角色。"


def admin_role_names() -> set[str]:
    return {str(ROLE_GROUPS[role]) for role in ADMIN_ROLES}


def has_admin_role(user: object, role: str) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return user.groups.filter(name=str(ROLE_GROUPS[role])).exists()


def check_separation(group_names: set[str]) -> None:
    if len(group_names & admin_role_names()) > 1:
        raise ValidationError(_(ERROR_TWO_ROLES))


def admin_role_grant(*, user: AbstractBaseUser, role: str, by: AbstractBaseUser | None = None) -> None:
    """Give ``user`` one of the three administrator roles; ``by`` None is the server (bootstrap_admins)."""
    from accounts.policy import check_role_change  # the policy builds on this module

    name = str(ROLE_GROUPS[role])
    current = set(user.groups.values_list("name", flat=True))
    check_role_change(actor=by, target=user, changed={name} - current, after=current | {name})
    user.groups.add(role_group(role))
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
