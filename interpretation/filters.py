import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from interpretation.models import DocumentKind, Form, Validity
from lushan_portal.filters import FastChoiceFilter, IdFilter, UnitFilter, YearFilter, text_filter


class DocumentFilter(django_filters.FilterSet):
    q = text_filter(100, label=_("关键词"), method="search")
    unit = UnitFilter(label=_("发文单位"))
    year = YearFilter(label=_("年份"), field_name="published_on")
    kind = FastChoiceFilter(label=_("类型"), choices=DocumentKind.choices, empty_label=_("全部类型"))
    validity = FastChoiceFilter(label=_("效力状态"), choices=Validity.choices, empty_label=_("全部"))
    number = text_filter(100, label=_("文号"), field_name="number", lookup_expr="icontains")

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        from interpretation.search import documents_matching
        from lushan_portal.search import query_terms

        return queryset.filter(pk__in=documents_matching(query_terms(value), {}).values("pk"))


class InterpretationFilter(django_filters.FilterSet):
    unit = django_filters.CharFilter(field_name="unit__code", help_text="只看这个解读单位的解读（单位代码）")
    year = YearFilter(field_name="published_on", help_text="只看这一年发布的解读（四位年份）；日期不详的不在其中")
    kind = django_filters.ChoiceFilter(
        field_name="document__kind", choices=DocumentKind.choices, help_text="只看解读这类政策文件的解读"
    )
    form = django_filters.ChoiceFilter(choices=Form.choices, help_text="只看这种形式的解读")
    document = IdFilter(field_name="document", param="document", help_text="只看这份政策文件的解读（文件编号）")


class DocumentApiFilter(DocumentFilter):
    """The API names units by code: an unknown code matches nothing rather than failing.
    The other parameters are the page's, described for the API's readers."""

    q = text_filter(
        100, label=_("关键词"), method="search", help_text="中文关键词（分词检索），在标题、文号和正文中查找"
    )
    unit = django_filters.CharFilter(field_name="unit__code", help_text="只看这个发文单位的文件（单位代码）")
    year = YearFilter(
        label=_("年份"), field_name="published_on", help_text="只看这一年发布的文件（四位年份）；日期不详的不在其中"
    )
    kind = django_filters.ChoiceFilter(
        label=_("类型"), choices=DocumentKind.choices, empty_label=_("全部类型"), help_text="只看这类文件"
    )
    validity = django_filters.ChoiceFilter(
        label=_("效力状态"),
        choices=Validity.choices,
        help_text="只看这种效力状态的文件：in_force 有效、amended 已修改、repealed 已废止、expired 已失效",
    )
    number = text_filter(
        100, label=_("文号"), field_name="number", lookup_expr="icontains", help_text="文号中包含这段文字的文件"
    )
