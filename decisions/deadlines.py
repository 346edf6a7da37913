"""Decision deadlines and the attendance indicator, registered with the compliance registry."""

from datetime import date, timedelta

from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from compliance.registry import (
    DeadlineRule,
    Indicator,
    IndicatorValue,
    register_indicator,
    register_rule,
    share_by_unit,
)
from decisions import rules
from decisions.models import MajorDecision

CLOSE_REMINDER = "decisions.close_reminder"
FEEDBACK_OVERDUE = "decisions.feedback_overdue"
SHORT_WINDOW = "decisions.short_window"
ATTENDANCE = "decisions.stakeholder_attendance"


def consultations() -> QuerySet:
    return MajorDecision.objects.filter(classified=False, opens_on__isnull=False, closes_on__isnull=False)


def closing_soon(today: date) -> QuerySet:
    """Open windows within 3 days of their close: the unit is reminded to prepare the report."""
    reminder = timedelta(days=rules.CLOSE_REMINDER_DAYS)
    return consultations().filter(opens_on__lte=today, closes_on__gte=today, closes_on__lte=today + reminder)


def awaiting_feedback() -> QuerySet:
    return consultations().filter(feedback_published_at__isnull=True)


def feedback_overdue(today: date) -> QuerySet:
    return awaiting_feedback().filter(feedback_due__lt=today)


def shortened_windows(today: date) -> QuerySet:
    """Windows under 30 days (allowed with a reason, but flagged to supervisors)."""
    return consultations().filter(closes_on__lt=F("opens_on") + timedelta(days=rules.MIN_COMMENT_DAYS - 1))


def recompute_feedback_due() -> int:
    updated = 0
    for closes_on in awaiting_feedback().order_by().values_list("closes_on", flat=True).distinct():
        updated += awaiting_feedback().filter(closes_on=closes_on).update(feedback_due=rules.feedback_due(closes_on))
    return updated


def stakeholder_attendance(start: date, end: date) -> dict[int, IndicatorValue]:
    """Units with major decisions (or meetings) in the period: met when outsiders attended a meeting."""
    from decisions.selectors import attendance_by_unit

    attended = attendance_by_unit(start, end)
    deciding = set(MajorDecision.objects.filter(year__range=(start.year, end.year)).values_list("unit", flat=True))
    return {
        unit: IndicatorValue(numerator=attended.get(unit, 0), denominator=1, met=attended.get(unit, 0) >= 1)
        for unit in deciding | set(attended)
    }


def register_rules() -> None:
    register_rule(
        DeadlineRule(
            code=CLOSE_REMINDER,
            title=_("征求意见3日内截止，请准备意见采纳情况"),
            overdue=closing_soon,
            due_field="closes_on",
            open_deadlines=awaiting_feedback,
        )
    )
    register_rule(
        DeadlineRule(
            code=FEEDBACK_OVERDUE,
            title=_("征求意见结束后逾期未公布意见采纳情况"),
            overdue=feedback_overdue,
            due_field="feedback_due",
            open_deadlines=awaiting_feedback,
            recompute_due_dates=recompute_feedback_due,
        )
    )
    register_rule(
        DeadlineRule(
            code=SHORT_WINDOW,
            title=_("征求意见期限少于30日（已说明理由）"),
            overdue=shortened_windows,
            due_field="opens_on",
        )
    )
    register_indicator(
        Indicator(
            code=ATTENDANCE,
            title=_("利益相关方列席政府会议（每半年不少于1次）"),
            target="≥ 1",
            compute=stakeholder_attendance,
            percent=False,
        )
    )


WINDOWS = "decisions.window_30_days"
REPORTS = "decisions.feedback_published"


def windows_of_30_days(start: date, end: date) -> dict[int, IndicatorValue]:
    """Consultations opened in the period with a window of at least 30 days."""
    full = Q(closes_on__gte=F("opens_on") + timedelta(days=rules.MIN_COMMENT_DAYS - 1))
    return share_by_unit(consultations().filter(opens_on__range=(start, end)), full)


def short_window_records(unit_id: int, start: date, end: date) -> QuerySet:
    return shortened_windows(end).filter(unit=unit_id, opens_on__range=(start, end))


def reports_published(start: date, end: date) -> dict[int, IndicatorValue]:
    """Consultations closed in the period whose feedback report is published."""
    closed = consultations().filter(closes_on__range=(start, end))
    return share_by_unit(closed, Q(feedback_published_at__isnull=False))


def reports_missing(unit_id: int, start: date, end: date) -> QuerySet:
    return consultations().filter(unit=unit_id, closes_on__range=(start, end), feedback_published_at__isnull=True)


def register_indicators() -> None:
    register_indicator(
        Indicator(
            code=WINDOWS,
            title=_("征求意见期限不少于30日"),
            target="100%",
            compute=windows_of_30_days,
            offending=short_window_records,
        )
    )
    register_indicator(
        Indicator(
            code=REPORTS,
            title=_("意见采纳情况已公布"),
            target="100%",
            compute=reports_published,
            offending=reports_missing,
        )
    )
