"""The supervisors' matrix: units × registered indicators for a period, in a bounded number of queries."""

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from compliance.incomplete import incomplete_totals
from compliance.models import Alert
from compliance.periods import Period, months_between, months_of
from compliance.registry import Indicator, IndicatorValue, indicators
from compliance.scoring import unit_score, weights
from compliance.snapshots import Values, month_snapshots, snapshot_values, sum_values
from organizations.models import GRASSROOTS_KINDS, Unit

STATE_LABELS = {"met": _("达标"), "in_progress": _("进行中"), "missed": _("未达标"), "no_data": _("无数据")}
GROUPS = [(_("县政府及部门"), False), (_("乡镇、街道及其他"), True)]


@dataclass(frozen=True)
class Cell:
    indicator: Indicator
    value: IndicatorValue | None
    state: str

    @property
    def text(self) -> str:
        if self.value is None:
            return "—"
        if self.indicator.percent:
            if not self.value.denominator:
                return _("%(n)d 条未到期") % {"n": self.value.pending} if self.value.pending else "—"
            percent = round(100 * self.value.numerator / self.value.denominator, 1)
            return f"{percent:g}%（{self.value.numerator}/{self.value.denominator}）"
        return str(self.value.numerator)

    @property
    def drillable(self) -> bool:
        """A link to the records behind every cell below its target, 进行中 or 未达标."""
        return self.indicator.offending is not None and self.value is not None and self.value.met is False

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])


@dataclass(frozen=True)
class Row:
    unit: Unit
    cells: list[Cell]
    open_alerts: int
    score: float | None
    incomplete: int = 0  # records with a field still unknown (待补充, 日期不详, 未说明)


def cell_state(indicator: Indicator, value: IndicatorValue | None, period: Period) -> str:
    """达标; 进行中 while the target can still be reached; 未达标 once the period is over or a
    due date has passed unmet; 无数据."""
    if value is None or (value.met is None and not value.pending):
        return "no_data"
    if value.met is None:
        return "in_progress"  # only records not yet due
    if value.met:
        return "met"
    return "in_progress" if indicator.judged_at_period_end and period.ongoing else "missed"


def open_alert_counts(unit_ids: list[int] | None) -> dict[int, int]:
    alerts = Alert.objects.filter(resolved_at=None, unit__isnull=False)
    if unit_ids is not None:
        alerts = alerts.filter(unit__in=unit_ids)
    return dict(alerts.order_by().values("unit").annotate(n=Count("id")).values_list("unit", "n"))


def units_for(unit_ids: list[int] | None) -> QuerySet:
    units = Unit.objects.filter(is_active=True).order_by("sort_order", "code")
    return units if unit_ids is None else units.filter(pk__in=unit_ids)


class PeriodValues(NamedTuple):
    values: Values
    frozen_at: datetime | None  # the period's own snapshot, when it has one
    settled: list[Period]  # closed months whose snapshots were added up (additive indicators)


def period_values(period: Period) -> PeriodValues:
    """The frozen snapshot of the period when there is one, else its figures as of now."""
    frozen, frozen_at = snapshot_values(period)
    if frozen_at is not None:
        return PeriodValues(frozen, frozen_at, [])
    return live_values(period)


def settled_months(months: list[Period], frozen: dict[str, Values], code: str) -> int:
    """How many of the leading months are closed, frozen, and had nothing pending for ``code``:
    their snapshot is final, so they need no recount."""
    count = 0
    for month in months:
        snapshot = frozen.get(month.key)
        if snapshot is None or any(v.pending for v in snapshot.get(code, {}).values()):
            break
        count += 1
    return count


def live_values(period: Period) -> PeriodValues:
    """Each indicator over the period as of now. An ``additive`` indicator adds up the closed
    months' snapshots and computes only from the first month not settled to the period's end
    (the current month, usually): one snapshot query, then one compute per indicator."""
    today = timezone.localdate()
    months = months_between(period.start, period.end)
    closed = [month for month in months if month.end < today]
    additive = [indicator for indicator in indicators() if indicator.additive]
    frozen = month_snapshots([m.key for m in closed], codes=[i.code for i in additive]) if closed and additive else {}
    values: Values = {}
    settled_most = 0
    for indicator in indicators():
        settled = settled_months(closed, frozen, indicator.code) if indicator.additive and len(months) > 1 else 0
        if not settled:
            values[indicator.code] = indicator.compute(period.start, period.end)
            continue
        parts = [frozen[month.key].get(indicator.code, {}) for month in closed[:settled]]
        if settled < len(months):
            parts.append(indicator.compute(months[settled].start, period.end))
        values[indicator.code] = sum_values(parts)
        settled_most = max(settled_most, settled)
    return PeriodValues(values, None, closed[:settled_most])


@dataclass(frozen=True)
class TrendPoint:
    month: Period
    percent: float | None  # None: nothing counted (or a month not begun)
    source: str  # "snapshot", "live" or "future"


def trend_lines(year: int, unit_ids: list[int] | None) -> list[tuple[Indicator, list[TrendPoint]]]:
    """Each percentage indicator by month of ``year``, summed over the visible units.

    Closed months come from their month-end snapshots (one query for the year); the current
    month, and a closed month never frozen, are computed live; months not begun are not
    computed. With the snapshots in place: one query plus one per indicator for this month.
    """
    today = timezone.localdate()
    months = months_of(year)
    percent = [indicator for indicator in indicators() if indicator.percent]
    closed = [month.key for month in months if month.end < today]
    frozen = month_snapshots(closed, codes=[i.code for i in percent], unit_ids=unit_ids) if closed and percent else {}
    lines = []
    for indicator in percent:
        points = []
        for month in months:
            if month.start > today:
                points.append(TrendPoint(month, None, "future"))
                continue
            if month.key in frozen:
                values, source = frozen[month.key].get(indicator.code, {}), "snapshot"
            else:
                values, source = indicator.compute(month.start, month.end), "live"
                if unit_ids is not None:
                    values = {k: v for k, v in values.items() if k in unit_ids}
            numerator = sum(v.numerator for v in values.values())
            denominator = sum(v.denominator for v in values.values())
            points.append(TrendPoint(month, round(100 * numerator / denominator, 1) if denominator else None, source))
        lines.append((indicator, points))
    return lines


def build_matrix(
    period: Period, unit_ids: list[int] | None = None, values: dict | None = None
) -> list[tuple[str, list[Row]]]:
    """Rows grouped as county departments / townships and subdistricts."""
    values = values if values is not None else period_values(period).values
    weight_of = weights([indicator.code for indicator in indicators()])
    alerts = open_alert_counts(unit_ids)
    unknowns = incomplete_totals(unit_ids)
    groups: dict[bool, list[Row]] = {False: [], True: []}
    for unit in units_for(unit_ids):
        cells = []
        for indicator in indicators():
            value = values.get(indicator.code, {}).get(unit.pk)
            cells.append(Cell(indicator, value, cell_state(indicator, value, period)))
        # A cell 进行中 is not judged yet: it counts in the score once the period is over.
        score = unit_score([(c.indicator, None if c.state == "in_progress" else c.value) for c in cells], weight_of)
        row = Row(unit, cells, alerts.get(unit.pk, 0), score, unknowns.get(unit.pk, 0))
        groups[unit.kind in GRASSROOTS_KINDS].append(row)
    return [(str(label), groups[grassroots]) for label, grassroots in GROUPS if groups[grassroots]]


def system_alerts() -> QuerySet:
    """Open alerts about no unit: the calendar missing a year's holiday data."""
    return Alert.objects.filter(resolved_at=None, unit__isnull=True).prefetch_related("record")


def matrix_table(period: Period, groups: list[tuple[str, list[Row]]]) -> list[list[str]]:
    """The matrix as rows of text (CSV, xlsx, JSON): exactly what the page shows."""
    header = ["分组", "单位", "综合得分", *[str(i.title) for i in indicators()], "未解除预警", "信息不全的记录"]
    table = [header]
    for label, rows in groups:
        for row in rows:
            table.append(
                [
                    label,
                    row.unit.name,
                    "—" if row.score is None else f"{row.score:g}",
                    *[f"{c.text} {c.state_label}" for c in row.cells],
                    str(row.open_alerts),
                    str(row.incomplete),
                ]
            )
    return table
