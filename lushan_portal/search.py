"""Site search: apps register sections; the query is split into words with jieba.

A section's ``search(terms, filters)`` returns the public rows matching every term, best
first: a queryset, or a list where the section matches a few rows it keeps in memory (units);
``display(row, terms)`` gives the (label, url, snippet) the results page shows. A
section whose rows hold personal data masks it in ``display``. A section may offer a
``filter_form``; when such filters are set, only the sections offering them are searched.
A ``reusable`` section's query depends on the terms only through ``text_search.ranked_match``:
on PostgreSQL it is built once per process and day and compiled for each search's terms
(``text_search.terms_bound``), which saves the site search about an eighth of its time.
"""

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import jieba
from django import forms
from django.db import connection
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe

from lushan_portal.pagecache import ALL, versioned
from lushan_portal.text_search import terms_bound

jieba.setLogLevel(logging.WARNING)

MAX_QUERY_LENGTH = 100
RESULTS_PER_SECTION = 20


SNIPPET_LENGTH = 120


def highlight(
    text: str, terms: list[str], length: int = SNIPPET_LENGTH, *, more_before: bool = False, more_after: bool = False
) -> SafeString:
    """An excerpt around the first match, HTML-escaped, with every term in <mark>. ``text`` may
    be part of a longer text (``more_before``, ``more_after``: the excerpt says so with …)."""
    text = " ".join((text or "").split())
    lowered = text.lower()
    positions = [lowered.find(term.lower()) for term in terms if term and term.lower() in lowered]
    start = max(min(positions) - length // 3, 0) if positions else 0
    excerpt = text[start : start + length]
    html = escape(excerpt)
    for term in sorted(terms, key=len, reverse=True):
        html = re.sub(re.escape(escape(term)), lambda m: f"<mark>{m.group(0)}</mark>", html, flags=re.IGNORECASE)
    prefix = "…" if start or more_before else ""
    suffix = "…" if start + length < len(text) or more_after else ""
    return mark_safe(prefix + html + suffix)


def result_items(rows: list[tuple[str, str, str]]) -> SafeString:
    """A section's results as the page lists them (<li> each: the link, then the snippet), built
    here rather than per row in the template. The snippet is already escaped (``highlight``)."""
    items = []
    for label, url, snippet in rows:
        after = f"<p>{conditional_escape(snippet)}</p>" if snippet else ""
        items.append(f'<li><a href="{escape(url)}">{escape(label)}</a>{after}</li>')
    return mark_safe("".join(items))  # every value above is escaped


def default_display(row: object, terms: list[str]) -> tuple[str, str, str]:
    return str(row), row.get_absolute_url(), ""


@dataclass(frozen=True)
class SearchSection:
    code: str
    title: str
    search: Callable[[list[str], dict], QuerySet | Sequence]
    display: Callable[[object, list[str]], tuple[str, str, str]] = default_display
    filter_form: type[forms.Form] | None = None
    reusable: bool = False


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


def _filter_form_classes() -> list[type[forms.Form]]:
    return list(dict.fromkeys(s.filter_form for s in sections() if s.filter_form))


def filter_forms(params: dict) -> list[forms.Form]:
    """One bound form per distinct filter form the sections offer."""
    return [form_class(params) for form_class in _filter_form_classes()]


def filters_requested(params: dict) -> bool:
    """Whether ``params`` name any field of the filter forms (most searches set none)."""
    return any(name in params for form_class in _filter_form_classes() for name in form_class.base_fields)


def render_filters(bound: list[forms.Form]) -> SafeString:
    return mark_safe(render_to_string("includes/search_filters.html", {"filter_forms": bound}))


def blank_filters() -> SafeString:
    """The filter forms of a search that sets none, rendered once per process while every section
    keeps its version (the choices are the catalog's domains and the units): a search without
    filters neither builds nor validates the forms."""
    return versioned("search-blank-filters", ALL, build=lambda: render_filters(filter_forms({})))


def active_filters(bound: list[forms.Form]) -> dict[type, dict]:
    """Cleaned, non-empty filters per form class."""
    active = {}
    for form in bound:
        if form.is_valid():
            values = {k: v for k, v in form.cleaned_data.items() if v not in (None, "", [])}
            if values:
                active[type(form)] = values
    return active


def search_everything(
    query: str, params: dict | None = None, bound: list[forms.Form] | None = None
) -> list[tuple[SearchSection, list]]:
    """Per section, (label, url, snippet) of up to RESULTS_PER_SECTION matches. ``bound``: the
    filter forms already bound to ``params`` (the page shows them too), else bound here."""
    terms = query_terms(query)
    if not terms:
        return []
    active = active_filters(bound if bound is not None else filter_forms(params or {}))
    results = []
    with terms_bound(terms):  # the reused queries are compiled (iterated) inside
        for section in sections():
            if active and section.filter_form not in active:
                continue
            rows = _matches(section, terms, active.get(section.filter_form, {}))[:RESULTS_PER_SECTION]
            results.append((section, [section.display(row, terms) for row in rows]))
    return results


_built: dict[str, tuple[date, QuerySet]] = {}  # reusable section -> (the day, its query built then)


def _matches(section: SearchSection, terms: list[str], filters: dict) -> QuerySet | Sequence:
    if not (section.reusable and not filters and connection.vendor == "postgresql"):
        return section.search(terms, filters)
    today = timezone.localdate()
    held = _built.get(section.code)
    if held is None or held[0] != today:
        built = section.search(terms, filters)
        if built.query.is_empty():  # terms that match nothing by construction: not a query to keep
            return built
        held = _built[section.code] = (today, built)
    return held[1].all()  # a copy: the held query is never evaluated
