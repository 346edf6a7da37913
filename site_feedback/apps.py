from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteFeedbackConfig(AppConfig):
    name = "site_feedback"
    verbose_name = _("我为政府网站找错")

    # The openness office's editors answer; reviewers and supervisors read.
    role_permissions = {
        "editor": ["view_errorreport", "change_errorreport"],
        "reviewer": ["view_errorreport"],
        "supervisor": ["view_errorreport"],
    }

    def ready(self) -> None:
        from site_feedback.deadlines import register_rules

        register_rules()
