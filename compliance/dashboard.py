"""The supervisors' matrix: units × registered indicators for a period, in a bounded number of queries."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from compliance.incomplete import incomplete_totals
from compliance.models import Alert
from compliance.periods import Period
from compliance.registry import Indicator, IndicatorValue, indicators
from compliance.scoring import unit_score, weights
from compliance.snapshots import snapshot_values
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


def period_values(period: Period) -> tuple[dict[str, dict[int, IndicatorValue]], object]:
    """The frozen snapshot of the period when there is one, else live figures (one compute per indicator)."""
    frozen, frozen_at = snapshot_values(period)
    if frozen_at is not None:
        return frozen, frozen_at
    return {indicator.code: indicator.compute(period.start, period.end) for indicator in indicators()}, None


def build_matrix(
    period: Period, unit_ids: list[int] | None = None, values: dict | None = None
) -> list[tuple[str, list[Row]]]:
    """Rows grouped as county departments / townships and subdistricts."""
    values = values if values is not None else period_values(period)[0]
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
