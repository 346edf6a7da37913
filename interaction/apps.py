from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# 建议提案 and 回应关切: the models the public pages show, and what each role may do in the admin.
PROPOSAL_PUBLIC_MODELS = ("Proposal", "Concern", "Response")
PROPOSAL_PERMISSIONS = {
    "editor": [
        *(f"{action}_{model}" for action in ("view", "add", "change") for model in ("proposal", "concern", "response")),
        *(f"{action}_proposalcounit" for action in ("view", "add", "change", "delete")),
    ],
    "reviewer": ["view_proposal", "view_proposalcounit", "view_concern", "view_response"],
    "supervisor": ["view_proposal", "view_proposalcounit", "view_concern", "view_response"],
}


class InteractionConfig(AppConfig):
    name = "interaction"
    verbose_name = _("互动交流")

    role_permissions: dict[str, list[str]] = {
        role: [*PROPOSAL_PERMISSIONS[role]] for role in ("editor", "reviewer", "supervisor")
    }

    def ready(self) -> None:
        from interaction import proposals_deadlines, proposals_inspection, responses_deadlines
        from lushan_portal import pagecache

        proposals_deadlines.register_rules()
        responses_deadlines.register_rules()
        proposals_inspection.register()
        pagecache.register("proposals", *(self.get_model(name) for name in PROPOSAL_PUBLIC_MODELS))
