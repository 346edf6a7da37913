from django.apps import AppConfig


class LushanPortalConfig(AppConfig):
    name = "lushan_portal"
    verbose_name = "鲁山县政务公开平台"

    def ready(self) -> None:
        from lushan_portal import checks  # noqa: F401 - registers the deployment checks
