"""Decision deadlines and the attendance indicator, registered with the compliance registry."""

from collections.abc import Callable
from datetime import date, timedelta

from django.db.models import F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from compliance.registry import (
    DRILL_LIMIT,
    DeadlineRule,
    DrillRow,
    IncompleteRecords,
    Indicator,
    IndicatorValue,
    on_time_by_unit,
    register_incomplete,
    register_indicator,
    register_rule,
    share_by_unit,
)
from decisions import rules
from decisions.models import Kind, MajorDecision, Meeting
from lushan_portal import pagecache

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
    if updated:  # a consultation's page says by when its feedback report is due
        pagecache.bump("decisions")
    return updated


def _halves(start: date, end: date) -> list[tuple[date, date]]:
    """The half years the period touches, cut to the period: each is due on its last day."""
    halves = [rules.half_year(start)]
    while halves[-1][1] < end:
        halves.append(rules.half_year(halves[-1][1] + timedelta(days=1)))
    return [(max(first, start), min(last, end)) for first, last in halves]


def stakeholder_attendance(start: date, end: date) -> dict[int, IndicatorValue]:
    """Units with major decisions (or meetings) in the period: meetings outsiders attended.

    Each half year of the period (seed §3(一): at least once every half year) is judged once
    it is over or has such a meeting; an open half year without one is pending (进行中). Met
    when every judged half year had one. Two queries.
    """
    from decisions.selectors import attendance_by_unit

    today = timezone.localdate()
    halves = _halves(start, end)
    attended = attendance_by_unit(halves)
    decisions = MajorDecision.objects.filter(year__range=(start.year, end.year)).exclude(kind=Kind.CATALOG_CALL)
    values = {}
    for unit in set(decisions.values_list("unit", flat=True)) | set(attended):
        counts = attended.get(unit, [0] * len(halves))
        judged = [n >= 1 for n, (_first, last) in zip(counts, halves, strict=True) if n or last < today]
        values[unit] = IndicatorValue(
            numerator=sum(counts),
            denominator=len(judged),
            met=all(judged) if judged else None,
            pending=len(halves) - len(judged),
        )
    return values


ATTENDANCE_RULE = _("利益相关方、公众代表、专家、媒体等列席政府有关会议，每半年不少于1次（工作要点 三（一））")


def missing_attendance(unit_id: int, start: date, end: date) -> list[DrillRow]:
    """Each half year of the period without an attended meeting (due on its last day), and the
    period's meetings recorded with nobody from outside. Three queries."""
    from decisions.selectors import attendance_by_unit
    from organizations.models import Unit

    unit = Unit.objects.get(pk=unit_id)
    spans = _halves(start, end)
    counts = attendance_by_unit(spans).get(unit_id, [0] * len(spans))
    halves = [span for span, n in zip(spans, counts, strict=True) if not n]
    add = reverse("admin:decisions_meeting_add") + f"?unit={unit_id}"
    rows = [
        DrillRow(
            title=_("%(start)s 至 %(end)s：无外部人员列席的会议记录") % {"start": first, "end": last},
            rule=ATTENDANCE_RULE,
            unit=unit.name,
            admin_url=add,
            due_on=last,
            note=_("本半年度尚未登记利益相关方、公众代表、专家或媒体列席的政府会议"),
            action=_("登记列席会议"),
        )
        for first, last in halves
    ]
    unattended = Meeting.objects.filter(
        unit=unit_id, held_on__range=(start, end), stakeholders=0, public_representatives=0, experts=0, media=0
    )
    rows += [
        DrillRow(
            title=str(meeting),
            rule=ATTENDANCE_RULE,
            unit=unit.name,
            admin_url=reverse("admin:decisions_meeting_change", args=[meeting.pk]),
            note=_("会议已登记，但列席的利益相关方、公众代表、专家、媒体均为 0"),
        )
        for meeting in unattended.order_by("held_on", "pk")[:DRILL_LIMIT]
    ]
    return rows


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
            offending=missing_attendance,
            percent=False,
        )
    )


WINDOWS = "decisions.window_30_days"
REPORTS = "decisions.feedback_published"


def windows_of_30_days(start: date, end: date) -> dict[int, IndicatorValue]:
    """Consultations opened in the period with a window of at least 30 days."""
    full = Q(closes_on__gte=F("opens_on") + timedelta(days=rules.MIN_COMMENT_DAYS - 1))
    return share_by_unit(consultations().filter(opens_on__range=(start, end)), full)


def _consultation_rows(
    decisions: QuerySet,
    *,
    rule: str,
    note: Callable[[MajorDecision], str],
    order: str,
    url: Callable[[MajorDecision], str] | None = None,
    report_due: bool = False,
    action: str = "",
) -> list[DrillRow]:
    """One query; the admin change page unless ``url`` names another."""
    return [
        DrillRow(
            title=str(decision),
            rule=rule,
            unit=decision.unit.name,
            admin_url=(url or _change_url)(decision),
            due_on=decision.feedback_due if report_due else None,
            note=note(decision),
            action=action,
        )
        for decision in decisions.select_related("unit").order_by(order, "pk")[:DRILL_LIMIT]
    ]


def _change_url(decision: MajorDecision) -> str:
    return reverse("admin:decisions_majordecision_change", args=[decision.pk])


def short_window_records(unit_id: int, start: date, end: date) -> list[DrillRow]:
    def note(decision: MajorDecision) -> str:
        reason = decision.shortened_reason.strip() or _("未说明")
        return _("%(opens)s 至 %(closes)s，共 %(days)d 日；理由：%(reason)s") % {
            "opens": decision.opens_on,
            "closes": decision.closes_on,
            "days": decision.window_days,
            "reason": reason,
        }

    records = shortened_windows(end).filter(unit=unit_id, opens_on__range=(start, end))
    rule = _("征求意见期限一般不少于 %(days)d 日，少于的须说明理由（国务院令第713号）")
    return _consultation_rows(records, rule=rule % {"days": rules.MIN_COMMENT_DAYS}, note=note, order="opens_on")


def reports_published(start: date, end: date) -> dict[int, IndicatorValue]:
    """Consultations closed in the period: report published / reports published plus those
    past their due date unpublished. Reports not yet due, and those of consultations recorded
    after the fact (no due date here), are left out until published. One aggregate query."""
    closed = consultations().filter(closes_on__range=(start, end))
    published = Q(feedback_published_at__isnull=False)
    return on_time_by_unit(closed, on_time=published, due=published | Q(feedback_due__lt=timezone.localdate()))


def reports_missing(unit_id: int, start: date, end: date) -> list[DrillRow]:
    records = consultations().filter(
        unit=unit_id,
        closes_on__range=(start, end),
        feedback_published_at__isnull=True,
        feedback_due__lt=timezone.localdate(),
    )
    rule = _("征求意见结束后 %(days)d 个工作日内公布意见采纳情况") % {"days": rules.feedback_working_days()}

    def note(decision: MajorDecision) -> str:
        return _("征求意见于 %(closes)s 截止，采纳情况尚未公布") % {"closes": decision.closes_on}

    def url(decision: MajorDecision) -> str:
        return reverse("admin:decisions_majordecision_feedback", args=[decision.pk])

    return _consultation_rows(
        records, rule=rule, note=note, order="feedback_due", url=url, report_due=True, action=_("录入采纳情况")
    )


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


def reports_without_counts(unit_id: int, start: date, end: date) -> list[DrillRow]:
    published = consultations().filter(unit=unit_id, closes_on__range=(start, end), feedback_published_at__isnull=False)
    rule = _("意见采纳情况说明收到、采纳、未采纳的意见数量")

    def note(decision: MajorDecision) -> str:
        missing = [str(label) for field, label in _REPORT_LABELS[1:] if getattr(decision, field) is None]
        return "、".join(missing)

    return _consultation_rows(published.filter(_counts_not_stated()), rule=rule, note=note, order="closes_on")


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
