from datetime import date

from django.http import QueryDict
from django.utils import timezone

from enforcement.filters import DecisionFilter
from enforcement.public import public_decisions


def decision_search(params: QueryDict, today: date | None = None) -> DecisionFilter:
    """The public search: filters applied to what the public may see, newest first."""
    decisions = public_decisions(today or timezone.localdate()).order_by("-decision_date", "-id")
    return DecisionFilter(params, queryset=decisions)
