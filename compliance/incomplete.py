"""Records entered with unknown fields (待补充, 日期不详, 未说明), per unit: what supervisors chase.

Every app registers its kind (compliance.registry.IncompleteRecords); nothing here knows the apps.
"""

from dataclasses import dataclass

from compliance.registry import IncompleteRecords, incomplete_counts, incomplete_kinds
from organizations.models import Unit

RECORDS_SHOWN = 1000


@dataclass(frozen=True)
class IncompleteRow:
    unit: Unit
    counts: list[tuple[IncompleteRecords, int]]

    @property
    def total(self) -> int:
        return sum(n for _kind, n in self.counts)


def incomplete_totals(unit_ids: list[int] | None) -> dict[int, int]:
    """{unit id: records with an unknown field, all kinds together}; one query per kind."""
    totals: dict[int, int] = {}
    for per_unit in incomplete_counts(None if unit_ids is None else set(unit_ids)).values():
        for unit_id, n in per_unit.items():
            totals[unit_id] = totals.get(unit_id, 0) + n
    return totals


def incomplete_rows(unit_ids: list[int] | None) -> list[IncompleteRow]:
    """One row per unit that has records with unknown fields, the units' usual order."""
    kinds = incomplete_kinds()
    counts = incomplete_counts(None if unit_ids is None else set(unit_ids))
    with_unknowns = {unit_id for per_unit in counts.values() for unit_id in per_unit}
    units = Unit.objects.filter(pk__in=with_unknowns).order_by("sort_order", "code")
    return [IncompleteRow(unit, [(kind, counts[kind.code].get(unit.pk, 0)) for kind in kinds]) for unit in units]


def incomplete_kind(code: str) -> IncompleteRecords | None:
    return next((kind for kind in incomplete_kinds() if kind.code == code), None)


def incomplete_records(kind: IncompleteRecords, unit_id: int) -> list[tuple[object, list[str]]]:
    """The unit's records of this kind with the labels of their unknown fields (at most RECORDS_SHOWN)."""
    records = kind.records().filter(**{kind.unit_field: unit_id}).order_by("pk")[:RECORDS_SHOWN]
    return [(record, kind.missing(record)) for record in records]
