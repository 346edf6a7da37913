"""Chinese full-text search over stored documents, for every app.

Chinese has no spaces, so text is turned into space-separated tokens at write time:
- words (``segment``): jieba in search mode, for prose (catalog items, publications);
- bigrams (``bigram_document``): every pair of neighbouring characters, for names and
  numbers that no dictionary knows (a company name, a decision number).
PostgreSQL: a stored tsvector column ('simple' configuration) kept from the stored documents
by a trigger, with a GIN index (the bigram documents: a GIN index over the same expression
the query uses). SQLite: the stored document is matched token by token (correct, slower).
"""

import copy
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

import jieba
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, Model, Q, QuerySet, Value, When

# Abbreviations citizens type for the words catalogs use: a query for the left also finds the right.
SYNONYMS = {
    "低保": "最低生活保障",
    "医保": "医疗保障",
    "社保": "社会保险",
    "公租房": "公共租赁住房",
    "危房": "危险房屋",
}


def tokens(text: str) -> list[str]:
    """Search-mode jieba tokens, lower-cased, punctuation dropped."""
    found = {token.strip().lower() for token in jieba.cut_for_search(text or "")}
    return sorted(token for token in found if any(ch.isalnum() for ch in token))


def segment(text: str) -> str:
    """The stored document: tokens between spaces, '最低生活保障' → ' 保障 最低 生活 '."""
    return " " + " ".join(tokens(text)) + " "


def alternatives(term: str) -> list[list[str]]:
    """Ways a query term can match: itself, or every token of its long form."""
    found = [[term]]
    if term in SYNONYMS:
        found.append(tokens(SYNONYMS[term]))
    return found


WORD_RUNS = re.compile(r"[0-9a-z\u3400-\u9fff]+")


def bigrams(text: str) -> list[str]:
    """'鑫源商贸' → ['鑫源', '源商', '商贸']; a one-character run stays itself."""
    found: list[str] = []
    for run in WORD_RUNS.findall((text or "").lower()):
        found += [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]
    return found


def bigram_document(*texts: str) -> str:
    return " " + " ".join(sorted({gram for text in texts for gram in bigrams(text)})) + " "


def document_vector(field: str, weight: str | None = None) -> SearchVector:
    return SearchVector(field, config="simple", weight=weight)


# Stored vectors (PostgreSQL). A model lists its stored documents as (column, weight or None),
# title first; a trigger writes ``search_vector`` from them on every INSERT and on every
# UPDATE of them (so save(), bulk_create, update() and COPY all keep it), and a GIN index on
# the column serves the match. Queries never call to_tsvector per row.
def vector_sql(columns: list[tuple[str, str | None]], prefix: str = "") -> str:
    """The SQL expression of the stored vector, e.g. for ``NEW.`` in a trigger."""
    parts = []
    for column, weight in columns:
        vector = f"to_tsvector('simple'::regconfig, COALESCE({prefix}{column}, ''))"
        parts.append(f"setweight({vector}, '{weight}')" if weight else vector)
    return " || ".join(parts)


def vector_trigger_sql(table: str, columns: list[tuple[str, str | None]]) -> tuple[str, str]:
    """(create, drop) SQL of the trigger that keeps ``table.search_vector``, and a backfill."""
    name = f"{table}_search_vector"
    watched = ", ".join(column for column, _weight in columns)
    create = f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
BEGIN
    NEW.search_vector := {vector_sql(columns, "NEW.")};
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS {name} ON {table};
CREATE TRIGGER {name} BEFORE INSERT OR UPDATE OF {watched} ON {table}
    FOR EACH ROW EXECUTE FUNCTION {name}();
UPDATE {table} SET search_vector = {vector_sql(columns)}
    WHERE search_vector IS DISTINCT FROM {vector_sql(columns)};
"""
    drop = f"DROP TRIGGER IF EXISTS {name} ON {table}; DROP FUNCTION IF EXISTS {name}();"
    return create, drop


@dataclass(frozen=True)
class Searchable:
    """A model with stored search documents: what ``rebuild_search_documents`` keeps.

    ``build(row)`` returns the stored documents ({column: text}) from the row's own fields;
    ``columns`` are those columns with their weights, title first.
    """

    model: type[Model]
    columns: list[tuple[str, str | None]]
    build: Callable[[Model], dict[str, str]]
    stored_vector: bool = True


_searchables: dict[str, Searchable] = {}


def register_searchable(searchable: Searchable) -> None:
    _searchables[searchable.model._meta.label_lower] = searchable


def searchables() -> list[Searchable]:
    return list(_searchables.values())


def warm_up() -> None:
    """Load jieba's dictionary now (about a second) rather than on the first search.

    Called where a server or worker process starts (``wsgi.py``, the Celery worker); tests
    and other management commands load it lazily on first use.
    """
    jieba.initialize()


def bigram_match(field: str, query: str) -> Q | None:
    """A condition: the bigram document in ``field`` holds every bigram of ``query``.

    None when the query has no bigram (a single character): the caller falls back.
    The caller aliases ``document=document_vector(field)`` on PostgreSQL (``alias``, not
    ``annotate``: the vector is matched, never selected and sent back with each row).
    """
    grams = sorted(set(bigrams(query)))
    if not grams or (len(grams) == 1 and len(grams[0]) == 1):
        return None
    if connection.vendor == "postgresql":
        return Q(document=SearchQuery(" & ".join(_quote(g) for g in grams), config="simple", search_type="raw"))
    condition = Q()
    for gram in grams:
        condition &= Q(**{f"{field}__contains": f" {gram} "})
    return condition


def _title_hits(field: str, terms: list[str]) -> Case:
    hits = [Case(When(**{f"{field}__contains": f" {t} "}, then=Value(1)), default=Value(0)) for t in terms]
    return sum(hits[1:], hits[0]) if len(hits) > 1 else hits[0]


CANDIDATES = 100  # newest matches (and newest title matches) ranked per search: 5 pages of 20


def ranked_match(queryset: QuerySet, terms: list[str], *, fields: list[str], bounded: bool = True) -> QuerySet:
    """Rows whose documents contain every term, best matches (title first) first.

    ``fields`` are the stored document fields, title first. PostgreSQL matches the stored
    ``search_vector`` through its GIN index; when ``bounded``, only the CANDIDATES newest
    matches, plus the CANDIDATES newest title matches, are ranked (a page of results, not
    every match of a common word). SQLite matches the stored text token by token.
    """
    terms = [term.lower() for term in terms if term.strip()]
    if not terms:
        return queryset.none()
    if connection.vendor == "postgresql":
        return _ranked_match_postgresql(queryset, terms, titled=len(fields) > 1, bounded=bounded)
    condition = Q()
    for term in terms:
        any_way = Q()
        for group in alternatives(term):
            all_tokens = Q()
            for token in group:
                any_field = Q()
                for field in fields:
                    any_field |= Q(**{f"{field}__contains": f" {token} "})
                all_tokens &= any_field
            any_way |= all_tokens
        condition &= any_way
    return queryset.filter(condition).annotate(rank=_title_hits(fields[0], terms)).order_by("-rank", "-pk")


def _ranked_match_postgresql(queryset: QuerySet, terms: list[str], *, titled: bool, bounded: bool) -> QuerySet:
    query = _search_query(terms)
    title_query = _search_query(terms, weight="A") if titled else None
    if bounded:  # the candidates, each found through the GIN index or by walking the newest rows
        candidates = queryset.filter(search_vector=query).order_by("-pk").values("pk")[:CANDIDATES]
        if title_query is not None:
            titles = queryset.filter(search_vector=title_query).order_by("-pk").values("pk")[:CANDIDATES]
            candidates = candidates.union(titles)
        matches = queryset.filter(pk__in=candidates)
    else:
        matches = queryset.filter(search_vector=query)
    rank = SearchRank(F("search_vector"), query)
    if title_query is None:
        return matches.annotate(rank=rank).order_by("-rank", "-pk")
    title_hit = Case(When(search_vector=title_query, then=Value(1)), default=Value(0))
    return matches.annotate(title_hit=title_hit, rank=rank).order_by("-title_hit", "-rank", "-pk")


def _raw_query(terms: list[str], weight: str = "") -> str:
    return " & ".join(_tsquery_term(term, weight) for term in terms)


def _search_query(terms: list[str], weight: str = "") -> SearchQuery:
    return SearchQuery(_TsqueryText(_raw_query(terms, weight), weight), config="simple", search_type="raw")


# The tsquery texts of the search being run (by weight), while ``terms_bound`` is in force.
_bound_texts: ContextVar[dict[str, str] | None] = ContextVar("text_search_bound_texts", default=None)


class _TsqueryText(Value):
    """A search's tsquery text: the one it was built with, or, while ``terms_bound`` is in force,
    the bound search's. Only the text changes: a query built once reads the same for any terms."""

    def __init__(self, text: str, weight: str) -> None:
        super().__init__(text)
        self.weight = weight

    def as_sql(self, compiler: object, connection: object) -> tuple[str, list]:
        bound = _bound_texts.get()
        if bound is None:
            return super().as_sql(compiler, connection)
        current = copy.copy(self)
        current.value = bound[self.weight]
        return super(_TsqueryText, current).as_sql(compiler, connection)


@contextmanager
def terms_bound(terms: list[str]) -> Iterator[None]:
    """Within the block, ``ranked_match`` queries built earlier for other terms search these.

    The site search builds each ranked section's query once per process (``lushan_portal.search``)
    and compiles it for every search inside this block: on PostgreSQL the terms reach the query
    only as these tsquery texts.
    """
    terms = [term.lower() for term in terms if term.strip()]
    token = _bound_texts.set({weight: _raw_query(terms, weight) for weight in ("", "A")})
    try:
        yield
    finally:
        _bound_texts.reset(token)


def _tsquery_term(term: str, weight: str = "") -> str:
    """'低保' → ('低保' | ('最低' & '生活' & '保障')); with a weight, each lexeme as '低保':A."""
    suffix = f":{weight}" if weight else ""
    ways = ["(" + " & ".join(_quote(token) + suffix for token in group) + ")" for group in alternatives(term)]
    return "(" + " | ".join(ways) + ")"


def _quote(term: str) -> str:
    """A tsquery lexeme, quoted so that punctuation in a term cannot break the query."""
    return "'" + term.replace("'", "''").replace("\\", "\\\\") + "'"
