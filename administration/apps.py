from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Shown on the public pages: a save or delete makes those pages miss the cache.
PUBLIC_MODELS = {
    "profiles": ("UnitProfile", "InternalBody", "Leader", "UnitReform"),
    "powers": ("PowerItem", "PowerAdjustment", "PowerChange"),
}


class AdministrationConfig(AppConfig):
    name = "administration"
    verbose_name = _("管理服务公开")

    _editable = ["unitprofile", "internalbody", "leader", "unitreform", "poweradjustment", "powerchange"]
    role_permissions: dict[str, list[str]] = {
        "editor": [f"{action}_{model}" for model in _editable for action in ("view", "add", "change")]
        + ["delete_internalbody", "delete_leader", "delete_powerchange", "delete_poweradjustment", "view_poweritem"],
        "reviewer": [f"view_{model}" for model in [*_editable, "poweritem"]],
        "supervisor": [f"view_{model}" for model in [*_editable, "poweritem"]],
    }

    def ready(self) -> None:
        from administration.deadlines import register_rules
        from administration.powers_registry import register_indexes
        from administration.profiles_pages import register_pages
        from lushan_portal import pagecache

        register_rules()
        register_indexes()
        register_pages()
        for section, models in PUBLIC_MODELS.items():
            pagecache.register(section, *(self.get_model(name) for name in models))
