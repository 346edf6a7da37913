"""The scope of proactive disclosure of a unit's 政府信息公开指南 (Regulations Art 12), and when it
last changed.

The 指南 lists what a unit discloses proactively from the unit's published catalogs, and must be
updated within a year of a change to them (Art 53(二)). The catalog app registers both from its
AppConfig.ready(); the 政府信息公开 column (xxgk) reads them here and imports no domain app.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet


@dataclass(frozen=True)
class ScopeEntry:
    """One line of the scope: a domain's published catalog, e.g. 社会救助 with its 12 items."""

    title: str
    url: str
    items: int  # for the county (every unit): the units that published it


_scope_sources: list[Callable[[int | None], list[ScopeEntry]]] = []
_change_sources: list[Callable[[], QuerySet]] = []


def register_scope(source: Callable[[int | None], list[ScopeEntry]]) -> None:
    """``source(unit_id)``: the unit's published scope (None: the county as a whole). One query."""
    if source not in _scope_sources:
        _scope_sources.append(source)


def scope(unit_id: int | None) -> list[ScopeEntry]:
    return [entry for source in _scope_sources for entry in source(unit_id)]


def register_changes(source: Callable[[], QuerySet]) -> None:
    """``source()``: a queryset of changes, one row each, annotated ``change_unit`` (a unit id) and
    ``changed_at`` (an aware datetime); the stale-指南 scan filters it inside its own query."""
    if source not in _change_sources:
        _change_sources.append(source)


def change_sources() -> list[Callable[[], QuerySet]]:
    return list(_change_sources)
