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

    # Guides, tasks and rectification: the unit's editors write, reviewers and supervisors read.
    _results = ("serviceguide", "guidematerial", "guidestep", "worktask", "progressreport", "rectification")
    # Profiles and power lists.
    _editable = ["unitprofile", "internalbody", "leader", "unitreform", "poweradjustment", "powerchange"]
    role_permissions: dict[str, list[str]] = {
        "editor": [
            *(f"{verb}_{model}" for model in _results for verb in ("view", "add", "change")),
            "delete_guidematerial",  # a draft's or a correction's wrong rows (at least one stays)
            "delete_guidestep",
            "view_lifeevent",
            *(f"{action}_{model}" for model in _editable for action in ("view", "add", "change")),
            *("delete_internalbody", "delete_leader", "delete_powerchange", "delete_poweradjustment"),
            "view_poweritem",
        ],
        "reviewer": [
            *(f"view_{model}" for model in _results),
            "view_lifeevent",
            *(f"view_{model}" for model in [*_editable, "poweritem"]),
        ],
        "supervisor": [
            *(f"view_{model}" for model in _results),
            "view_lifeevent",
            *(f"view_{model}" for model in [*_editable, "poweritem"]),
        ],
    }

    def ready(self) -> None:
        from administration import results_registry  # guides, tasks, rectification
        from administration.deadlines import register_rules
        from administration.powers_registry import register_indexes
        from administration.profiles_pages import register_pages
        from lushan_portal import pagecache

        results_registry.register()
        register_rules()
        register_indexes()
        register_pages()
        for section, models in PUBLIC_MODELS.items():
            pagecache.register(section, *(self.get_model(name) for name in models))
