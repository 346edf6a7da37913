"""Read-only public API of 建议提案 replies published in full (/api/proposal-replies/) and of
responses to public concern (/api/concern-responses/): what the public pages show, nothing more
(no severity, no internal assessment)."""

import django_filters
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from interaction.models import Proposal, ProposalKind, Response, ResultClass
from interaction.proposals_selectors import published_replies
from interaction.responses_selectors import published_responses
from lushan_portal.filters import YearFilter

REPLY_EXAMPLE = {
    "id": 3,
    "year": 2026,
    "kind": "人大代表建议",
    "number": "3",
    "title": "关于提高农村低保保障标准的建议",
    "proposer": "张建国",
    "session": "县十七届人大五次会议",
    "unit": "civil-affairs",
    "assigned_on": "2026-03-31",
    "replied_on": "2026-06-10",
    "result_class": "A",
    "reply_text": "张建国代表：您提出的《关于提高农村低保保障标准的建议》收悉。现答复如下：……",
    "new_replied_on": None,
    "new_reply_text": "",
    "published_at": "2026-06-12T09:30:00+08:00",
    "corrected_at": None,
    "correction_note": "",
}
RESPONSE_EXAMPLE = {
    "id": 2,
    "topic": "县城区部分路段突发内涝",
    "kind": "新闻发布会",
    "title": "县防汛工作新闻发布会",
    "made_at": "2026-11-09T18:00:00+08:00",
    "link": "https://www.lushan.gov.cn/xwfb/2026-11-09.html",
    "summary": "通报强降雨积水处置和交通恢复情况。",
    "corrected_at": None,
    "correction_note": "",
}


class ProposalReplySerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="主办单位代码")
    kind = serializers.CharField(source="get_kind_display", read_only=True, help_text="人大代表建议或政协委员提案")
    result_class = serializers.CharField(read_only=True, help_text="办理结果类别 A/B/C/D；未说明为空")
    reply_text = serializers.CharField(
        source="public_reply_text", read_only=True, help_text="答复全文（其中个人的电话、证件号等已隐去）"
    )
    new_reply_text = serializers.CharField(
        source="public_new_reply_text", read_only=True, help_text="再次答复全文；无为空"
    )

    class Meta:
        model = Proposal
        fields = [
            "id",
            "year",
            "kind",
            "number",
            "title",
            "proposer",
            "session",
            "unit",
            "assigned_on",
            "replied_on",
            "result_class",
            "reply_text",
            "new_replied_on",
            "new_reply_text",
            "published_at",
            "corrected_at",
            "correction_note",
        ]
        extra_kwargs = {
            "id": {"help_text": "记录编号"},
            "year": {"help_text": "年度"},
            "number": {"help_text": "建议或提案编号"},
            "title": {"help_text": "标题"},
            "proposer": {"help_text": "提出人（代表、委员姓名）"},
            "session": {"help_text": "提出时的会议"},
            "assigned_on": {"help_text": "交办日期；不详为 null"},
            "replied_on": {"help_text": "答复日期"},
            "new_replied_on": {"help_text": "提出人不满意后再次答复的日期；无为 null"},
            "published_at": {"help_text": "公开时间"},
            "corrected_at": {"help_text": "更正时间；未更正为 null"},
            "correction_note": {"help_text": "更正说明；未更正为空"},
        }


class ProposalReplyFilter(django_filters.FilterSet):
    year = YearFilter(lookup_expr="exact", help_text="只看这一年度（四位年份）")
    kind = django_filters.ChoiceFilter(choices=ProposalKind.choices, help_text="suggestion（建议）或 proposal（提案）")
    result_class = django_filters.ChoiceFilter(choices=ResultClass.choices, help_text="办理结果类别")
    unit = django_filters.CharFilter(field_name="unit__code", help_text="主办单位代码")

    class Meta:
        model = Proposal
        fields = ["year", "kind", "result_class", "unit"]


@extend_schema_view(
    list=extend_schema(
        summary="建议提案答复全文列表",
        description="涉及公共利益、经审查后全文公开的人大代表建议和政协委员提案答复，按年度、编号排列。",
    ),
    retrieve=extend_schema(
        summary="一件建议提案的答复全文",
        description="未公开或已撤回的答复回答 404。",
        examples=[OpenApiExample("已公开的答复", value=REPLY_EXAMPLE, response_only=True)],
    ),
)
class ProposalReplyViewSet(viewsets.ReadOnlyModelViewSet):
    """建议提案答复全文（已公开的）。"""

    serializer_class = ProposalReplySerializer
    filterset_class = ProposalReplyFilter

    def get_queryset(self):
        return published_replies().order_by("-year", "kind", "number", "pk")


class ConcernResponseSerializer(serializers.ModelSerializer):
    topic = serializers.CharField(source="concern.topic", read_only=True, help_text="关切事项")
    kind = serializers.CharField(source="get_kind_display", read_only=True, help_text="回应方式（中文名称）")
    summary = serializers.CharField(source="public_summary", read_only=True, help_text="内容摘要")

    class Meta:
        model = Response
        fields = ["id", "topic", "kind", "title", "made_at", "link", "summary", "corrected_at", "correction_note"]
        extra_kwargs = {
            "id": {"help_text": "记录编号"},
            "title": {"help_text": "标题"},
            "made_at": {"help_text": "回应时间"},
            "link": {"help_text": "原文链接；无为空"},
            "corrected_at": {"help_text": "更正时间；未更正为 null"},
            "correction_note": {"help_text": "更正说明；未更正为空"},
        }


@extend_schema_view(
    list=extend_schema(
        summary="回应关切列表", description="已公开的回应（权威信息、发布会、采访、辟谣），最新的在前。"
    ),
    retrieve=extend_schema(
        summary="一条回应",
        description="未公开或已撤回的回应回答 404。",
        examples=[OpenApiExample("新闻发布会", value=RESPONSE_EXAMPLE, response_only=True)],
    ),
)
class ConcernResponseViewSet(viewsets.ReadOnlyModelViewSet):
    """回应关切（已公开的回应）。"""

    serializer_class = ConcernResponseSerializer

    def get_queryset(self):
        return published_responses()
