from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdministrationConfig(AppConfig):
    name = "administration"
    verbose_name = _("管理服务公开")

    role_permissions: dict[str, list[str]] = {"editor": [], "reviewer": [], "supervisor": []}

    def ready(self) -> None:
        pass
