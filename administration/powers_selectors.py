"""Reads of power lists: a unit's current list, its changes, its list on a past date and the diff
between two dates, the county-wide search and the counts by type. Each in a fixed number of queries."""

from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import Count, F, Max, Q, QuerySet

from administration.models import (
    ITEM_FIELDS,
    AdjustmentStatus,
    ChangeKind,
    GuideStatus,
    PowerAdjustment,
    PowerChange,
    PowerItem,
    ServiceGuide,
)
from administration.models.powers import PowerType
from lushan_portal.links import record_url
from lushan_portal.text_search import bigram_match

MAX_QUERY_LENGTH = 100


def current_items() -> QuerySet:
    return PowerItem.objects.filter(is_current=True)


def unit_items(unit_id: int) -> list[PowerItem]:
    return list(current_items().filter(unit=unit_id).order_by("position", "pk"))


def unit_items_with_guides(unit_id: int) -> list[PowerItem]:
    """The unit's current items, each with ``public_guides``: the published guides that implement
    it, as (url, name). Two queries."""
    items = unit_items(unit_id)
    guides: dict[int, list[tuple[str, str]]] = {}
    rows = ServiceGuide.objects.filter(status=GuideStatus.PUBLISHED, power_item__unit=unit_id).order_by("name", "pk")
    for item_id, pk, name in rows.values_list("power_item", "pk", "name"):
        guides.setdefault(item_id, []).append((record_url("administration:guide", pk), name))
    for item in items:
        item.public_guides = guides.get(item.pk, [])
    return items


def published_changes() -> QuerySet:
    """Changes of published adjustments (``unit`` is set when the adjustment is published)."""
    return PowerChange.objects.filter(unit__isnull=False)


def unit_adjustments_since(unit_id: int, since: date) -> list[PowerAdjustment]:
    """The unit's published adjustments from ``since``, newest first, with their changes: two queries."""
    adjustments = PowerAdjustment.objects.filter(
        unit=unit_id, status=AdjustmentStatus.PUBLISHED, effective_on__gte=since
    )
    return list(adjustments.order_by("-effective_on", "-pk").prefetch_related("changes"))


def list_on(unit_id: int, day: date) -> dict[str, dict[str, str]]:
    """The unit's list as it stood at the end of ``day``: {code: item fields}. One query."""
    state: dict[str, dict[str, str]] = {}
    changes = published_changes().filter(unit=unit_id, effective_on__lte=day)
    for row in changes.order_by("effective_on", "adjustment_id", "position", "pk").values("kind", *ITEM_FIELDS):
        if row["kind"] == ChangeKind.REMOVED:
            state.pop(row["code"], None)
        else:
            state[row["code"]] = {name: row[name] for name in ITEM_FIELDS}
    return state


@dataclass(frozen=True)
class ChangedItem:
    before: dict[str, str]
    after: dict[str, str]
    fields: list[str]  # the names of the fields that differ

    @property
    def rows(self) -> list[tuple[str, str, str]]:
        """(field label, before, after) of each field that differs, types by their Chinese name."""
        return [
            (field_label(name), shown(name, self.before[name]), shown(name, self.after[name])) for name in self.fields
        ]


def field_label(name: str) -> str:
    return str(PowerItem._meta.get_field(name).verbose_name)


def shown(name: str, value: str) -> str:
    if name == "power_type" and value in PowerType.values:
        return str(PowerType(value).label)
    return value


@dataclass(frozen=True)
class PowersDiff:
    start: date
    end: date
    added: list[dict[str, str]]
    removed: list[dict[str, str]]
    changed: list[ChangedItem]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def powers_diff(unit_id: int, start: date, end: date) -> PowersDiff:
    """What differs between the list at the end of ``start`` and at the end of ``end``: two queries."""
    before, after = list_on(unit_id, start), list_on(unit_id, end)
    changed = [
        ChangedItem(
            before[code], after[code], [name for name in ITEM_FIELDS if before[code][name] != after[code][name]]
        )
        for code in after
        if code in before and before[code] != after[code]
    ]
    return PowersDiff(
        start=start,
        end=end,
        added=[after[code] for code in after if code not in before],
        removed=[before[code] for code in before if code not in after],
        changed=changed,
    )


def county_type_counts() -> list[tuple[str, str, int]]:
    """(type, label, current items) for every type, zero included: one query."""
    counts = dict(current_items().order_by().values_list("power_type").annotate(n=Count("pk")))
    return [(value, str(label), counts.get(value, 0)) for value, label in PowerType.choices]


def units_with_lists() -> list[dict]:
    """Units with a current list: code, name, item count and the date of the latest adjustment. One query."""
    rows = (
        current_items()
        .order_by()
        .values("unit", "unit__code", "unit__name", "unit__sort_order")
        .annotate(items=Count("pk"), latest=Max("changed_on"))
    )
    return sorted(rows, key=lambda row: (row["unit__sort_order"], row["unit__code"]))


def items_matching_text(queryset: QuerySet, value: str) -> QuerySet:
    """Items whose name, sub-items, basis or code contain ``value``.

    The stored bigram vector narrows through its GIN index (PostgreSQL); the contains check keeps
    exact matches. A one-character query falls back to the contains check alone.
    """
    value = value.strip()[:MAX_QUERY_LENGTH]
    if not value:
        return queryset
    exact = Q(name__icontains=value) | Q(sub_items__icontains=value) | Q(basis__icontains=value)
    exact |= Q(code__iexact=value)
    candidates = bigram_match("search_document", value)
    if candidates is None:
        return queryset.filter(exact)
    if connection.vendor == "postgresql":
        # The stored vector: the GIN index finds the rows and the recheck reads no document again.
        queryset = queryset.alias(document=F("search_vector"))
    return queryset.filter(candidates & exact)


def powers_search(*, q: str = "", power_type: str = "", unit_id: int | None = None) -> QuerySet:
    """Current items across units, newest first (by id), filtered; no count (pages peek ahead)."""
    # The page's units in a second query: joined, the planner misjudges the text match's rows and
    # loops over the units for every candidate (120 ms for 4,500 matches of 50,000 items).
    items = current_items().prefetch_related("unit")
    if power_type in PowerType.values:
        items = items.filter(power_type=power_type)
    if unit_id is not None:
        items = items.filter(unit=unit_id)
    return items_matching_text(items, q).order_by("-pk")
