from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "decisions"
    verbose_name = _("重大行政决策")

    _editable = ["majordecision", "decisionattachment", "hearing", "meeting"]
    role_permissions = {
        "editor": [f"{action}_{model}" for model in _editable for action in ("view", "add", "change")]
        + ["view_comment", "change_comment", "delete_decisionattachment", "delete_hearing"],
        "reviewer": ["view_majordecision", "view_comment", "view_meeting"],
        "supervisor": ["view_majordecision", "view_comment", "view_meeting", "view_hearing"],
    }

    def ready(self) -> None:
        from decisions.deadlines import register_indicators, register_rules
        from decisions.pages import register_pages

        register_rules()
        register_indicators()
        register_pages()
