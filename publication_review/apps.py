from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationReviewConfig(AppConfig):
    name = "publication_review"
    verbose_name = _("公开审查")

    # Reviews are recorded through the publish pages and services, never edited in the admin.
    role_permissions = {
        "editor": ["view_review"],
        "reviewer": ["view_review"],
        "supervisor": ["view_review"],
    }
