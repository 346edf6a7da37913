from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteractionConfig(AppConfig):
    name = "interaction"
    verbose_name = _("互动交流")

    # Mailbox: editors of the holding unit handle messages and write replies; reviewers review them.
    role_permissions: dict[str, list[str]] = {
        "editor": [
            *("view_mailbox", "change_mailbox", "view_message", "change_message", "view_referral"),
            *("view_reply", "add_reply", "change_reply"),
        ],
        "reviewer": ["view_mailbox", "view_message", "view_referral", "view_reply"],
        "supervisor": ["view_mailbox", "view_message", "view_referral", "view_reply"],
    }

    def ready(self) -> None:
        from interaction import mailbox_inspection
        from interaction.deadlines import register_rules
        from lushan_portal import pagecache

        register_rules()
        mailbox_inspection.register()
        pagecache.register("interaction", self.get_model("Mailbox"), self.get_model("Message"))
