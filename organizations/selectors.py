from django.db.models import QuerySet

from organizations.models import GRASSROOTS_KINDS, Unit, UnitKind


def public_units() -> QuerySet:
    return Unit.objects.filter(is_active=True).select_related("parent")


def units_grouped() -> list[tuple[str, list[Unit]]]:
    """Active units in the groups the public site shows, in display order."""
    groups: dict[str, list[Unit]] = {}
    for unit in public_units().order_by("sort_order", "code"):
        key = UnitKind.COUNTY_DEPARTMENT if unit.kind == UnitKind.COUNTY_GOVERNMENT else unit.kind
        groups.setdefault(key, []).append(unit)
    order = [UnitKind.COUNTY_DEPARTMENT, *GRASSROOTS_KINDS]
    return [(UnitKind(kind).label, groups[kind]) for kind in order if kind in groups]
