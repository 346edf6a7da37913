from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("账号与安全")

    # 三员分立: what each administrator's admin pages show. Who may change accounts, roles and
    # group permissions is decided by accounts.policy; nobody but the auditor reads the audit
    # log (audit.admin checks the role itself, so not even superusers do).
    role_permissions = {
        "system_admin": [
            "auth.view_user",
            "auth.add_user",
            "auth.change_user",
            "organizations.view_unit",
            "organizations.add_unit",
            "organizations.change_unit",
            "organizations.view_membership",
            "organizations.add_membership",
            "organizations.change_membership",
            "organizations.delete_membership",
            "axes.view_accessattempt",
            "axes.delete_accessattempt",
            "catalog.view_domain",
            "catalog.add_domain",
            "catalog.change_domain",
            "workdays.view_calendaryear",
            "workdays.change_calendaryear",
            "workdays.view_calendarday",
            "workdays.add_calendarday",
            "workdays.change_calendarday",
        ],
        "security_admin": [
            "auth.view_user",
            "auth.view_group",
            "auth.add_group",
            "auth.change_group",
            "auth.view_permission",
            "organizations.view_membership",
            "organizations.add_membership",
            "organizations.change_membership",
            "organizations.delete_membership",
            "axes.view_accessattempt",
            "axes.delete_accessattempt",
            "axes.view_accesslog",
        ],
        "auditor": ["audit.view_auditevent", "audit.export_auditevent"],
    }

    def ready(self) -> None:
        from accounts import keycheck  # registers the system check run by migrate

        post_migrate.connect(keycheck.store_after_migrate, sender=self)
