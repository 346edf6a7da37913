from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Shown on the public pages: a save or delete makes those pages miss the cache.
PUBLIC_MODELS = ("Guide",)


class XxgkConfig(AppConfig):
    name = "xxgk"
    verbose_name = _("政府信息公开")

    role_permissions = {
        "editor": ["view_guide", "add_guide", "change_guide", "view_guidereview"],
        "reviewer": ["view_guide", "view_guidereview"],
        "supervisor": ["view_guide", "view_guidereview"],
    }

    def ready(self) -> None:
        from lushan_portal import pagecache
        from xxgk.deadlines import register_rules
        from xxgk.inspection import register as register_inspection

        register_rules()
        register_inspection()
        pagecache.register("xxgk", *(self.get_model(name) for name in PUBLIC_MODELS))
