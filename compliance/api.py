import django_filters
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import permissions, serializers, viewsets

from compliance.models import Alert
from organizations.scoping import scope_queryset

ALERT_EXAMPLE = {
    "id": 41,
    "rule_code": "catalog.publication_overdue",
    "rule_title": "信息形成后逾期未公开（按目录事项公开时限）",
    "unit": "civil-affairs",
    "record_type": "publication",
    "object_id": 17,
    "due_date": "2026-11-12",
    "raised_at": "2026-11-13T06:00:00+08:00",
    "resolved_at": None,
}


class AlertSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="所属单位的代码")
    record_type = serializers.CharField(
        source="content_type.model", read_only=True, help_text="预警所涉记录的类型（模型名，如 publication）"
    )
    rule_title = serializers.CharField(read_only=True, help_text="规则的中文名称")

    class Meta:
        model = Alert
        fields = [
            "id",
            "rule_code",
            "rule_title",
            "unit",
            "record_type",
            "object_id",
            "due_date",
            "raised_at",
            "resolved_at",
        ]
        extra_kwargs = {
            "id": {"help_text": "预警编号"},
            "rule_code": {"help_text": "规则代码，如 catalog.publication_overdue"},
            "object_id": {"help_text": "预警所涉记录的编号"},
            "due_date": {"help_text": "应完成的截止日期；null 表示无具体日期"},
            "raised_at": {"help_text": "扫描发现逾期的时间"},
            "resolved_at": {"help_text": "解除时间（记录不再逾期时）；未解除为 null"},
        }


class AlertFilter(django_filters.FilterSet):
    rule_code = django_filters.CharFilter(help_text="只看这一规则的预警（规则代码，见 rule_code 字段）")


@extend_schema_view(
    list=extend_schema(
        summary="督查预警列表",
        description=(
            "仅限工作人员登录后使用：本人所属单位的预警（督查员和超级管理员可看全部单位），含已解除的，最新发现的在前。"
        ),
    ),
    retrieve=extend_schema(
        summary="一条督查预警",
        description="仅限工作人员：按编号取一条本人可见的预警。",
        examples=[OpenApiExample("逾期未公开", value=ALERT_EXAMPLE, response_only=True)],
    ),
)
class AlertViewSet(viewsets.ReadOnlyModelViewSet):
    """Alerts of the caller's own units (supervisors: all units). Staff only."""

    serializer_class = AlertSerializer
    permission_classes = [permissions.IsAuthenticated]
    filterset_class = AlertFilter

    def get_queryset(self):
        alerts = Alert.objects.select_related("unit", "content_type").order_by("-raised_at", "-pk")
        return scope_queryset(alerts, self.request.user)
