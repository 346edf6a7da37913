"""Rectification of 督查 and 审计 findings: an alert when the deadline passes undone, and the on-time
share (administration.rectifications_on_time)."""

from datetime import date

from django.db.models import F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from administration.models import PublicStatus, Rectification
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

OVERDUE = "administration.rectification_overdue"
ON_TIME = "administration.rectifications_on_time"
RULE = _("督查、审计发现的问题在整改期限内整改到位（工作要点 三（三））")


def open_rectifications() -> QuerySet:
    """Not completed and not withdrawn (served by the partial index rectification_open)."""
    return Rectification.objects.filter(completed_on__isnull=True).exclude(status=PublicStatus.WITHDRAWN)


def rectification_overdue(today: date) -> QuerySet:
    """Undone after the deadline: an alert from the day after it."""
    return open_rectifications().filter(deadline__lt=today)


def _period_rectifications(start: date, end: date) -> QuerySet:
    done = Q(completed_on__range=(start, end))
    due_undone = Q(completed_on__isnull=True, deadline__range=(start, end))
    return Rectification.objects.filter(done | due_undone).exclude(status=PublicStatus.WITHDRAWN)


def rectifications_on_time(start: date, end: date) -> dict[int, IndicatorValue]:
    due = Q(completed_on__isnull=False) | Q(deadline__lt=timezone.localdate())
    return on_time_by_unit(_period_rectifications(start, end), on_time=Q(completed_on__lte=F("deadline")), due=due)


def late_rectifications(unit_id: int, start: date, end: date) -> list[DrillRow]:
    late = Q(completed_on__gt=F("deadline")) | Q(completed_on__isnull=True, deadline__lt=timezone.localdate())
    rows = (
        _period_rectifications(start, end)
        .filter(late, unit=unit_id)
        .select_related("unit")
        .order_by("deadline")[:DRILL_LIMIT]
    )
    return [
        DrillRow(
            title=str(row),
            rule=str(RULE),
            unit=row.unit.name,
            admin_url=reverse("admin:administration_rectification_change", args=[row.pk]),
            due_on=row.deadline,
            done_on=row.completed_on,
            note=str(_("尚未整改到位")) if row.completed_on is None else "",
        )
        for row in rows
    ]


def register_rectification_deadlines() -> None:
    register_rule(
        DeadlineRule(
            code=OVERDUE, title=_("督查审计问题逾期未整改"), overdue=rectification_overdue, due_field="deadline"
        )
    )
    register_indicator(
        Indicator(
            code=ON_TIME,
            title=_("督查审计问题按期整改率"),
            short_title=_("按期整改"),
            target="100%",
            compute=rectifications_on_time,
            offending=late_rectifications,
        )
    )
