"""Chinese full-text search: jieba (search mode) at write time into stored documents.

PostgreSQL: a GIN-indexed tsvector ('simple' configuration) over the stored documents,
title weighted above body; the index is built from the same expressions the queries use
(``item_vector``, ``publication_vector``), so the planner can match them. SQLite: the
stored documents are matched token by token (correct, slower).
"""

import jieba
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, Q, QuerySet, Value, When

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


def item_vector() -> SearchVector:
    return SearchVector("search_document", config="simple")


def publication_vector() -> SearchVector:
    return SearchVector("search_title", config="simple", weight="A") + SearchVector(
        "search_body", config="simple", weight="B"
    )


def _title_hits(field: str, terms: list[str]) -> Case:
    hits = [Case(When(**{f"{field}__contains": f" {t} "}, then=Value(1)), default=Value(0)) for t in terms]
    return sum(hits[1:], hits[0]) if len(hits) > 1 else hits[0]


def ranked_match(queryset: QuerySet, terms: list[str], *, vector: SearchVector, fields: list[str]) -> QuerySet:
    """Rows whose documents contain every term, best matches (title first) first.

    ``fields`` are the stored document fields, title first, for the SQLite path.
    """
    terms = [term.lower() for term in terms if term.strip()]
    if not terms:
        return queryset.none()
    if connection.vendor == "postgresql":
        query = SearchQuery(" & ".join(_tsquery_term(t) for t in terms), config="simple", search_type="raw")
        return (
            queryset.annotate(document=vector)
            .filter(document=query)
            .annotate(rank=SearchRank(vector, query))
            .order_by("-rank", "-pk")
        )
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


def _tsquery_term(term: str) -> str:
    ways = ["(" + " & ".join(_quote(token) for token in group) + ")" for group in alternatives(term)]
    return "(" + " | ".join(ways) + ")"


def _quote(term: str) -> str:
    """A tsquery lexeme, quoted so that punctuation in a term cannot break the query."""
    return "'" + term.replace("'", "''").replace("\\", "\\\\") + "'"
