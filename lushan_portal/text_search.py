"""Chinese full-text search over stored documents, for every app.

Chinese has no spaces, so text is turned into space-separated tokens at write time:
- words (``segment``): jieba in search mode, for prose (catalog items, publications);
- bigrams (``bigram_document``): every pair of neighbouring characters, for names and
  numbers that no dictionary knows (a company name, a decision number).
PostgreSQL: a GIN-indexed tsvector ('simple' configuration) over the stored document,
built from the same expression the queries use, so the planner can match them. SQLite:
the stored document is matched token by token (correct, slower).
"""

import re

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


def bigram_match(field: str, query: str) -> Q | None:
    """A condition: the bigram document in ``field`` holds every bigram of ``query``.

    None when the query has no bigram (a single character): the caller falls back.
    The caller annotates ``document=document_vector(field)`` on PostgreSQL.
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
