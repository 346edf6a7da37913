"""The deadline registry: each domain app registers its rules from AppConfig.ready().

compliance never imports a domain app; the scans work on whatever is registered.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet


@dataclass(frozen=True)
class DeadlineRule:
    """A deadline the portal enforces.

    overdue(today): a queryset of the records whose deadline has passed unmet as of
        ``today`` (the county's date). One query, no loop over rows.
    open_deadlines(): records whose obligation is still unmet, overdue or not; used to
        find the years the calendar must cover.
    recompute_due_dates(): stores fresh due dates on open records after the working-day
        calendar changed; returns how many rows it updated.
    notice: the alert is a reminder or a flag for supervisors (a window closing soon, a
        shortened window with its reason), not a deadline missed: the dashboard's count of
        overdue deadlines leaves it out.
    severe: a single veto of the national website inspection (a message unanswered past its
        red line): the alert stands in red at the top of the dashboard.
    """

    code: str
    title: str
    overdue: Callable[[date], QuerySet]
    due_field: str | None = "due_date"
    unit_field: str | None = "unit_id"
    open_deadlines: Callable[[], QuerySet] | None = None
    recompute_due_dates: Callable[[], int] | None = None
    notice: bool = False
    severe: bool = False


@dataclass(frozen=True)
class IndicatorValue:
    numerator: int
    denominator: int
    met: bool | None  # None: nothing to measure ("no data")
    pending: int = 0  # records of the period not yet due: out of the share, they keep the cell 进行中


@dataclass(frozen=True)
class DrillRow:
    """One line of a drill-down: a record (or a missing catalog) that keeps a unit from its target.

    title: the record as staff know it (a publication's title, a decision's number).
    rule: the rule it breaks, in Chinese, with its limit.
    unit: the unit responsible.
    admin_url: the admin page that fixes it (a change page, or an add page filled in).
    due_on: when it was due; None for what has no due date (a short window, a missing count).
    done_on: when it was done after all (late); None while still undone.
    note: what is wrong, in Chinese ("尚未公开", "已于 2026-10-29 公开").
    action: the link's text; empty for "在管理后台打开".
    """

    title: str
    rule: str
    unit: str
    admin_url: str
    due_on: date | None = None
    done_on: date | None = None
    note: str = ""
    action: str = ""


DRILL_LIMIT = 1000  # rows a drill-down lists (and exports)


@dataclass(frozen=True)
class Indicator:
    """A figure per unit over a period, with a target, for the supervisors' dashboard.

    compute(start, end): {unit id: IndicatorValue} for the units with data, in a fixed
    number of queries (an aggregate grouped by unit), never one per unit. An on-time share
    counts the records done in the period and those whose due date passed in it undone
    (late); records not yet due are left out (``IndicatorValue.pending``).
    offending(unit_id, start, end): the DrillRows that keep the unit from meeting the target
    (at most DRILL_LIMIT), in a fixed number of queries.
    percent: the value reads as numerator/denominator in %; otherwise as a count.
    short_title: the matrix's column label (at most 6 characters); the full title is shown
        on hover and in the legend. Defaults to the title.
    judged_at_period_end: the target is reached over the whole period (multi-format
        interpretations at least 30 % of the year's), so a unit below it is 进行中 until the
        period ends. Otherwise every counted record (or half year) is already past its due
        date and a shortfall is 未达标 at once; what is not due yet is ``pending``.
    additive: the figure of a period is the sum of its months' (each record counts in the month
        of a date that does not change, e.g. a decision's date) and the target is every record
        (met when numerator == denominator). The dashboard then adds up the closed months'
        snapshots and computes only the rest live; otherwise it computes the whole period.
    """

    code: str
    title: str
    target: str
    compute: Callable[[date, date], dict[int, IndicatorValue]]
    offending: Callable[[int, date, date], list[DrillRow]] | None = None
    percent: bool = True
    judged_at_period_end: bool = False
    short_title: str = ""
    additive: bool = False

    def __post_init__(self) -> None:
        if not self.short_title:
            object.__setattr__(self, "short_title", self.title)


def share_by_unit(queryset: QuerySet, ok: Q, unit_field: str = "unit") -> dict[int, IndicatorValue]:
    """Per unit: rows meeting ``ok`` / all rows, met when all do. One aggregate query."""
    rows = queryset.order_by().values(unit_field).annotate(total=Count("pk"), ok=Count("pk", filter=ok))
    return {r[unit_field]: IndicatorValue(r["ok"], r["total"], r["ok"] == r["total"]) for r in rows}


def on_time_by_unit(queryset: QuerySet, *, on_time: Q, due: Q, unit_field: str = "unit") -> dict[int, IndicatorValue]:
    """Per unit, an on-time share: rows done on time / rows done or past their due date.

    ``queryset`` holds the period's candidates (done in the period, or due in it and undone);
    ``due`` selects the ones that count: done, or past their due date (late). The others are
    not yet due: ``pending``. One aggregate query.
    """
    rows = (
        queryset.order_by()
        .values(unit_field)
        .annotate(
            total=Count("pk", filter=due),
            ok=Count("pk", filter=due & on_time),
            pending=Count("pk", filter=~due),
        )
    )
    return {
        r[unit_field]: IndicatorValue(r["ok"], r["total"], r["ok"] == r["total"] if r["total"] else None, r["pending"])
        for r in rows
    }


_rules: dict[str, DeadlineRule] = {}
_indicators: dict[str, Indicator] = {}


def register_indicator(indicator: Indicator) -> None:
    _indicators[indicator.code] = indicator


def indicators() -> list[Indicator]:
    return list(_indicators.values())


def register_rule(rule: DeadlineRule) -> None:
    _rules[rule.code] = rule


def unregister_rule(code: str) -> None:
    _rules.pop(code, None)


def rules() -> list[DeadlineRule]:
    return list(_rules.values())


def rule(code: str) -> DeadlineRule | None:
    return _rules.get(code)


def notice_codes() -> list[str]:
    """Codes of the rules whose alerts are reminders or flags, not deadlines missed."""
    return [r.code for r in _rules.values() if r.notice]


@dataclass(frozen=True)
class IncompleteRecords:
    """Records entered with a field still unknown (待补充, 日期不详, 未说明), for supervisors to chase.

    records(): a queryset of the records with at least one unknown field (one query).
    missing(record): the labels of that record's unknown fields, in Chinese.
    unit_field: the lookup that gives a record's unit id.
    """

    code: str
    title: str
    records: Callable[[], QuerySet]
    missing: Callable[[object], list[str]]
    unit_field: str = "unit_id"


_incomplete: dict[str, IncompleteRecords] = {}


def register_incomplete(kind: IncompleteRecords) -> None:
    _incomplete[kind.code] = kind


def incomplete_kinds() -> list[IncompleteRecords]:
    return list(_incomplete.values())


def incomplete_counts(unit_ids: set[int] | None = None) -> dict[str, dict[int, int]]:
    """Per registered kind, {unit id: records with unknown fields}; one aggregate query per kind."""
    counts: dict[str, dict[int, int]] = {}
    for kind in incomplete_kinds():
        queryset = kind.records()
        if unit_ids is not None:
            queryset = queryset.filter(**{f"{kind.unit_field}__in": unit_ids})
        rows = queryset.order_by().values(kind.unit_field).annotate(n=Count("pk"))
        counts[kind.code] = {row[kind.unit_field]: row["n"] for row in rows}
    return counts


def unregister_incomplete(code: str) -> None:
    _incomplete.pop(code, None)
