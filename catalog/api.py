import django_filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from catalog.models import Catalog, CatalogItem, Domain, Publication, TimeLimitKind
from catalog.search import AUDIENCES, LEVELS, MODES, items_matching, publications_matching
from catalog.selectors import (
    PUBLICATION_ORDER,
    domains_with_counts,
    public_items,
    public_publications,
    published_catalogs,
)
from lushan_portal.filters import IdFilter, text_filter
from lushan_portal.pagination import LargeListCursor
from lushan_portal.search import query_terms

UNIT_CODE = "单位代码（见 /api/units/）"
DOMAIN_CODE = "领域代码（见 /api/domains/）"
SEARCH_HELP = "中文关键词（分词检索），最多 100 字"
# The tick groups' values in words (the parameters take the English keys).
FLAG_LABELS = {
    "county": "县级",
    "township": "乡级",
    "proactive": "主动公开",
    "on_request": "依申请公开",
    "public": "全社会",
    "specific": "特定群体",
}
DOMAIN_EXAMPLE = {"code": "social-assistance", "name": "社会救助", "lead_unit": "civil-affairs", "published_count": 12}
CATALOG_EXAMPLE = {
    "id": 1,
    "unit": "civil-affairs",
    "domain": "social-assistance",
    "version": 2,
    "published_at": "2026-09-15T10:30:00+08:00",
    "not_applicable": False,
    "not_applicable_note": "",
}
ITEM_EXAMPLE = {
    "id": 2,
    "catalog": 1,
    "unit": "civil-affairs",
    "domain": "social-assistance",
    "group_number": "2",
    "level1": "最低生活保障",
    "level2": "办事指南",
    "content": "事项名称、申请条件、救助标准、申请材料、办理流程、办理时间和地点、联系方式",
    "basis": "《社会救助暂行办法》《中华人民共和国政府信息公开条例》",
    "time_limit_text": "制定或获取信息之日起10个工作日内",
    "time_limits": [
        {
            "text": "制定或获取信息之日起10个工作日内",
            "unit": "working_days",
            "days": 10,
            "applies_to": "",
            "period": False,
        }
    ],
    "responsible": "鲁山县民政局",
    "channels": "政府网站、公开查阅点、社区/企事业单位/村公示栏（电子屏）",
    "audience_public": True,
    "audience_specific": False,
    "mode_proactive": True,
    "mode_on_request": False,
    "level_county": True,
    "level_township": True,
    "level_defaulted": False,
    "pending_fields": [],
}
PUBLICATION_EXAMPLE = {
    "id": 3,
    "unit": "civil-affairs",
    "domain": "social-assistance",
    "item": 12,
    "title": "临时救助对象及金额公示（2026年10月）",
    "body": "根据《社会救助暂行办法》，现将2026年10月临时救助审批情况予以公开。",
    "formed_on": "2026-10-24",
    "info_kind": "",
    "published_on": "2026-10-29",
    "due_on": "2026-11-06",
}


class DomainSerializer(serializers.ModelSerializer):
    lead_unit = serializers.SlugRelatedField(
        slug_field="code", read_only=True, help_text="县级牵头部门的单位代码：其审核员审核各乡镇、街道本领域目录"
    )
    published_count = serializers.IntegerField(read_only=True, help_text="已发布本领域目录的单位数")

    class Meta:
        model = Domain
        fields = ["code", "name", "lead_unit", "published_count"]
        extra_kwargs = {
            "code": {"help_text": "领域代码，用于网址和其他接口的 domain 参数"},
            "name": {"help_text": "领域名称"},
        }


class CatalogSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text=UNIT_CODE)
    domain = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text=DOMAIN_CODE)

    class Meta:
        model = Catalog
        fields = ["id", "unit", "domain", "version", "published_at", "not_applicable", "not_applicable_note"]
        extra_kwargs = {
            "id": {"help_text": "目录编号（目录事项的 catalog）"},
            "version": {"help_text": "版本号：每次修订后重新发布加 1"},
            "published_at": {"help_text": "本版本的发布时间"},
            "not_applicable": {"help_text": "本单位未涉及该领域（此时目录没有事项）"},
            "not_applicable_note": {"help_text": "未涉及该领域的说明"},
        }


class TimeLimitClauseSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="原文")
    unit = serializers.ChoiceField(choices=TimeLimitKind.choices, help_text="时限的计算方式")
    days = serializers.IntegerField(allow_null=True, help_text="天数；实时/及时公开为空")
    applies_to = serializers.CharField(allow_blank=True, help_text="适用范围；空为通用")
    period = serializers.BooleanField(help_text="公示期（公示持续时间），不作为公开时限")


class ItemSerializer(serializers.ModelSerializer):
    unit = serializers.CharField(source="catalog.unit.code", read_only=True, help_text=UNIT_CODE)
    domain = serializers.CharField(source="catalog.domain.code", read_only=True, help_text=DOMAIN_CODE)
    catalog = serializers.IntegerField(source="catalog_id", read_only=True, help_text="所属目录的编号")
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
        extra_kwargs = {
            "id": {"help_text": "事项编号"},
            "group_number": {"help_text": "事项在目录中的序号（原文）"},
            "time_limit_text": {"help_text": "公开时限（原文）"},
            "responsible": {"help_text": "公开主体（原文）"},
            **{
                name: {"help_text": f"{label}：true 为目录勾选，false 为未勾选（见 pending_fields）"}
                for name, label in (
                    ("audience_public", "公开对象：全社会"),
                    ("audience_specific", "公开对象：特定群体"),
                    ("mode_proactive", "公开方式：主动公开"),
                    ("mode_on_request", "公开方式：依申请公开"),
                    ("level_county", "公开层级：县级"),
                    ("level_township", "公开层级：乡级"),
                )
            },
        }


class PublicationSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text=UNIT_CODE)
    domain = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text=DOMAIN_CODE)
    body = serializers.CharField(source="public_body", read_only=True, help_text="正文（个人信息已隐去）")

    class Meta:
        model = Publication
        fields = ["id", "unit", "domain", "item", "title", "body", "formed_on", "info_kind", "published_on", "due_on"]
        extra_kwargs = {
            "id": {"help_text": "信息编号"},
            "item": {"help_text": "所依据的目录事项编号（见 /api/catalog-items/）；无则为 null"},
            "title": {"help_text": "标题"},
            "formed_on": {"help_text": "信息形成或变更日期：公开时限由此起算"},
            "published_on": {"help_text": "在本平台发布的日期"},
            "due_on": {"help_text": "按目录事项公开时限算出的应公开日期"},
        }


class CatalogFilter(django_filters.FilterSet):
    unit = django_filters.CharFilter(field_name="unit__code", help_text=f"只看这个单位的目录：{UNIT_CODE}")
    domain = django_filters.CharFilter(field_name="domain__code", help_text=f"只看这个领域的目录：{DOMAIN_CODE}")

    class Meta:
        model = Catalog
        fields = ["unit", "domain"]


def _flag_filter(mapping: dict[str, str], help_text: str, prefix: str = "") -> django_filters.ChoiceFilter:
    def apply(queryset, name: str, value: str):
        return queryset.filter(**{f"{prefix}{mapping[value]}": True}) if value else queryset

    choices = [(k, FLAG_LABELS[k]) for k in mapping]
    return django_filters.ChoiceFilter(choices=choices, method=apply, help_text=help_text)


LEVEL_HELP = "只看勾选了这一公开层级的事项"
MODE_HELP = "只看勾选了这一公开方式的事项"
AUDIENCE_HELP = "只看勾选了这一公开对象的事项"


class ItemFilter(django_filters.FilterSet):
    q = text_filter(100, method="search", help_text=f"{SEARCH_HELP}：在一级、二级事项和公开内容中查找，按相关度排列")
    unit = django_filters.CharFilter(field_name="catalog__unit__code", help_text=f"只看这个单位的目录：{UNIT_CODE}")
    domain = django_filters.CharFilter(
        field_name="catalog__domain__code", help_text=f"只看这个领域的目录：{DOMAIN_CODE}"
    )
    level = _flag_filter(LEVELS, LEVEL_HELP)
    mode = _flag_filter(MODES, MODE_HELP)
    audience = _flag_filter(AUDIENCES, AUDIENCE_HELP)

    class Meta:
        model = CatalogItem
        fields = ["q", "unit", "domain", "level", "mode", "audience"]

    def search(self, queryset, name: str, value: str):
        return items_matching(query_terms(value), {}, bounded=False).filter(pk__in=queryset.values("pk"))


class PublicationFilter(django_filters.FilterSet):
    q = text_filter(100, method="search", help_text=f"{SEARCH_HELP}：在标题和正文中查找，结果仍按发布日期排列")
    unit = django_filters.CharFilter(field_name="unit__code", help_text=f"只看这个单位发布的信息：{UNIT_CODE}")
    domain = django_filters.CharFilter(field_name="domain__code", help_text=f"只看这个领域的信息：{DOMAIN_CODE}")
    item = IdFilter(field_name="item", param="item", help_text="只看这一目录事项下的信息（目录事项编号）")
    level = _flag_filter(LEVELS, "只看所依据事项勾选了这一公开层级的信息", "item__")
    mode = _flag_filter(MODES, "只看所依据事项勾选了这一公开方式的信息", "item__")
    audience = _flag_filter(AUDIENCES, "只看所依据事项勾选了这一公开对象的信息", "item__")

    class Meta:
        model = Publication
        fields = ["q", "unit", "domain", "item", "level", "mode", "audience"]

    def search(self, queryset, name: str, value: str):
        return publications_matching(query_terms(value), {}, bounded=False).filter(pk__in=queryset.values("pk"))


@extend_schema_view(
    list=extend_schema(
        summary="公开领域列表",
        description="26 个试点领域，按规定的领域顺序；一次返回全部，不分页。",
    ),
    retrieve=extend_schema(
        summary="一个公开领域",
        description="按领域代码取一个领域。",
        parameters=[
            OpenApiParameter(
                "code", OpenApiTypes.STR, OpenApiParameter.PATH, description="领域代码，如 social-assistance"
            )
        ],
        examples=[OpenApiExample("社会救助", value=DOMAIN_EXAMPLE, response_only=True)],
    ),
)
class DomainViewSet(viewsets.ReadOnlyModelViewSet):
    """The 26 domains of the grassroots standard catalogs."""

    queryset = domains_with_counts()
    serializer_class = DomainSerializer
    lookup_field = "code"
    pagination_class = None


@extend_schema_view(
    list=extend_schema(
        summary="标准目录列表",
        description="各单位已发布目录的现行版本，按领域顺序、再按单位顺序排列。",
    ),
    retrieve=extend_schema(
        summary="一份标准目录",
        description="按编号取一份已发布目录；其事项见 /api/catalog-items/?unit=…&domain=…。",
        examples=[OpenApiExample("县民政局社会救助目录", value=CATALOG_EXAMPLE, response_only=True)],
    ),
)
class CatalogViewSet(viewsets.ReadOnlyModelViewSet):
    """Published catalogs (the current version of each unit's catalog for a domain)."""

    queryset = published_catalogs().order_by("domain__sort_order", "unit__sort_order")
    serializer_class = CatalogSerializer
    filterset_class = CatalogFilter


@extend_schema_view(
    list=extend_schema(
        summary="目录事项列表",
        description="已发布目录中的事项，按目录、再按事项在目录中的顺序排列；可按单位、领域、关键词和勾选项筛选。",
    ),
    retrieve=extend_schema(
        summary="一个目录事项",
        description="按编号取一个已发布目录中的事项。",
        examples=[OpenApiExample("最低生活保障办事指南", value=ITEM_EXAMPLE, response_only=True)],
    ),
)
class ItemViewSet(viewsets.ReadOnlyModelViewSet):
    """Items of published catalogs."""

    queryset = public_items().order_by("catalog_id", "position", "id")
    serializer_class = ItemSerializer
    filterset_class = ItemFilter


class NewestPublicationsFirst(LargeListCursor):
    """The public order of publications, on its index (publication_public_idx)."""

    ordering = PUBLICATION_ORDER


@extend_schema_view(
    list=extend_schema(
        summary="公开信息列表",
        description=(
            "在目录事项下已发布的信息，发布日期最新的在前。不返回总数：用回答中的 next 链接（cursor 参数）翻页。"
        ),
    ),
    retrieve=extend_schema(
        summary="一条公开信息",
        description="按编号取一条已发布的信息。",
        examples=[OpenApiExample("临时救助公示", value=PUBLICATION_EXAMPLE, response_only=True)],
    ),
)
class PublicationViewSet(viewsets.ReadOnlyModelViewSet):
    """Information published under catalog items."""

    queryset = public_publications().order_by(*PUBLICATION_ORDER)
    serializer_class = PublicationSerializer
    filterset_class = PublicationFilter
    pagination_class = NewestPublicationsFirst
