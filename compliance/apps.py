from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    name = "compliance"
    verbose_name = _("合规督查")

    role_permissions = {
        "editor": ["view_alert"],
        "reviewer": ["view_alert"],
        "supervisor": ["view_alert"],
    }
