"""Decision deadlines and the attendance indicator, registered with the compliance registry."""

from datetime import date, timedelta

from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from compliance.registry import (
    DeadlineRule,
    IncompleteRecords,
    Indicator,
    IndicatorValue,
    register_incomplete,
    register_indicator,
    register_rule,
    share_by_unit,
)
from decisions import rules
from decisions.models import Kind, MajorDecision

CLOSE_REMINDER = "decisions.close_reminder"
FEEDBACK_OVERDUE = "decisions.feedback_overdue"
SHORT_WINDOW = "decisions.short_window"
ATTENDANCE = "decisions.stakeholder_attendance"


def consultations() -> QuerySet:
    """Consultations with both dates known (run here, or recorded after the fact)."""
    return MajorDecision.objects.filter(classified=False, opens_on__isnull=False, closes_on__isnull=False)


def run_here() -> QuerySet:
    """Consultations this portal ran: the ones with a report deadline to watch."""
    return consultations().filter(entered_after_fact=False)


def closing_soon(today: date) -> QuerySet:
    """Open windows within 3 days of their close: the unit is reminded to prepare the report."""
    reminder = timedelta(days=rules.CLOSE_REMINDER_DAYS)
    return run_here().filter(opens_on__lte=today, closes_on__gte=today, closes_on__lte=today + reminder)


def awaiting_feedback() -> QuerySet:
    return run_here().filter(feedback_published_at__isnull=True)


def feedback_overdue(today: date) -> QuerySet:
    return awaiting_feedback().filter(feedback_due__lt=today)


def shortened_windows(today: date) -> QuerySet:
    """Windows under 30 days (allowed with a reason, 原文未说明 included, but flagged to supervisors)."""
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
    decisions = MajorDecision.objects.filter(year__range=(start.year, end.year)).exclude(kind=Kind.CATALOG_CALL)
    deciding = set(decisions.values_list("unit", flat=True))
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
            notice=True,  # a reminder before the close, not a deadline missed
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
            notice=True,  # allowed with a reason: flagged to supervisors, not overdue
        )
    )
    register_indicator(
        Indicator(
            code=ATTENDANCE,
            title=_("利益相关方列席政府会议（每半年不少于1次）"),
            short_title=_("列席会议"),
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
            short_title=_("征求≥30日"),
            target="100%",
            compute=windows_of_30_days,
            offending=short_window_records,
        )
    )
    register_indicator(
        Indicator(
            code=REPORTS,
            title=_("意见采纳情况已公布"),
            short_title=_("采纳已公布"),
            target="100%",
            compute=reports_published,
            offending=reports_missing,
        )
    )


REPORT_COUNTS = "decisions.report_counts_not_stated"


def _counts_not_stated() -> Q:
    return Q(report_received__isnull=True) | Q(report_adopted__isnull=True) | Q(report_not_adopted__isnull=True)


def reports_counts_not_stated(start: date, end: date) -> dict[int, IndicatorValue]:
    """Published reports (consultations closed in the period) whose counts the report does not state."""
    published = consultations().filter(closes_on__range=(start, end), feedback_published_at__isnull=False)
    rows = share_by_unit(published, _counts_not_stated())
    return {unit: IndicatorValue(v.numerator, v.denominator, v.numerator == 0) for unit, v in rows.items()}


def reports_without_counts(unit_id: int, start: date, end: date) -> QuerySet:
    published = consultations().filter(unit=unit_id, closes_on__range=(start, end), feedback_published_at__isnull=False)
    return published.filter(_counts_not_stated())


INCOMPLETE = "decisions.unknown_fields"

_UNKNOWN_LABELS = [
    ("published_on", _("公告发布日期不详")),
    ("opens_on", _("征求意见开始日期不详")),
    ("closes_on", _("征求意见截止日期不详")),
]
_REPORT_LABELS = [
    ("report_published_on", _("采纳情况公布日期不详")),
    ("report_received", _("收到意见数未说明")),
    ("report_adopted", _("采纳意见数未说明")),
    ("report_not_adopted", _("未采纳意见数未说明")),
]


def incomplete_decisions() -> QuerySet:
    """Consultations recorded after the fact with a date or a report count unknown. One query."""
    unknown = Q()
    for field, _label in _UNKNOWN_LABELS:
        unknown |= Q(**{f"{field}__isnull": True})
    report_unknown = Q()
    for field, _label in _REPORT_LABELS:
        report_unknown |= Q(**{f"{field}__isnull": True})
    recorded = MajorDecision.objects.filter(classified=False, entered_after_fact=True)
    return recorded.filter(unknown | (Q(feedback_published_at__isnull=False) & report_unknown))


def missing_fields(decision: MajorDecision) -> list[str]:
    labels = [str(label) for field, label in _UNKNOWN_LABELS if getattr(decision, field) is None]
    if decision.feedback_published_at is not None:
        labels += [str(label) for field, label in _REPORT_LABELS if getattr(decision, field) is None]
    return labels


def register_incomplete_records() -> None:
    register_incomplete(
        IncompleteRecords(
            code=INCOMPLETE,
            title=_("重大行政决策征求意见（事后录入）：日期不详或数量未说明"),
            records=incomplete_decisions,
            missing=missing_fields,
        )
    )
    register_indicator(
        Indicator(
            code=REPORT_COUNTS,
            title=_("意见采纳情况已公布，但未说明意见数量"),
            short_title=_("未说明数量"),
            target="0",
            compute=reports_counts_not_stated,
            offending=reports_without_counts,
            percent=False,
        )
    )
