"""What the website self-inspection reads of major decisions (lushan_portal.site_inspection).

/consultations/ (重大决策预公开) is a column updated as needed: only a blank one is a finding.
Its open consultations are on the home page. A consultation's comment form is not a channel for
questions and suggestions: it is registered by the mailbox, not here."""

from django.db.models import Max
from django.urls import reverse

from decisions.models import MajorDecision, Stage
from lushan_portal.site_inspection import ColumnKind, SiteColumn, register_columns, register_homepage_source

CODE = "decisions"
PUBLIC_STAGES = (Stage.UPCOMING, Stage.OPEN, Stage.CLOSED, Stage.FEEDBACK, Stage.DECIDED, Stage.EVALUATED)


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
    public = MajorDecision.objects.filter(stage__in=PUBLIC_STAGES)
    return public.aggregate(d=Max("published_on"))["d"]


def register() -> None:
    register_columns(CODE, columns)
    register_homepage_source(CODE, newest_consultation_date)
