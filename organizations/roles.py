"""Role groups: each role is a Django group whose permissions the apps declare.

Every AppConfig may carry ``role_permissions = {"editor": [...], ...}`` naming its
model permission codenames; after each migrate the groups are brought in line.
Membership in a unit (organizations.Membership) decides *which rows* a person
reaches; the group decides *which actions* the admin offers.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

ROLE_GROUPS = {
    "editor": _("信息员"),
    "reviewer": _("审核员"),
    "supervisor": _("督查员"),
    # 三员分立 (level-3 baseline): one person holds at most one of these (accounts.roles).
    "system_admin": _("系统管理员"),
    "security_admin": _("安全管理员"),
    "auditor": _("审计管理员"),
}


def role_group(role: str) -> Group:
    group, _created = Group.objects.get_or_create(name=str(ROLE_GROUPS[role]))
    return group


def sync_role_groups(**kwargs: object) -> None:
    wanted: dict[str, set[tuple[str, str]]] = {role: set() for role in ROLE_GROUPS}
    for config in apps.get_app_configs():
        for role, codenames in getattr(config, "role_permissions", {}).items():
            # "codename" is the app's own; "app_label.codename" names another app's (auth, axes).
            wanted[role].update(
                tuple(name.split(".", 1)) if "." in name else (config.label, name) for name in codenames
            )
    for role, pairs in wanted.items():
        permissions = [
            permission
            for permission in Permission.objects.filter(content_type__app_label__in={app for app, _ in pairs})
            .select_related("content_type")
            .iterator()
            if (permission.content_type.app_label, permission.codename) in pairs
        ]
        role_group(role).permissions.set(permissions)
