from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Shown on the public pages: a save or delete makes those pages miss the cache.
# Comments count too: a consultation shows how many it received.
PUBLIC_MODELS = ("MajorDecision", "DecisionAttachment", "Hearing", "Comment", "OfflineComments", "Meeting")


class DecisionsConfig(AppConfig):
    name = "decisions"
    verbose_name = _("重大行政决策")

    _editable = ["majordecision", "decisionattachment", "hearing", "meeting", "offlinecomments"]
    role_permissions = {
        "editor": [f"{action}_{model}" for model in _editable for action in ("view", "add", "change")]
        + ["view_comment", "change_comment", "delete_decisionattachment", "delete_hearing", "delete_offlinecomments"],
        "reviewer": ["view_majordecision", "view_comment", "view_meeting"],
        "supervisor": ["view_majordecision", "view_comment", "view_meeting", "view_hearing", "view_offlinecomments"],
    }

    def ready(self) -> None:
        from decisions.deadlines import register_incomplete_records, register_indicators, register_rules
        from decisions.disclosure import register_disclosure
        from decisions.inspection import register as register_inspection
        from decisions.pages import register_pages
        from lushan_portal import pagecache

        register_rules()
        register_indicators()
        register_incomplete_records()
        register_pages()
        register_disclosure()
        register_inspection()
        pagecache.register("decisions", *(self.get_model(name) for name in PUBLIC_MODELS))
