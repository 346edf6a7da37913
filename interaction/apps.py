from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteractionConfig(AppConfig):
    name = "interaction"
    verbose_name = _("互动交流")

    role_permissions: dict[str, list[str]] = {"editor": [], "reviewer": [], "supervisor": []}

    def ready(self) -> None:
        pass
