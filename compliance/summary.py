"""The summary above the dashboard's matrix: what is overdue now and where, this week's change, by month.

The source is the alerts the daily deadline scan keeps (``compliance.scans``): an open alert
is a deadline overdue as of the last scan, and the scan resolves it once the record is put
right. Left out: rules registered as notices (a reminder before a window closes, a flag on a
shortened window), which are not deadlines missed, and alerts about no unit (the calendar's).
Two aggregate queries in all, whatever the number of units and alerts.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from compliance.charts import Bar, bar_chart
from compliance.models import Alert
from compliance.periods import Period, months_of
from compliance.registry import notice_codes
from compliance.registry import rule as registered_rule
from compliance.snapshots import previous_month

TOP_UNITS = 10
TREND_MONTHS = 12
WEEK = timedelta(days=7)


@dataclass(frozen=True)
class RuleCount:
    code: str
    title: str
    count: int


@dataclass(frozen=True)
class UnitOverdue:
    unit_id: int
    code: str
    name: str
    count: int
    rules: list[RuleCount]
    earliest_due: date | None


@dataclass(frozen=True)
class MonthCount:
    month: Period
    count: int | None  # None: the month ended before the scans recorded any alert
    partial: bool  # the current month, counted as of now


@dataclass(frozen=True)
class Summary:
    today: date
    overdue: int
    units: int
    top: list[UnitOverdue]
    raised_this_week: int
    resolved_this_week: int
    months: list[MonthCount]

    @property
    def net_this_week(self) -> int:
        return self.raised_this_week - self.resolved_this_week

    @property
    def fewer_than_a_week_ago(self) -> int:
        return -self.net_this_week

    @property
    def overdue_a_week_ago(self) -> int:
        return self.overdue - self.net_this_week


def deadline_alerts(unit_ids: list[int] | None) -> Q:
    """Alerts that stand for a missed deadline of a unit (open or not), within the visible units."""
    condition = Q(unit__isnull=False)
    notices = notice_codes()
    if notices:
        condition &= ~Q(rule_code__in=notices)
    if unit_ids is not None:
        condition &= Q(unit__in=unit_ids)
    return condition


def last_months(today: date, count: int = TREND_MONTHS) -> list[Period]:
    """The ``count`` months ending with today's, oldest first."""
    months, (year, month) = [], (today.year, today.month)
    for _step in range(count):
        months.append(months_of(year)[month - 1])
        year, month = previous_month(date(year, month, 1))
    return months[::-1]


def month_end(period: Period) -> datetime:
    """The instant the month ends on the county's clock: midnight starting the next day."""
    zone = timezone.get_current_timezone()
    following = period.end + timedelta(days=1)
    return datetime(following.year, following.month, following.day, tzinfo=zone)


def rule_title(code: str) -> str:
    found = registered_rule(code)
    return str(found.title) if found else code


def overdue_by_unit(unit_ids: list[int] | None) -> list[UnitOverdue]:
    """Units with open overdue alerts, most first (then in the units' order); one query."""
    rows = (
        Alert.objects.filter(deadline_alerts(unit_ids), resolved_at=None)
        .order_by()
        .values("unit", "unit__code", "unit__name", "unit__short_name", "unit__sort_order", "rule_code")
        .annotate(n=Count("pk"), earliest=Min("due_date"))
    )
    per_unit: dict[int, list[dict]] = {}
    for row in rows:
        per_unit.setdefault(row["unit"], []).append(row)
    ranked = []
    for unit_rows in per_unit.values():
        head = unit_rows[0]
        dues = [row["earliest"] for row in unit_rows if row["earliest"] is not None]
        counts = [RuleCount(row["rule_code"], rule_title(row["rule_code"]), row["n"]) for row in unit_rows]
        entry = UnitOverdue(
            unit_id=head["unit"],
            code=head["unit__code"],
            name=head["unit__short_name"] or head["unit__name"],
            count=sum(c.count for c in counts),
            rules=sorted(counts, key=lambda c: (-c.count, c.title)),
            earliest_due=min(dues, default=None),
        )
        ranked.append(((-entry.count, head["unit__sort_order"], entry.code), entry))
    return [entry for _key, entry in sorted(ranked, key=lambda pair: pair[0])]


def overdue_summary(unit_ids: list[int] | None) -> Summary:
    now = timezone.now()
    today = timezone.localdate(now)
    by_unit = overdue_by_unit(unit_ids)
    condition = deadline_alerts(unit_ids)
    months = last_months(today)
    ends = [month_end(month) for month in months]
    since = now - WEEK
    figures = {
        "first": Min("raised_at"),
        "raised": Count("pk", filter=condition & Q(raised_at__gte=since)),
        "resolved": Count("pk", filter=condition & Q(resolved_at__gte=since)),
    }
    for index, end in enumerate(ends[:-1]):
        still_open = Q(resolved_at__isnull=True) | Q(resolved_at__gte=end)
        figures[f"m{index}"] = Count("pk", filter=condition & Q(raised_at__lt=end) & still_open)
    # The current month stands at what is open now: the same figure as the overdue count.
    figures[f"m{len(ends) - 1}"] = Count("pk", filter=condition & Q(resolved_at__isnull=True))
    # Min over every alert: the first the scans recorded, for any rule or unit.
    found = Alert.objects.order_by().aggregate(**figures)
    first = found["first"]
    trend = []
    for index, (month, end) in enumerate(zip(months, ends, strict=True)):
        current = index == len(months) - 1
        known = current or (first is not None and end > first)
        trend.append(MonthCount(month, found[f"m{index}"] if known else None, current))
    return Summary(
        today=today,
        overdue=sum(u.count for u in by_unit),
        units=len(by_unit),
        top=by_unit[:TOP_UNITS],
        raised_this_week=found["raised"],
        resolved_this_week=found["resolved"],
        months=trend,
    )


def trend_chart(summary: Summary) -> SafeString:
    """The month-end counts as bars; the current month hatched (counted as of today)."""
    bars = []
    for index, point in enumerate(summary.months):
        month = point.month.start
        group = _("%(year)d年") % {"year": month.year} if index == 0 or month.month == 1 else ""
        bars.append(Bar(_("%(month)d月") % {"month": month.month}, point.count, point.partial, group))
    known = [p for p in summary.months if p.count is not None]
    first, last = summary.months[0].month, summary.months[-1].month
    description = _("%(first)s至%(last)s，各月末尚未解除的逾期事项数；本月为截至今日（%(today)s）的数字。") % {
        "first": first.label,
        "last": last.label,
        "today": summary.today.isoformat(),
    }
    if known:
        peak = max(known, key=lambda p: p.count)
        description += _("最多为%(month)s的 %(count)d 项。") % {"month": peak.month.label, "count": peak.count}
    if len(known) < len(summary.months):
        description += _("标“无记录”的月份在逾期扫描的第一条记录之前。")
    return bar_chart(
        bars,
        chart_id="overdue-trend",
        title=_("最近12个月逾期事项数（月末）"),
        description=description,
        missing_text=_("无记录"),
        partial_text=_("本月：截至今日"),
    )
