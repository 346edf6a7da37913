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

    # Mailbox: editors of the holding unit handle messages and write replies; reviewers review them.
    # 建议提案 and 回应关切: PROPOSAL_PERMISSIONS above.
    role_permissions: dict[str, list[str]] = {
        "editor": [
            *("view_mailbox", "change_mailbox", "view_message", "change_message", "view_referral"),
            *("view_reply", "add_reply", "change_reply"),
            *PROPOSAL_PERMISSIONS["editor"],
        ],
        "reviewer": ["view_mailbox", "view_message", "view_referral", "view_reply", *PROPOSAL_PERMISSIONS["reviewer"]],
        "supervisor": [
            *("view_mailbox", "view_message", "view_referral", "view_reply"),
            *PROPOSAL_PERMISSIONS["supervisor"],
        ],
    }

    def ready(self) -> None:
        from interaction import mailbox_inspection, proposals_deadlines, proposals_inspection, responses_deadlines
        from interaction.deadlines import register_rules
        from lushan_portal import pagecache

        register_rules()
        proposals_deadlines.register_rules()
        responses_deadlines.register_rules()
        mailbox_inspection.register()
        proposals_inspection.register()
        pagecache.register("interaction", self.get_model("Mailbox"), self.get_model("Message"))
        pagecache.register("proposals", *(self.get_model(name) for name in PROPOSAL_PUBLIC_MODELS))
