import django_filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.permissions import IsAuthenticatedOrReadOnly

from organizations.admin import UNIT_STAFF_EDITABLE
from organizations.models import Unit, UnitKind
from organizations.scoping import UnitScopedPermission
from organizations.selectors import public_units

UNIT_CODE = OpenApiParameter(
    "code", OpenApiTypes.STR, OpenApiParameter.PATH, description="单位代码，如 civil-affairs（见单位列表的 code）"
)
UNIT_EXAMPLE = {
    "code": "civil-affairs",
    "name": "鲁山县民政局",
    "short_name": "县民政局",
    "kind": "county_department",
    "parent": "county-gov",
    "email": "",
    "phone": "",
    "address": "",
}


class UnitSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True, help_text="上级单位的代码；县人民政府为 null"
    )

    class Meta:
        model = Unit
        fields = ["code", "name", "short_name", "kind", "parent", "email", "phone", "address"]
        read_only_fields = [name for name in fields if name not in UNIT_STAFF_EDITABLE]
        extra_kwargs = {
            "code": {"help_text": "单位代码（英文短代码），用于网址和其他接口的 unit 参数"},
            "name": {"help_text": "单位全称"},
            "short_name": {"help_text": "单位简称"},
            "kind": {"help_text": "单位类型"},
            "email": {"help_text": "政务公开联系邮箱；未填写时为空字符串"},
            "phone": {"help_text": "联系电话；未填写时为空字符串"},
            "address": {"help_text": "办公地址；未填写时为空字符串"},
        }


class UnitFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=UnitKind.choices, help_text="单位类型")


@extend_schema_view(
    list=extend_schema(
        summary="公开单位列表",
        description="全部在用的公开单位，按本平台的单位排列顺序。",
    ),
    retrieve=extend_schema(
        summary="一个公开单位",
        description="按单位代码取一个单位。",
        parameters=[UNIT_CODE],
        examples=[OpenApiExample("县民政局", value=UNIT_EXAMPLE, response_only=True)],
    ),
    partial_update=extend_schema(
        summary="更正本单位联系方式",
        description=(
            "仅限本单位工作人员登录后使用：更正联系邮箱、联系电话和办公地址（email、phone、address），"
            "其他字段只读。须带 X-CSRFToken 头。"
        ),
        parameters=[UNIT_CODE],
    ),
)
class UnitViewSet(mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Every active unit. A unit's own staff may correct its contact details (PATCH)."""

    queryset = public_units().order_by("sort_order", "code")
    serializer_class = UnitSerializer
    # Anyone reads (the schema says so); writes need a session and the unit's membership.
    permission_classes = [IsAuthenticatedOrReadOnly, UnitScopedPermission]
    unit_field = "pk"
    lookup_field = "code"
    filterset_class = UnitFilter
    http_method_names = ["get", "patch", "head", "options"]
