from dataclasses import dataclass

import jieba
from django.utils.translation import gettext_lazy as _

from lushan_portal.pagecache import versioned
from lushan_portal.search import SearchSection, register_section


@dataclass(frozen=True)
class SearchableUnit:
    name: str
    url: str
    texts: tuple[str, ...]  # name, short name and address, case-folded: what a search matches
    words: tuple[str, ...]  # their words (jieba): a term that begins one ranks the unit first

    def begins_a_word(self, term: str) -> bool:
        return any(word.startswith(term) for word in self.words)


def _searchable(unit: object) -> SearchableUnit:
    texts = tuple(text.casefold() for text in (unit.name, unit.short_name, unit.address))
    words = tuple(word for text in texts for word in jieba.lcut(text) if word.strip())
    return SearchableUnit(unit.name, unit.get_absolute_url(), texts, words)


def searchable_units() -> list[SearchableUnit]:
    """The active units in display order, read again only when a unit changes (the SITE version):
    58 rows matched in Python cost less than compiling and sending a query with each search."""
    from organizations.models import Unit

    def build() -> list[SearchableUnit]:
        rows = Unit.objects.filter(is_active=True).order_by("sort_order", "code")
        return [_searchable(unit) for unit in rows.only("code", "name", "short_name", "address")]

    return versioned("searchable-units", build=build)


def units_matching(terms: list[str], filters: dict) -> list[SearchableUnit]:
    """Active units whose name, short name or address holds every term (case-insensitive), those
    where each term begins a word first: 民政 finds 县民政局 before the 人民政府 that also hold it."""
    wanted = [term.casefold() for term in terms]
    matches = [unit for unit in searchable_units() if all(any(term in text for text in unit.texts) for term in wanted)]
    return sorted(matches, key=lambda unit: not all(unit.begins_a_word(term) for term in wanted))


def display(unit: SearchableUnit, terms: list[str]) -> tuple[str, str, str]:
    return unit.name, unit.url, ""


def register_unit_search() -> None:
    register_section(SearchSection(code="units", title=_("单位"), search=units_matching, display=display))
