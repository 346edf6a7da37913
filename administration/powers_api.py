"""Public, read-only API of power lists and unit profiles."""

import django_filters
from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from administration.models import (
    AdjustmentStatus,
    InternalBody,
    Leader,
    PowerAdjustment,
    PowerChange,
    PowerItem,
    PowerType,
    UnitProfile,
)
from administration.powers_selectors import MAX_QUERY_LENGTH, current_items, items_matching_text
from administration.profiles_selectors import published_profiles
from lushan_portal.filters import text_filter
from lushan_portal.pagination import LargeListCursor

ITEM_HELP = {
    "code": "职权编码，本单位内唯一",
    "power_type": "职权类型的英文代码",
    "name": "职权名称",
    "sub_items": "子项，每行一个；没有子项时为空字符串",
    "basis": "实施依据（法律、法规、规章和规范性文件的名称和条款）",
    "implementing_body": "实施主体；空字符串表示未说明",
    "responsibilities": "责任事项；空字符串表示未说明",
    "accountability": "追责情形；空字符串表示未说明",
}


ITEM_EXAMPLE_FIELDS = {
    "code": "XK-001",
    "power_type": "licensing",
    "name": "社会团体成立、变更、注销登记",
    "sub_items": "成立登记\n变更登记\n注销登记",
    "basis": "《社会团体登记管理条例》第三条、第九条",
    "implementing_body": "鲁山县民政局",
    "responsibilities": "1.受理责任：公示应当提交的材料，一次性告知补正材料。\n2.审查责任：审查申请材料。",
    "accountability": "对符合法定条件的申请不予受理的；",
}
ITEM_EXAMPLE = {
    "id": 12,
    "unit": "civil-affairs",
    **ITEM_EXAMPLE_FIELDS,
    "power_type_label": "行政许可",
    "added_on": "2025-01-06",
    "changed_on": "2025-06-02",
}
ADJUSTMENT_EXAMPLE = {
    "id": 3,
    "unit": "civil-affairs",
    "effective_on": "2025-06-02",
    "reason": "《鲁山县临时救助实施细则》废止，依据改为新办法",
    "basis": "鲁民〔2025〕9号",
    "changes": [{"kind": "changed", **ITEM_EXAMPLE_FIELDS, "note": ""}],
}
PROFILE_EXAMPLE = {
    "id": 2,
    "unit": "civil-affairs",
    "effective_on": "2025-01-01",
    "functions": "贯彻执行民政工作的法律法规和方针政策，拟订全县民政事业发展规划。",
    "basis": "鲁山县民政局职能配置、内设机构和人员编制规定",
    "address": "鲁山县民政服务中心",
    "office_hours": "周一至周五（法定节假日除外）8:30-12:00，15:00-18:00",
    "phone": "",
    "bodies": [{"name": "社会救助股", "duties": "负责城乡最低生活保障、特困人员救助供养和临时救助工作。"}],
    "leaders": [{"name": "李建国", "post": "局长", "duties": "主持全面工作。"}],
}


def help_texts(fields: dict[str, str]) -> dict[str, dict[str, str]]:
    return {name: {"help_text": text} for name, text in fields.items()}


class PowerItemSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="单位代码")
    power_type_label = serializers.CharField(source="get_power_type_display", read_only=True, help_text="职权类型")

    class Meta:
        model = PowerItem
        fields = ["id", "unit", *ITEM_HELP, "power_type_label", "added_on", "changed_on"]
        extra_kwargs = help_texts(
            ITEM_HELP
            | {
                "id": "编号",
                "added_on": "列入清单的日期（YYYY-MM-DD）",
                "changed_on": "最近一次调整的日期（YYYY-MM-DD）",
            }
        )


class PowerItemFilter(django_filters.FilterSet):
    q = text_filter(MAX_QUERY_LENGTH, help_text="在职权名称、子项、实施依据和编码中查找", method="filter_q")
    unit = django_filters.CharFilter(field_name="unit__code", help_text="单位代码")
    type = django_filters.ChoiceFilter(field_name="power_type", choices=PowerType.choices, help_text="职权类型")

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return items_matching_text(queryset, value)


class NewestFirst(LargeListCursor):
    ordering = "-pk"


@extend_schema_view(
    list=extend_schema(
        summary="权责清单事项",
        description="全县各单位现行权责清单中的职权事项，最新列入的在前；不返回总数，用 next 链接翻页。",
    ),
    retrieve=extend_schema(
        summary="一项职权",
        description="按编号取一项现行职权；已取消的职权回答 404。",
        examples=[OpenApiExample("行政许可", value=ITEM_EXAMPLE, response_only=True)],
    ),
)
class PowerItemViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PowerItemSerializer
    filterset_class = PowerItemFilter
    pagination_class = NewestFirst

    def get_queryset(self) -> QuerySet:
        return current_items().prefetch_related("unit")  # not joined: see powers_selectors.powers_search


class PowerChangeSerializer(serializers.ModelSerializer):
    class Meta:
        model = PowerChange
        fields = ["kind", *ITEM_HELP, "note"]
        extra_kwargs = help_texts(
            ITEM_HELP
            | {
                "kind": "调整类型：added 新增、changed 变更、removed 取消",
                "note": "本项调整的说明；没有时为空字符串",
                "basis": "调整后的实施依据（取消的事项为取消前的依据）",
            }
        )


class PowerAdjustmentSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="单位代码")
    changes = PowerChangeSerializer(many=True, read_only=True, help_text="本次调整的事项")

    class Meta:
        model = PowerAdjustment
        fields = ["id", "unit", "effective_on", "reason", "basis", "changes"]
        extra_kwargs = help_texts(
            {
                "id": "编号",
                "effective_on": "调整日期（YYYY-MM-DD）",
                "reason": "调整原因",
                "basis": "调整依据",
            }
        )


class AdjustmentFilter(django_filters.FilterSet):
    unit = django_filters.CharFilter(field_name="unit__code", help_text="单位代码")
    since = django_filters.DateFilter(
        field_name="effective_on", lookup_expr="gte", help_text="调整日期不早于（YYYY-MM-DD）"
    )


@extend_schema_view(
    list=extend_schema(
        summary="权责清单调整",
        description="各单位已发布的权责清单调整（动态调整记录），每次调整含调整日期、原因、依据和调整的事项，最新的在前。",
    ),
    retrieve=extend_schema(
        summary="一次权责清单调整",
        description="按编号取一次已发布的调整。",
        examples=[OpenApiExample("依据废止后的调整", value=ADJUSTMENT_EXAMPLE, response_only=True)],
    ),
)
class PowerAdjustmentViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PowerAdjustmentSerializer
    filterset_class = AdjustmentFilter

    def get_queryset(self) -> QuerySet:
        adjustments = PowerAdjustment.objects.filter(status=AdjustmentStatus.PUBLISHED).select_related("unit")
        return adjustments.order_by("-effective_on", "-pk").prefetch_related(
            Prefetch("changes", queryset=PowerChange.objects.order_by("position", "pk"))
        )


class BodySerializer(serializers.ModelSerializer):
    class Meta:
        model = InternalBody
        fields = ["name", "duties"]
        extra_kwargs = help_texts({"name": "内设机构名称", "duties": "职责；空字符串表示未说明"})


class LeaderSerializer(serializers.ModelSerializer):
    class Meta:
        model = Leader
        fields = ["name", "post", "duties"]
        extra_kwargs = help_texts({"name": "姓名", "post": "职务", "duties": "分工；空字符串表示未说明"})


class UnitProfileSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="单位代码")
    bodies = BodySerializer(many=True, read_only=True, help_text="内设机构及其职责")
    leaders = LeaderSerializer(many=True, read_only=True, help_text="领导姓名、职务和分工（县里公布的信息）")

    class Meta:
        model = UnitProfile
        fields = [
            "id",
            "unit",
            "effective_on",
            "functions",
            "basis",
            "address",
            "office_hours",
            "phone",
            "bodies",
            "leaders",
        ]
        extra_kwargs = help_texts(
            {
                "id": "编号",
                "effective_on": "本版自哪一天起适用（YYYY-MM-DD）",
                "functions": "主要职能",
                "basis": "依据（如“三定”规定）；空字符串表示未说明",
                "address": "办公地址；空字符串表示未公布",
                "office_hours": "办公时间；空字符串表示未公布",
                "phone": "联系电话；空字符串表示未公布",
            }
        )


class ProfileFilter(django_filters.FilterSet):
    unit = django_filters.CharFilter(field_name="unit__code", help_text="单位代码")


@extend_schema_view(
    list=extend_schema(
        summary="机构概况",
        description="各单位已发布的机构概况各版本（职能、内设机构、领导、办公地址、时间和电话），适用日期最新的在前；"
        "每个单位现行的一版是适用日期不晚于今天的最新一版。",
    ),
    retrieve=extend_schema(
        summary="一版机构概况",
        description="按编号取一版已发布的机构概况。",
        examples=[OpenApiExample("县民政局", value=PROFILE_EXAMPLE, response_only=True)],
    ),
)
class UnitProfileViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = UnitProfileSerializer
    filterset_class = ProfileFilter

    def get_queryset(self) -> QuerySet:
        profiles = (
            published_profiles().select_related("unit").order_by("unit__sort_order", "unit__code", "-effective_on")
        )
        return profiles.prefetch_related(
            Prefetch("bodies", queryset=InternalBody.objects.order_by("position", "pk")),
            Prefetch("leaders", queryset=Leader.objects.order_by("position", "pk")),
        )
