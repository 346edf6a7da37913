"""Month-end snapshots: the month's figures, and those of a quarter, half year or year ending with it."""

from datetime import date, datetime

from django.db.models import Min

from compliance.models import IndicatorSnapshot
from compliance.periods import Period, parse_period
from compliance.registry import IndicatorValue, indicators


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
            )
            for indicator in indicators()
            for unit_id, v in indicator.compute(period.start, period.end).items()
        ]
        IndicatorSnapshot.objects.bulk_create(rows, ignore_conflicts=True)
        written += len(rows)
    return written


def snapshot_values(period: Period) -> tuple[dict[str, dict[int, IndicatorValue]], datetime | None]:
    """The frozen figures of the period, by indicator code and unit, and when they were frozen."""
    rows = IndicatorSnapshot.objects.filter(period=period.key)
    frozen_at = rows.aggregate(at=Min("frozen_at"))["at"]
    values: dict[str, dict[int, IndicatorValue]] = {}
    for row in rows:
        values.setdefault(row.code, {})[row.unit_id] = IndicatorValue(row.numerator, row.denominator, row.met)
    return values, frozen_at


def previous_month(today: date) -> tuple[int, int]:
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)
