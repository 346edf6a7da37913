"""The public reads of enforcement decisions that pages and the API run on every request.

Each list here has an index matching its filter and order (checked with EXPLAIN in
tests/test_query_plans.py): at a million decisions a list without one sorts the table.
"""

from datetime import date

from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone

from enforcement.filters import DecisionFilter
from enforcement.public import listed, public_decisions

# The order of the public search and of the API's cursor (index decision_public_idx).
SEARCH_ORDER = ("-decision_date", "-id")
# Newest first by when the public first saw them (index decision_newest_idx).
NEWEST_ORDER = ("-first_published_at", "-id")


def decision_search(params: QueryDict, today: date | None = None) -> DecisionFilter:
    """The public search: filters applied to what the public may see, newest first."""
    decisions = public_decisions(today or timezone.localdate()).order_by(*SEARCH_ORDER)
    return DecisionFilter(params, queryset=decisions)


def newest_decisions(limit: int, today: date | None = None) -> QuerySet:
    """The latest decisions made public (the home page): reads ``limit`` index entries, not the table."""
    return listed(public_decisions(today)).order_by(*NEWEST_ORDER)[:limit]
