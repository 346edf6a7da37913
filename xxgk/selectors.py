"""Reads of the 政府信息公开 column: the published 指南, its versions, and the Art 20/21 index."""

from dataclasses import dataclass

from django.db.models import QuerySet

from lushan_portal import disclosure_index
from lushan_portal.disclosure_index import Category, Contribution
from organizations.models import Unit, UnitKind
from organizations.selectors import public_units
from xxgk.models import READABLE_STATUSES, Guide, GuideStatus

TOWNSHIP_KINDS = (UnitKind.TOWNSHIP, UnitKind.SUBDISTRICT)
COUNTY_KINDS = (UnitKind.COUNTY_GOVERNMENT, UnitKind.COUNTY_DEPARTMENT)


def county_unit() -> Unit | None:
    """The county government, whose 指南 the county-wide column shows."""
    return public_units().filter(kind=UnitKind.COUNTY_GOVERNMENT).order_by("sort_order", "code").first()


def readable_guides(unit: Unit) -> QuerySet:
    """The published version and the versions it replaced, newest first."""
    return Guide.objects.filter(unit=unit, status__in=READABLE_STATUSES).select_related("unit").order_by("-version")


def published_guide(unit: Unit | None) -> Guide | None:
    if unit is None:
        return None
    return Guide.objects.filter(unit=unit, status=GuideStatus.PUBLISHED).select_related("unit").first()


@dataclass(frozen=True)
class IndexLine:
    contribution: Contribution
    url: str
    count: int


@dataclass(frozen=True)
class IndexRow:
    category: Category
    lines: list[IndexLine]

    @property
    def shown(self) -> list[IndexLine]:
        return [line for line in self.lines if line.count]

    @property
    def missing(self) -> list[IndexLine]:
        return [line for line in self.lines if not line.count]


def categories_for(unit: Unit | None) -> list[Category]:
    """Art 20 for every unit; Art 21 as the county's or the township's (both on the county page)."""
    wanted = {"21-county", "21-township"}
    if unit is not None and unit.kind in COUNTY_KINDS:
        wanted = {"21-county"}
    elif unit is not None and unit.kind in TOWNSHIP_KINDS:
        wanted = {"21-township"}
    return [c for c in disclosure_index.CATEGORIES if c.code.startswith("20-") or c.code in wanted]


def disclosure_index_rows(unit: Unit | None) -> list[IndexRow]:
    """Each category with what the registered apps hold for the unit (None: every unit): one count
    per contribution, each contribution bounded by its app (no query per record)."""
    unit_id, unit_code = (unit.pk, unit.code) if unit else (None, None)
    rows = []
    for category in categories_for(unit):
        lines = [
            IndexLine(contribution=c, url=c.url(unit_code), count=c.count(unit_id))
            for c in disclosure_index.contributions(category.code)
        ]
        rows.append(IndexRow(category=category, lines=lines))
    return rows
