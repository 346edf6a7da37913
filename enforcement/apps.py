from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnforcementConfig(AppConfig):
    name = "enforcement"
    verbose_name = _("行政执法公示")

    role_permissions = {
        "editor": ["view_decision", "add_decision", "change_decision", "delete_decision"],
        "reviewer": ["view_decision"],
        "supervisor": ["view_decision"],
    }

    def ready(self) -> None:
        from enforcement.annual import register_annual_figures
        from enforcement.deadlines import register_indicators, register_rules
        from enforcement.inspection import register as register_inspection
        from enforcement.pages import register_pages
        from enforcement.search import register_search
        from lushan_portal import pagecache

        register_rules()
        register_indicators()
        register_search()
        register_pages()
        register_inspection()
        register_annual_figures()
        pagecache.register("enforcement", self.get_model("Decision"))
