import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from interpretation.models import DocumentKind, Form
from lushan_portal.filters import IdFilter, YearFilter, text_filter
from organizations.models import Unit


class DocumentFilter(django_filters.FilterSet):
    q = text_filter(100, label=_("关键词"), method="search")
    unit = django_filters.ModelChoiceFilter(
        label=_("发文单位"),
        queryset=Unit.objects.filter(is_active=True),
        to_field_name="code",
        empty_label=_("全部单位"),
    )
    year = YearFilter(label=_("年份"), field_name="published_on")
    kind = django_filters.ChoiceFilter(label=_("类型"), choices=DocumentKind.choices, empty_label=_("全部类型"))

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        from interpretation.search import documents_matching
        from lushan_portal.search import query_terms

        return queryset.filter(pk__in=documents_matching(query_terms(value), {}).values("pk"))


class InterpretationFilter(django_filters.FilterSet):
    unit = django_filters.CharFilter(field_name="unit__code")
    year = YearFilter(field_name="published_on")
    kind = django_filters.ChoiceFilter(field_name="document__kind", choices=DocumentKind.choices)
    form = django_filters.ChoiceFilter(choices=Form.choices)
    document = IdFilter(field_name="document", param="document")


class DocumentApiFilter(DocumentFilter):
    """The API names units by code: an unknown code matches nothing rather than failing."""

    unit = django_filters.CharFilter(field_name="unit__code")
