from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionConfig(AppConfig):
    name = "inspection"
    verbose_name = _("网站自查")

    # Editors fix what is found; supervisors also read the probes and the link checks.
    role_permissions = {
        "editor": ["view_finding"],
        "reviewer": ["view_finding"],
        "supervisor": ["view_finding", "view_run", "view_probe", "view_linkcheck"],
    }

    def ready(self) -> None:
        from inspection.deadlines import register_rules

        register_rules()
