import re
from collections.abc import Iterable

from django.db.models import QuerySet

from organizations.models import GRASSROOTS_KINDS, Unit, UnitKind

HALF_TO_FULL = str.maketrans({"(": "（", ")": "）"})


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


def match_key(text: str) -> str:
    """Names compare without spaces or line breaks, with full-width brackets; codes in upper case."""
    return re.sub(r"\s+", "", text).translate(HALF_TO_FULL).upper()


class UnitMatcher:
    """Finds the unit a file names: by unified social credit code, full name, short name or alias.

    Built once (one query) and then asked per row; inactive units match too (old decisions).
    """

    def __init__(self, units: Iterable[Unit]) -> None:
        self.by_code: dict[str, Unit] = {}
        self.by_name: dict[str, list[Unit]] = {}
        for unit in units:
            if unit.credit_code:
                self.by_code[match_key(unit.credit_code)] = unit
            for name in {unit.name, unit.short_name, *unit.alias_list} - {""}:
                self.by_name.setdefault(match_key(name), []).append(unit)

    def by_credit_code(self, code: str) -> Unit | None:
        return self.by_code.get(match_key(code))

    def candidates(self, name_or_code: str) -> list[Unit]:
        """Every unit the text may mean: none, one, or several (a short name two units share)."""
        key = match_key(name_or_code)
        if key in self.by_code:
            return [self.by_code[key]]
        return list(self.by_name.get(key, []))

    def match(self, name_or_code: str) -> Unit | None:
        found = self.candidates(name_or_code)
        return found[0] if len(found) == 1 else None


def unit_matcher() -> UnitMatcher:
    return UnitMatcher(Unit.objects.all())


def unit_match(name_or_code: str) -> Unit | None:
    """The one unit with this credit code, full name, short name or alias; None if none or several."""
    return unit_matcher().match(name_or_code)
