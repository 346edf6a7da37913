"""Month-end snapshots: the month's figures, and those of a quarter, half year or year ending with it.

The beat task ``snapshot_last_month`` freezes last month on the 1st; ``manage.py snapshot_months``
backfills past months. The dashboard reads closed months from here and computes only what is
not frozen (the current month, or a month still waiting for records to fall due).
"""

from collections.abc import Iterable
from datetime import date, datetime

from django.db.models import Min

from compliance.models import IndicatorSnapshot
from compliance.periods import Period, months_between, parse_period
from compliance.registry import IndicatorValue, indicators

Values = dict[str, dict[int, IndicatorValue]]  # indicator code → unit id → value


def periods_ending_with(year: int, month: int) -> list[Period]:
    keys = [f"{year}-{month:02d}"]
    if month % 3 == 0:
        keys.append(f"{year}-Q{month // 3}")
    if month in (6, 12):
        keys.append(f"{year}-H{month // 6}")
    if month == 12:
        keys.append(str(year))
    return [parse_period(key) for key in keys]


def snapshot_month(year: int, month: int) -> int:
    """Freeze the figures; a period already frozen is left as it is. Returns rows written."""
    written = 0
    for period in periods_ending_with(year, month):
        if IndicatorSnapshot.objects.filter(period=period.key).exists():
            continue
        rows = [
            IndicatorSnapshot(
                period=period.key,
                code=indicator.code,
                unit_id=unit_id,
                numerator=v.numerator,
                denominator=v.denominator,
                met=v.met,
                pending=v.pending,
            )
            for indicator in indicators()
            for unit_id, v in indicator.compute(period.start, period.end).items()
        ]
        IndicatorSnapshot.objects.bulk_create(rows, ignore_conflicts=True)
        written += len(rows)
    return written


def _value(row: IndicatorSnapshot) -> IndicatorValue:
    return IndicatorValue(row.numerator, row.denominator, row.met, row.pending)


def snapshot_values(period: Period) -> tuple[Values, datetime | None]:
    """The frozen figures of the period, by indicator code and unit, and when they were frozen."""
    rows = IndicatorSnapshot.objects.filter(period=period.key)
    frozen_at = rows.aggregate(at=Min("frozen_at"))["at"]
    values: Values = {}
    for row in rows:
        values.setdefault(row.code, {})[row.unit_id] = _value(row)
    return values, frozen_at


def month_snapshots(
    keys: Iterable[str], *, codes: Iterable[str] | None = None, unit_ids: Iterable[int] | None = None
) -> dict[str, Values]:
    """The frozen figures of several periods, {period key: values}, in two queries; a period
    never frozen is absent, a frozen one without figures of ``codes`` is there, empty."""
    keys = list(keys)
    frozen = IndicatorSnapshot.objects.filter(period__in=keys)
    found: dict[str, Values] = {key: {} for key in frozen.order_by().values_list("period", flat=True).distinct()}
    rows = frozen
    if codes is not None:
        rows = rows.filter(code__in=list(codes))
    if unit_ids is not None:
        rows = rows.filter(unit__in=list(unit_ids))
    fields = ("period", "code", "unit_id", "numerator", "denominator", "met", "pending")
    for period, code, unit_id, numerator, denominator, met, pending in rows.values_list(*fields):
        found[period].setdefault(code, {})[unit_id] = IndicatorValue(numerator, denominator, met, pending)
    return found


def sum_values(parts: Iterable[dict[int, IndicatorValue]]) -> dict[int, IndicatorValue]:
    """Months of an ``additive`` indicator added up per unit: met when every counted record is."""
    totals: dict[int, list[int]] = {}
    for part in parts:
        for unit_id, value in part.items():
            total = totals.setdefault(unit_id, [0, 0, 0])
            total[0] += value.numerator
            total[1] += value.denominator
            total[2] += value.pending
    return {
        unit_id: IndicatorValue(numerator, denominator, numerator == denominator if denominator else None, pending)
        for unit_id, (numerator, denominator, pending) in totals.items()
    }


def previous_month(today: date) -> tuple[int, int]:
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)


def snapshots_backfill(first: date, last: date) -> dict[str, int]:
    """Freeze every month from ``first``'s to ``last``'s (closed months only: the caller checks)
    with today's figures; months already frozen are left as they are. {month key: rows written}."""
    return {month.key: snapshot_month(month.start.year, month.start.month) for month in months_between(first, last)}
