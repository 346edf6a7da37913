from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LushanPortalConfig(AppConfig):
    name = "lushan_portal"
    verbose_name = _("门户")

    def ready(self) -> None:
        from lushan_portal import checks  # noqa: F401 - registers the deployment checks
