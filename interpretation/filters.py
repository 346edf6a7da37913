import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from interpretation.models import DocumentKind, Form
from organizations.models import Unit


class DocumentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("关键词"), method="search", max_length=100)
    unit = django_filters.ModelChoiceFilter(
        label=_("发文单位"),
        queryset=Unit.objects.filter(is_active=True),
        to_field_name="code",
        empty_label=_("全部单位"),
    )
    year = django_filters.NumberFilter(label=_("年份"), field_name="published_on", lookup_expr="year", min_value=2000)
    kind = django_filters.ChoiceFilter(label=_("类型"), choices=DocumentKind.choices, empty_label=_("全部类型"))

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        from interpretation.search import documents_matching
        from lushan_portal.search import query_terms

        return queryset.filter(pk__in=documents_matching(query_terms(value), {}).values("pk"))


class InterpretationFilter(django_filters.FilterSet):
    unit = django_filters.CharFilter(field_name="unit__code")
    year = django_filters.NumberFilter(field_name="published_on", lookup_expr="year")
    kind = django_filters.ChoiceFilter(field_name="document__kind", choices=DocumentKind.choices)
    form = django_filters.ChoiceFilter(choices=Form.choices)
    document = django_filters.NumberFilter(field_name="document")
