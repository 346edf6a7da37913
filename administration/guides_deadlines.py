"""Service guides on the dashboard: the share of each unit's guides with every element
(administration.guides_complete), and guides still lacking elements among the incomplete records."""

from datetime import date

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from administration import rules
from administration.guides_selectors import complete_q, incomplete_q, missing_elements, with_completeness
from administration.models import GuideStatus, ServiceGuide
from compliance.registry import (
    DRILL_LIMIT,
    DrillRow,
    IncompleteRecords,
    Indicator,
    IndicatorValue,
    register_incomplete,
    register_indicator,
    share_by_unit,
)

GUIDES_COMPLETE = "administration.guides_complete"
INCOMPLETE = "administration.guides"
RULE = _("办事指南要素齐全：%(elements)s（国办秘函〔2019〕19号；工作要点 三（二）“一次告知”）") % {
    "elements": "、".join(rules.REQUIRED_ELEMENTS)
}


def _guides_by(end: date) -> QuerySet:
    """The guides a unit had at the period's end: entered by then and not withdrawn."""
    guides = ServiceGuide.objects.exclude(status=GuideStatus.WITHDRAWN).filter(created_at__date__lte=end)
    return with_completeness(guides)


def guides_complete(start: date, end: date) -> dict[int, IndicatorValue]:
    """Per unit: guides with every element / all its guides. One aggregate query."""
    return share_by_unit(_guides_by(end), complete_q())


def incomplete_guides(unit_id: int, start: date, end: date) -> list[DrillRow]:
    guides = _guides_by(end).filter(incomplete_q(), unit_id=unit_id).select_related("unit")[:DRILL_LIMIT]
    return [
        DrillRow(
            title=str(guide),
            rule=str(RULE),
            unit=guide.unit.name,
            admin_url=reverse("admin:administration_serviceguide_change", args=[guide.pk]),
            note=_("缺少：%(missing)s") % {"missing": "、".join(missing_elements(guide))},
        )
        for guide in guides
    ]


def guides_lacking_elements() -> QuerySet:
    return with_completeness(ServiceGuide.objects.exclude(status=GuideStatus.WITHDRAWN)).filter(incomplete_q())


def register_guides_deadlines() -> None:
    register_indicator(
        Indicator(
            code=GUIDES_COMPLETE,
            title=_("办事指南要素齐全率"),
            short_title=_("指南齐全"),
            target="100%",
            compute=guides_complete,
            offending=incomplete_guides,
        )
    )
    register_incomplete(
        IncompleteRecords(
            code=INCOMPLETE,
            title=_("办事指南：要素待补充"),
            records=guides_lacking_elements,
            missing=missing_elements,
        )
    )
