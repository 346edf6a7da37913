"""Site search: apps register sections; the query is split into words with jieba.

A section's ``search(terms)`` returns a queryset of public rows matching every term;
``display(row)`` gives the (label, url) the results page shows. A section whose rows hold
personal data masks it in ``display``.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

import jieba
from django.db.models import Q, QuerySet

jieba.setLogLevel(logging.WARNING)

MAX_QUERY_LENGTH = 100
RESULTS_PER_SECTION = 20


def default_display(row: object) -> tuple[str, str]:
    return str(row), row.get_absolute_url()


@dataclass(frozen=True)
class SearchSection:
    code: str
    title: str
    search: Callable[[list[str]], QuerySet]
    display: Callable[[object], tuple[str, str]] = default_display


_sections: dict[str, SearchSection] = {}


def register_section(section: SearchSection) -> None:
    _sections[section.code] = section


def sections() -> list[SearchSection]:
    return list(_sections.values())


def query_terms(query: str) -> list[str]:
    """Words of two or more characters; a one-character query is kept as it is."""
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    if not query:
        return []
    words = [word.strip() for word in jieba.lcut(query)]
    terms = list(dict.fromkeys(word for word in words if len(word) >= 2))
    return terms or [query]


def all_terms_in(fields: list[str], terms: list[str]) -> Q:
    """Rows where every term occurs in at least one of ``fields``."""
    condition = Q()
    for term in terms:
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": term})
        condition &= any_field
    return condition


def search_everything(query: str) -> list[tuple[SearchSection, list[tuple[str, str]]]]:
    """Per section, the (label, url) of up to RESULTS_PER_SECTION matches."""
    terms = query_terms(query)
    if not terms:
        return []
    return [
        (section, [section.display(row) for row in section.search(terms)[:RESULTS_PER_SECTION]])
        for section in sections()
    ]
