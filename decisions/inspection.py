"""What the website self-inspection reads of major decisions (lushan_portal.site_inspection).

/consultations/ (重大决策预公开) is a column updated as needed: only a blank one is a finding.
Its open consultations are on the home page. A consultation's comment form is not a channel for
questions and suggestions: it is registered by the mailbox, not here."""

from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone

from decisions.models import MajorDecision
from lushan_portal.site_inspection import ColumnKind, SiteColumn, register_columns, register_homepage_source

CODE = "decisions"


def columns() -> list[SiteColumn]:
    latest = newest_consultation_date()
    return [
        SiteColumn(
            code="decisions:consultations",
            title="重大决策预公开",
            url=reverse("decisions:consultations"),
            kind=ColumnKind.OTHER,
            latest=latest,
            admin_url=reverse("admin:decisions_majordecision_changelist"),
        )
    ]


def newest_consultation_date():
    """The newest consultation shown (as decisions.selectors.public_consultations lists them). One query."""
    here = Q(entered_after_fact=False, opens_on__isnull=False, closes_on__isnull=False)
    shown = Q(here, opens_on__lte=timezone.localdate()) | Q(entered_after_fact=True)
    return MajorDecision.objects.filter(shown, classified=False).aggregate(d=Max("published_on"))["d"]


def register() -> None:
    register_columns(CODE, columns)
    register_homepage_source(CODE, newest_consultation_date)
