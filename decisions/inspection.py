"""What the website self-inspection reads of major decisions (lushan_portal.site_inspection).

/consultations/ (重大决策预公开) is a column updated as needed: only a blank one is a finding. The
year's catalog (/decisions/<year>/) is renewed yearly: stale when nothing was entered for a year.
Its open consultations are on the home page. A consultation's comment form is not a channel for
questions and suggestions: it is registered by the mailbox, not here."""

from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone

from decisions.models import Kind, MajorDecision
from lushan_portal.site_inspection import ColumnKind, SiteColumn, register_columns, register_homepage_source

CODE = "decisions"


def columns() -> list[SiteColumn]:
    """Two aggregate queries."""
    latest = newest_consultation_date()
    entered = MajorDecision.objects.exclude(kind=Kind.CATALOG_CALL).aggregate(at=Max("entered_at"))["at"]
    year = timezone.localdate().year
    return [
        # The year's major-decision catalog (a 规划计划-like column): renewed at least once a year.
        SiteColumn(
            code="decisions:year-catalog",
            title="重大行政决策事项目录",
            url=reverse("decisions:year", args=[year]),
            kind=ColumnKind.PLANNING,
            latest=timezone.localdate(entered) if entered else None,
            admin_url=reverse("admin:decisions_majordecision_changelist"),
        ),
        SiteColumn(
            code="decisions:consultations",
            title="重大决策预公开",
            url=reverse("decisions:consultations"),
            kind=ColumnKind.OTHER,
            latest=latest,
            admin_url=reverse("admin:decisions_majordecision_changelist"),
        ),
    ]


def newest_consultation_date():
    """The newest consultation shown (as decisions.selectors.public_consultations lists them). One query."""
    here = Q(entered_after_fact=False, opens_on__isnull=False, closes_on__isnull=False)
    shown = Q(here, opens_on__lte=timezone.localdate()) | Q(entered_after_fact=True)
    return MajorDecision.objects.filter(shown, classified=False).aggregate(d=Max("published_on"))["d"]


def register() -> None:
    register_columns(CODE, columns)
    register_homepage_source(CODE, newest_consultation_date)
