"""回应关切 in the compliance registry: the hour clocks as deadline rules, and the indicator.

The alert is raised once a clock ran out with no response of the kind it needs; a response made
late resolves it (the concern then counts as late in the indicator). Alerts carry the county's date
of the deadline.
- Responses within their clocks: concerns first seen in the period whose every clock was met /
  those whose responses were all made, or whose last clock ran out; the others are pending.
"""

from datetime import date
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import QuerySet
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from compliance.registry import (
    DRILL_LIMIT,
    DeadlineRule,
    DrillRow,
    Indicator,
    IndicatorValue,
    on_time_by_unit,
    register_indicator,
    register_rule,
)
from interaction.models import Concern, Severity
from interaction.responses_selectors import (
    WITHIN_CLOCKS,
    clocks_done_or_due,
    concerns_first_seen,
    scan_moment,
    with_clocks,
)

FIRST_RESPONSE_OVERDUE = "interaction.response_first"
PRESS_OVERDUE = "interaction.response_press"
INDICATOR = "interaction.responses_on_time"
RULE = _("重大突发事件5小时内发布权威信息、24小时内举行新闻发布会；其他舆情48小时内回应")


def _local_day(field: str) -> TruncDate:
    return TruncDate(field, tzinfo=ZoneInfo(settings.TIME_ZONE))


def first_response_overdue(today: date) -> QuerySet:
    moment = scan_moment(today)
    return (
        with_clocks(Concern.objects.filter(first_response_due__lt=moment))
        .filter(first_at__isnull=True)
        .annotate(due_on=_local_day("first_response_due"))
    )


def press_overdue(today: date) -> QuerySet:
    moment = scan_moment(today)
    return (
        with_clocks(Concern.objects.filter(severity=Severity.EMERGENCY, press_due__lt=moment))
        .filter(press_at__isnull=True)
        .annotate(due_on=_local_day("press_due"))
    )


def within_clocks(start: date, end: date) -> dict[int, IndicatorValue]:
    return on_time_by_unit(
        concerns_first_seen(start, end), on_time=WITHIN_CLOCKS, due=clocks_done_or_due(timezone.now())
    )


def missed_clocks(unit_id: int, start: date, end: date) -> list[DrillRow]:
    concerns = concerns_first_seen(start, end).filter(unit=unit_id).filter(clocks_done_or_due(timezone.now()))
    rows = []
    for concern in concerns.exclude(WITHIN_CLOCKS).select_related("unit").order_by("first_seen_at")[:DRILL_LIMIT]:
        first = timezone.localtime(concern.first_at).strftime("%m-%d %H:%M") if concern.first_at else _("无")
        note = _("首次发现 %(seen)s；首次回应 %(first)s（时限 %(due)s）") % {
            "seen": timezone.localtime(concern.first_seen_at).strftime("%m-%d %H:%M"),
            "first": first,
            "due": timezone.localtime(concern.first_response_due).strftime("%m-%d %H:%M"),
        }
        if concern.severity == Severity.EMERGENCY:
            press = timezone.localtime(concern.press_at).strftime("%m-%d %H:%M") if concern.press_at else _("无")
            note += str(_("；新闻发布会 %(press)s（时限 %(due)s）")) % {
                "press": press,
                "due": timezone.localtime(concern.press_due).strftime("%m-%d %H:%M"),
            }
        rows.append(
            DrillRow(
                title=concern.topic,
                rule=str(RULE),
                unit=concern.unit.name,
                admin_url=reverse("admin:interaction_concern_change", args=[concern.pk]),
                due_on=timezone.localdate(concern.first_response_due),
                done_on=timezone.localdate(concern.first_at) if concern.first_at else None,
                note=str(note),
            )
        )
    return rows


def register_rules() -> None:
    register_rule(
        DeadlineRule(
            code=FIRST_RESPONSE_OVERDUE,
            title=_("社会关切逾期未回应（重大突发事件5小时，其他48小时）"),
            overdue=first_response_overdue,
            due_field="due_on",
        )
    )
    register_rule(
        DeadlineRule(
            code=PRESS_OVERDUE,
            title=_("重大突发事件24小时内未举行新闻发布会"),
            overdue=press_overdue,
            due_field="due_on",
        )
    )
    register_indicator(
        Indicator(
            code=INDICATOR,
            title=_("社会关切在时限内回应"),
            short_title=_("回应关切"),
            target=_("100%（5小时/24小时/48小时）"),
            compute=within_clocks,
            offending=missed_clocks,
        )
    )
