import django_filters
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import permissions, serializers, viewsets

from inspection.models import Check, Finding
from organizations.scoping import scope_queryset

FINDING_EXAMPLE = {
    "id": 7,
    "kind": "columns",
    "unit": "zhangliang",
    "title": "空白栏目：张良镇 · 社会救助",
    "evidence": "栏目没有任何内容（未标注“未涉及”）",
    "url": "/units/zhangliang/social-assistance/",
    "veto": False,
    "points": 1,
    "opened_at": "2026-11-20T01:15:00+08:00",
    "resolved_at": None,
}


KIND_HELP = (
    "检查项：columns 栏目更新、homepage 首页更新、interaction 互动回应、service 办事服务、"
    "links 链接、availability 可访问性、content 内容准确性、security 安全与标识"
)


class FindingSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(
        slug_field="code", read_only=True, help_text="责任单位的代码；null 为县级（网站整体）问题"
    )

    class Meta:
        model = Finding
        fields = ["id", "kind", "unit", "title", "evidence", "url", "veto", "points", "opened_at", "resolved_at"]
        extra_kwargs = {
            "id": {"help_text": "问题编号"},
            "kind": {"help_text": KIND_HELP},
            "title": {"help_text": "问题（中文）"},
            "evidence": {"help_text": "依据与证据：日期、数量、失效链接及其状态等"},
            "url": {"help_text": "问题所在的页面（站内地址）"},
            "veto": {"help_text": "是否属单项否决项"},
            "points": {"help_text": "此问题所扣的分数"},
            "opened_at": {"help_text": "自查首次发现的时间"},
            "resolved_at": {"help_text": "整改时间（自查不再发现时）；未整改为 null"},
        }  # fmt: skip


class FindingFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Check.choices, help_text="只看这一检查项的问题")
    open = django_filters.BooleanFilter(
        field_name="resolved_at", lookup_expr="isnull", help_text="true：只看未整改的；false：只看已整改的"
    )


@extend_schema_view(
    list=extend_schema(
        summary="网站自查问题列表",
        description="仅限工作人员登录后使用：本人所属单位的网站自查问题（督查员可看全部单位及县级问题），最新发现的在前。",
    ),
    retrieve=extend_schema(
        summary="一条网站自查问题",
        description="仅限工作人员：按编号取一条本人可见的网站自查问题。",
        examples=[OpenApiExample("空白栏目", value=FINDING_EXAMPLE, response_only=True)],
    ),
)
class FindingViewSet(viewsets.ReadOnlyModelViewSet):
    """Findings of the caller's own units (supervisors: all, with the county-level ones). Staff only."""

    serializer_class = FindingSerializer
    permission_classes = [permissions.IsAuthenticated]
    filterset_class = FindingFilter

    def get_queryset(self):
        findings = Finding.objects.select_related("unit").order_by("-opened_at", "-pk")
        return scope_queryset(findings, self.request.user)
