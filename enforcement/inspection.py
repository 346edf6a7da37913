"""What the website self-inspection reads of enforcement publicity: /enforcement/ is a column
updated as needed (its latest date is the newest decision's first publication)."""

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from enforcement.models import Decision, DecisionStatus
from lushan_portal.site_inspection import ColumnKind, SiteColumn, register_columns

CODE = "enforcement"


def columns() -> list[SiteColumn]:
    newest = Decision.objects.filter(status=DecisionStatus.PUBLISHED).aggregate(at=Max("first_published_at"))["at"]
    return [
        SiteColumn(
            code="enforcement:decisions",
            title="行政执法公示",
            url=reverse("enforcement:list"),
            kind=ColumnKind.OTHER,
            latest=timezone.localdate(newest) if newest else None,
            admin_url=reverse("admin:enforcement_decision_changelist"),
        )
    ]


def register() -> None:
    register_columns(CODE, columns)
