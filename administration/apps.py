from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdministrationConfig(AppConfig):
    name = "administration"
    verbose_name = _("管理服务公开")

    # Guides, tasks and rectification: the unit's editors write, reviewers and supervisors read.
    _results = ("serviceguide", "guidematerial", "guidestep", "worktask", "progressreport", "rectification")
    role_permissions: dict[str, list[str]] = {
        "editor": [
            *(f"{verb}_{model}" for model in _results for verb in ("view", "add", "change")),
            "delete_guidematerial",  # a draft's or a correction's wrong rows (at least one stays)
            "delete_guidestep",
            "view_lifeevent",
        ],
        "reviewer": [*(f"view_{model}" for model in _results), "view_lifeevent"],
        "supervisor": [*(f"view_{model}" for model in _results), "view_lifeevent"],
    }

    def ready(self) -> None:
        from administration import results_registry  # guides, tasks, rectification

        results_registry.register()
