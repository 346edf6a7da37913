"""One FilterSet for the public search page, the CSV export and the API."""

import django_filters
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from enforcement.models import (
    CoercionCategory,
    DecisionKind,
    LicenceCategory,
    PartyCategory,
    PenaltyCategory,
    decision_vector,
)
from lushan_portal.filters import FastChoiceFilter, FastDateFilter, UnitFilter, text_filter
from lushan_portal.text_search import bigram_match

MAX_QUERY_LENGTH = 100


def decisions_matching_text(queryset: QuerySet, value: str) -> QuerySet:
    """Party name (not a natural person's), decision number or credit code contains ``value``.

    The bigram document narrows through its GIN index; the contains check then keeps the
    exact matches. A natural person's name is never searchable: that alone would reveal
    who was penalised.
    """
    value = value.strip()
    if not value:
        return queryset
    exact = Q(party_name__icontains=value) & ~Q(party_category=PartyCategory.NATURAL_PERSON)
    exact |= Q(decision_number__icontains=value)
    candidates = bigram_match("search_document", value)
    if candidates is None:
        return queryset.filter(Q(credit_code=value.upper()) | exact)
    queryset = queryset.alias(document=decision_vector()) if connection.vendor == "postgresql" else queryset
    return queryset.filter(Q(credit_code=value.upper()) | (candidates & exact))


class DecisionFilter(django_filters.FilterSet):
    # Rendered on every request of the public search: widgets drawn in Python, units read once.
    q = text_filter(MAX_QUERY_LENGTH, label=_("当事人名称、统一社会信用代码或决定文书号"), method="filter_q")
    unit = UnitFilter(label=_("执法单位"))
    kind = FastChoiceFilter(label=_("类型"), choices=DecisionKind.choices, empty_label=_("全部类型"))
    penalty_category = FastChoiceFilter(
        label=_("处罚类别"), choices=PenaltyCategory.choices, method="filter_penalty_category", empty_label=_("全部")
    )
    coercion_category = FastChoiceFilter(
        label=_("强制类别"), choices=CoercionCategory.choices, method="filter_coercion_category", empty_label=_("全部")
    )
    licence_category = FastChoiceFilter(label=_("许可类别"), choices=LicenceCategory.choices, empty_label=_("全部"))
    date_from = FastDateFilter(label=_("决定日期自"), field_name="decision_date", lookup_expr="gte")
    date_to = FastDateFilter(label=_("决定日期至"), field_name="decision_date", lookup_expr="lte")

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return decisions_matching_text(queryset, value)

    def filter_penalty_category(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(penalty_categories__contains=PenaltyCategory(value).label)

    def filter_coercion_category(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(coercion_categories__contains=CoercionCategory(value).label)
