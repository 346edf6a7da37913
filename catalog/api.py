import django_filters
from rest_framework import serializers, viewsets

from catalog.models import Catalog, CatalogItem, Domain, Publication, TimeLimitKind
from catalog.search import AUDIENCES, LEVELS, MODES, items_matching, publications_matching
from catalog.selectors import domains_with_counts, public_items, public_publications, published_catalogs
from lushan_portal.filters import IdFilter, text_filter
from lushan_portal.search import query_terms


class DomainSerializer(serializers.ModelSerializer):
    lead_unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    published_count = serializers.IntegerField(read_only=True, help_text="已发布本领域目录的单位数")

    class Meta:
        model = Domain
        fields = ["code", "name", "lead_unit", "published_count"]


class CatalogSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    domain = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Catalog
        fields = ["id", "unit", "domain", "version", "published_at", "not_applicable", "not_applicable_note"]


class TimeLimitClauseSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="原文")
    unit = serializers.ChoiceField(choices=TimeLimitKind.choices)
    days = serializers.IntegerField(allow_null=True, help_text="天数；实时/及时公开为空")
    applies_to = serializers.CharField(allow_blank=True, help_text="适用范围；空为通用")
    period = serializers.BooleanField(help_text="公示期（公示持续时间），不作为公开时限")


class ItemSerializer(serializers.ModelSerializer):
    unit = serializers.CharField(source="catalog.unit.code", read_only=True)
    domain = serializers.CharField(source="catalog.domain.code", read_only=True)
    catalog = serializers.IntegerField(source="catalog_id", read_only=True)
    time_limits = TimeLimitClauseSerializer(many=True, read_only=True, help_text="“公开时限”原文的每一条")
    pending_fields = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="待补充（未勾选）的公开对象、公开方式、公开层级"
    )

    class Meta:
        model = CatalogItem
        fields = [
            "id", "catalog", "unit", "domain", "group_number", "level1", "level2", "content", "basis",
            "time_limit_text", "time_limits", "responsible", "channels",
            "audience_public", "audience_specific", "mode_proactive", "mode_on_request", "level_county",
            "level_township", "level_defaulted", "pending_fields",
        ]  # fmt: skip


class PublicationSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    domain = serializers.SlugRelatedField(slug_field="code", read_only=True)
    body = serializers.CharField(source="public_body", read_only=True, help_text="正文（个人信息已隐去）")

    class Meta:
        model = Publication
        fields = ["id", "unit", "domain", "item", "title", "body", "formed_on", "info_kind", "published_on", "due_on"]


class CatalogFilter(django_filters.FilterSet):
    unit = django_filters.CharFilter(field_name="unit__code")
    domain = django_filters.CharFilter(field_name="domain__code")

    class Meta:
        model = Catalog
        fields = ["unit", "domain"]


def _flag_filter(mapping: dict[str, str], prefix: str = "") -> django_filters.ChoiceFilter:
    def apply(queryset, name: str, value: str):
        return queryset.filter(**{f"{prefix}{mapping[value]}": True}) if value else queryset

    return django_filters.ChoiceFilter(choices=[(k, k) for k in mapping], method=apply)


class ItemFilter(django_filters.FilterSet):
    q = text_filter(100, method="search", help_text="中文关键词（分词检索）")
    unit = django_filters.CharFilter(field_name="catalog__unit__code")
    domain = django_filters.CharFilter(field_name="catalog__domain__code")
    level = _flag_filter(LEVELS)
    mode = _flag_filter(MODES)
    audience = _flag_filter(AUDIENCES)

    class Meta:
        model = CatalogItem
        fields = ["q", "unit", "domain", "level", "mode", "audience"]

    def search(self, queryset, name: str, value: str):
        return items_matching(query_terms(value), {}).filter(pk__in=queryset.values("pk"))


class PublicationFilter(django_filters.FilterSet):
    q = text_filter(100, method="search", help_text="中文关键词（分词检索）")
    unit = django_filters.CharFilter(field_name="unit__code")
    domain = django_filters.CharFilter(field_name="domain__code")
    item = IdFilter(field_name="item", param="item")
    level = _flag_filter(LEVELS, "item__")
    mode = _flag_filter(MODES, "item__")
    audience = _flag_filter(AUDIENCES, "item__")

    class Meta:
        model = Publication
        fields = ["q", "unit", "domain", "item", "level", "mode", "audience"]

    def search(self, queryset, name: str, value: str):
        return publications_matching(query_terms(value), {}).filter(pk__in=queryset.values("pk"))


class DomainViewSet(viewsets.ReadOnlyModelViewSet):
    """The 26 domains of the grassroots standard catalogs."""

    queryset = domains_with_counts()
    serializer_class = DomainSerializer
    lookup_field = "code"
    pagination_class = None


class CatalogViewSet(viewsets.ReadOnlyModelViewSet):
    """Published catalogs (the current version of each unit's catalog for a domain)."""

    queryset = published_catalogs().order_by("domain__sort_order", "unit__sort_order")
    serializer_class = CatalogSerializer
    filterset_class = CatalogFilter


class ItemViewSet(viewsets.ReadOnlyModelViewSet):
    """Items of published catalogs."""

    queryset = public_items().order_by("catalog_id", "position", "id")
    serializer_class = ItemSerializer
    filterset_class = ItemFilter


class PublicationViewSet(viewsets.ReadOnlyModelViewSet):
    """Information published under catalog items."""

    queryset = public_publications().order_by("-published_on", "-id")
    serializer_class = PublicationSerializer
    filterset_class = PublicationFilter
