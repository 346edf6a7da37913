import django_filters
from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from enforcement.filters import DecisionFilter
from enforcement.models import Decision
from enforcement.public import PUBLIC_FIELDS, public_correction_note, public_decisions, public_values
from enforcement.selectors import SEARCH_ORDER
from lushan_portal.pagination import LargeListCursor

# What a reader of the API needs beyond the national column name (the field's title).
FIELD_NOTES = {
    "kind": "行政许可、行政处罚或行政强制（中文名称）",
    "party_name": "自然人只显示姓氏，其余以 * 代替；未成年人的决定不公开",
    "party_category": "法人及非法人组织、个体工商户或自然人",
    "credit_code": "自然人为空",
    "legal_representative": "个体工商户经营者的名字以 * 代替；自然人为空",
    "penalty_categories": "以“、”分隔",
    "coercion_categories": "以“、”分隔",
    "fine_amount": "以万元计的数字文本；无罚款为空",
    "confiscated_amount": "以万元计的数字文本；无则为空",
    "penalty_valid_until": "YYYY-MM-DD；无则为空",
    "valid_from": "YYYY-MM-DD",
    "valid_to": "YYYY-MM-DD，或“长期”",
    "licence_status": "有效或无效",
    "decision_date": "YYYY-MM-DD",
    "publicity_until": "YYYY-MM-DD：到期后不再公开；或“长期”",
}
TEXT_NOTE = "其中的身份证号、电话、住址门牌等个人信息已隐去"
DECISION_EXAMPLE = {
    "id": 5,
    "unit": "market-regulation",
    "kind": "行政处罚",
    "party_name": "鲁山县尧山人家餐饮有限公司",
    "party_category": "法人及非法人组织",
    "credit_code": "91410423MA46Q8765X",
    "legal_representative": "赵某",
    "decision_number": "鲁市监罚〔2026〕87号",
    "violation_type": "经营超过保质期的食品",
    "violation_facts": "当事人在其经营场所销售超过保质期的预包装食品6件，货值金额120元。",
    "legal_basis": "《中华人民共和国食品安全法》第一百二十四条第一款",
    "penalty_categories": "警告、罚款、没收违法所得、没收非法财物",
    "penalty_content": "警告；没收超过保质期的食品6件；没收违法所得120元；罚款人民币5000元。",
    "fine_amount": "0.5",
    "confiscated_amount": "0.012",
    "suspended_licence": "",
    "penalty_valid_until": "",
    "coercion_categories": "",
    "coercion_content": "",
    "licence_document_name": "",
    "licence_category": "",
    "licence_certificate_name": "",
    "licence_number": "",
    "licence_content": "",
    "valid_from": "",
    "valid_to": "",
    "licence_status": "",
    "decision_date": "2026-10-20",
    "publicity_until": "2031-10-20",
    "authority_name": "鲁山县市场监督管理局",
    "authority_credit_code": "11410423MB1234567K",
    "remarks": "",
    "publication_due": "2026-10-29",
    "first_published_on": "2026-10-23",
    "published_on_time": True,
    "corrected_at": None,
    "correction_note": "",
}


def _describe(field) -> str:
    note = FIELD_NOTES.get(field.key) or (TEXT_NOTE if field.source else "")
    return f"{field.label}：{note}" if note else field.label


class PublicDecisionSerializer(serializers.Serializer):
    """The public, masked view of a decision: the same values as the page and the CSV."""

    id = serializers.IntegerField(read_only=True, help_text="决定编号")
    unit = serializers.CharField(read_only=True, help_text="执法单位代码")
    publication_due = serializers.DateField(
        read_only=True, help_text="应公开日期（许可、处罚为决定日期后7个工作日，强制为20个工作日）"
    )
    first_published_on = serializers.DateField(read_only=True, help_text="首次公开日期")
    published_on_time = serializers.BooleanField(read_only=True, help_text="是否在应公开日期之前（含当日）公开")
    corrected_at = serializers.DateTimeField(read_only=True, allow_null=True, help_text="更正时间；未更正为 null")
    correction_note = serializers.CharField(read_only=True, help_text="更正说明；未更正为空")
    locals().update(
        {f.key: serializers.CharField(read_only=True, label=f.label, help_text=_describe(f)) for f in PUBLIC_FIELDS}
    )

    def to_representation(self, decision: Decision) -> dict:
        return {
            "id": decision.pk,
            "unit": decision.unit.code,
            **public_values(decision),
            "publication_due": decision.publication_due.isoformat(),
            "first_published_on": timezone.localdate(decision.first_published_at).isoformat(),
            "published_on_time": decision.published_on_time,
            "corrected_at": decision.corrected_at.isoformat() if decision.corrected_at else None,
            "correction_note": public_correction_note(decision),
        }


class DecisionApiFilter(DecisionFilter):
    """The API names units by code: an unknown code matches nothing rather than failing."""

    unit = django_filters.CharFilter(field_name="unit__code", help_text="执法单位代码")


class NewestFirst(LargeListCursor):
    """The public search's order, on its index (decision_public_idx)."""

    ordering = SEARCH_ORDER


@extend_schema_view(
    list=extend_schema(
        summary="执法决定公示列表",
        description=(
            "正在公示期内的行政许可、行政处罚和行政强制决定，决定日期最新的在前。"
            "不返回总数：用回答中的 next 链接（cursor 参数）翻页。"
            "参数 kind、penalty_category、coercion_category、licence_category 取英文代码，回答中的同名字段为中文名称。"
        ),
    ),
    retrieve=extend_schema(
        summary="一条执法决定",
        description="按编号取一条正在公示的决定；已撤回、公示期满或未成年人的决定回答 404。",
        examples=[OpenApiExample("行政处罚决定", value=DECISION_EXAMPLE, response_only=True)],
    ),
)
class DecisionViewSet(viewsets.ReadOnlyModelViewSet):
    """Published licence, penalty and coercion decisions (行政执法公示), personal data masked."""

    serializer_class = PublicDecisionSerializer
    filterset_class = DecisionApiFilter
    pagination_class = NewestFirst

    def get_queryset(self):
        return public_decisions()
