from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureRequestsConfig(AppConfig):
    name = "disclosure_requests"
    verbose_name = _("依申请公开")

    # Editors of the handling unit register and handle; reviewers (the office head) approve
    # extensions; supervisors read (personal data masked unless they give a reason).
    role_permissions = {
        "editor": [
            "view_application", "add_application", "change_application",
            "view_pause", "add_pause", "change_pause",
            "view_extension", "view_fee", "add_fee", "change_fee",
            "view_reply", "add_reply", "change_reply",
            "view_review", "add_review", "change_review",
        ],
        "reviewer": [
            "view_application", "change_application", "view_pause",
            "view_extension", "add_extension", "change_extension",
            "view_fee", "view_reply", "view_review",
        ],
        "supervisor": ["view_application", "view_pause", "view_extension", "view_fee", "view_reply", "view_review"],
    }  # fmt: skip

    def ready(self) -> None:
        from disclosure_requests.annual import register_annual_figures
        from disclosure_requests.deadlines import register_indicators, register_rules
        from disclosure_requests.fees import register_fee_rules

        register_rules()
        register_fee_rules()
        register_indicators()
        register_annual_figures()
