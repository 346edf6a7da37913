from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "organizations"
    verbose_name = _("单位与人员")

    # Model permissions each role needs in this app; see organizations.roles.
    role_permissions = {
        "editor": ["view_unit", "change_unit"],
        "reviewer": ["view_unit"],
        "supervisor": ["view_unit", "view_membership", "supervise"],
    }

    def ready(self) -> None:
        from lushan_portal import pagecache
        from organizations.roles import sync_role_groups
        from organizations.search import register_unit_search

        # Runs after every migrate so that new apps' permissions reach the role groups.
        post_migrate.connect(sync_role_groups, dispatch_uid="organizations.sync_role_groups")
        register_unit_search()
        # Units (names, order, visibility) appear on every public page.
        pagecache.register(pagecache.SITE, self.get_model("Unit"))
