from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    name = "compliance"
    verbose_name = _("合规督查")

    role_permissions = {
        "editor": ["view_alert", "view_obligation", "view_obligationdue", "change_obligationdue"],
        "reviewer": ["view_alert", "view_obligation", "view_obligationdue"],
        "supervisor": [
            "view_alert",
            "view_obligation",
            "add_obligation",
            "change_obligation",
            "view_obligationdue",
            "view_indicatorweight",
            "change_indicatorweight",
            "add_indicatorweight",
        ],
    }

    def ready(self) -> None:
        from compliance.obligations import register

        register()
