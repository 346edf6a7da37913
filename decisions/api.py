import django_filters
from django.core.exceptions import ValidationError
from django.utils import timezone
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from decisions import rules
from decisions.models import Comment, CommentStatus, MajorDecision, OfflineComments, Stage
from decisions.public import public_comment_body
from decisions.rules import MAX_COMMENT_LENGTH
from decisions.services import ERROR_NOT_OPEN, ERROR_RATE, accepts_comments, comment_submit
from lushan_portal.clients import client_address
from lushan_portal.filters import IdFilter, YearFilter

SUBMITTED = "意见已提交，审核后公开。"
HONEYPOT_REFUSED = "意见未提交。"
NOT_FOUND = "没有这一公开的决策事项。"
RATE_REFUSAL = ERROR_RATE % {"minutes": rules.RATE_WINDOW_SECONDS // 60}
COMMENT_RULES = (
    f"意见不超过 {MAX_COMMENT_LENGTH} 字；每个网络地址每 {rules.RATE_WINDOW_SECONDS // 60} 分钟最多提交 "
    f"{rules.COMMENTS_PER_WINDOW} 条。意见经审核后公开，姓名和联系方式从不公开。"
)
DECISION_EXAMPLE = {
    "id": 2,
    "unit": "education",
    "year": 2026,
    "kind": "draft",
    "title": "鲁山县中小学布局调整规划（2026-2030年）",
    "summary": "优化城乡中小学布局，保留必要的乡村小规模学校和教学点。",
    "draft_text": "第一章 总则\n第一条 为优化全县中小学布局……",
    "explanation": "一、起草背景……\n二、主要内容……",
    "basis": "《中华人民共和国教育法》",
    "entered_after_fact": False,
    "published_on": "2026-09-09",
    "entered_at": "2026-09-09T09:00:00+08:00",
    "window_form": "period",
    "window_wording": "",
    "opens_on": "2026-09-09",
    "closes_on": "2026-10-14",
    "ends_before": None,
    "shortened_reason": "",
    "decided_on": None,
    "heading": "关于《鲁山县中小学布局调整规划（2026-2030年）》公开征求意见",
    "window_text": "2026年9月9日至2026年10月14日",
    "offline_comments": [{"channel": "symposium", "count": 5, "summary": "建议保留偏远教学点。"}],
    "stage": "feedback",
    "feedback_report": {
        "received": 8,
        "adopted": 3,
        "not_adopted": 5,
        "main_views": "保留偏远教学点；增加城区学位。",
        "reasons_not_adopted": "城区新建学校已列入另一规划。",
        "published_on": "2026-10-30",
        "entered_at": "2026-10-30T10:00:00+08:00",
    },
}
COMMENT_EXAMPLE = {
    "id": 1,
    "decision": 2,
    "body": "建议保留偏远山区的教学点，方便低年级学生就近入学。",
    "submitted_at": "2026-09-12T20:31:00+08:00",
}
COMMENT_INPUT_EXAMPLE = {"body": "建议保留偏远山区的教学点，方便低年级学生就近入学。"}


class FeedbackReportSerializer(serializers.Serializer):
    received = serializers.IntegerField(allow_null=True, help_text="收到的意见数；null：原报告未说明")
    adopted = serializers.IntegerField(allow_null=True, help_text="采纳的意见数；null：原报告未说明")
    not_adopted = serializers.IntegerField(allow_null=True, help_text="未采纳的意见数；null：原报告未说明")
    main_views = serializers.CharField(help_text="主要意见")
    reasons_not_adopted = serializers.CharField(help_text="未采纳的理由")
    published_on = serializers.DateField(allow_null=True, help_text="原报告公布日期；null：日期不详")
    entered_at = serializers.DateTimeField(help_text="录入本网站的时间")


class OfflineCommentsSerializer(serializers.ModelSerializer):
    class Meta:
        model = OfflineComments
        fields = ["channel", "count", "summary"]
        extra_kwargs = {
            "channel": {"help_text": "收到意见的渠道（本网站以外）"},
            "count": {"help_text": "这一渠道收到的意见数"},
            "summary": {"help_text": "意见摘要（不含个人信息）"},
        }


# A classified entry shows only that it exists: these keys are there, and null.
HIDDEN_FIELDS = [
    "kind", "title", "summary", "draft_text", "explanation", "basis", "entered_after_fact", "published_on",
    "entered_at", "window_form", "window_wording", "opens_on", "closes_on", "ends_before", "shortened_reason",
    "decided_on",
]  # fmt: skip
HIDDEN_COMPUTED = ["heading", "window_text", "offline_comments", "feedback_report"]


# The catalog entry's own fields, beyond their Chinese names (涉密事项: all null).
DECISION_FIELD_HELP = {
    "kind": "类别：决策草案征求意见或决策事项目录征集",
    "title": "决策事项名称",
    "summary": "事项概要",
    "draft_text": "决策草案全文",
    "explanation": "起草说明",
    "basis": "决策依据",
    "entered_at": "录入本网站的时间",
    "window_form": "征求意见期限在原公告中的表述方式",
    "shortened_reason": "征求意见期限少于 30 日的理由；无则为空",
    "decided_on": "作出决策的日期；尚未决策为 null",
}
CLASSIFIED_NOTE = "涉密事项为 null"


class DecisionSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="决策单位的代码")
    stage = serializers.SerializerMethodField()
    heading = serializers.CharField(allow_null=True, read_only=True, help_text="公告标题；涉密事项为 null")
    window_text = serializers.CharField(
        allow_null=True, read_only=True, help_text="征求意见期限（照录原文）；涉密事项为 null"
    )
    offline_comments = OfflineCommentsSerializer(
        many=True, read_only=True, allow_null=True, help_text="通过信函、座谈会等其他渠道收到的意见；涉密事项为 null"
    )
    feedback_report = serializers.SerializerMethodField(help_text="意见采纳情况反馈；尚未公布为 null")

    class Meta:
        model = MajorDecision
        fields = ["id", "unit", "year", *HIDDEN_FIELDS, *HIDDEN_COMPUTED[:-1], "stage", "feedback_report"]
        extra_kwargs = {
            "id": {"help_text": "决策事项编号"},
            **{name: {"allow_null": True} for name in HIDDEN_FIELDS},
            **{
                name: {"allow_null": True, "help_text": f"{text}；{CLASSIFIED_NOTE}"}
                for name, text in DECISION_FIELD_HELP.items()
            },
        }

    @extend_schema_field(serializers.ChoiceField(choices=Stage.choices, help_text="所处阶段：按日期和记录自动确定"))
    def get_stage(self, decision: MajorDecision) -> str:
        return decision.stage(self.context.get("now")).value

    @extend_schema_field(FeedbackReportSerializer(allow_null=True))
    def get_feedback_report(self, decision: MajorDecision) -> dict | None:
        if not decision.feedback_published_at:
            return None
        return {
            "received": decision.report_received,
            "adopted": decision.report_adopted,
            "not_adopted": decision.report_not_adopted,
            "main_views": decision.report_main_views,
            "reasons_not_adopted": decision.report_reasons,
            "published_on": decision.report_published_on,
            "entered_at": decision.feedback_published_at,
        }

    def to_representation(self, decision: MajorDecision) -> dict:
        if decision.classified:
            shown = {"id": decision.pk, "unit": decision.unit.code, "year": decision.year, "stage": Stage.CLASSIFIED}
            return {**dict.fromkeys(self.fields), **shown}
        return super().to_representation(decision)


class Message(serializers.Serializer):
    detail = serializers.CharField(help_text="中文说明")


class PublicCommentSerializer(serializers.ModelSerializer):
    """Approved comments only, personal data in the body masked, and never the name or contact."""

    class Meta:
        model = Comment
        fields = ["id", "decision", "body", "submitted_at"]
        extra_kwargs = {
            "id": {"help_text": "意见编号"},
            "decision": {"help_text": "所针对的决策事项编号（见 /api/major-decisions/）"},
            "body": {"help_text": "意见正文：其中的姓名、电话、身份证号等个人信息已隐去"},
            "submitted_at": {"help_text": "提交时间"},
        }

    def to_representation(self, comment: Comment) -> dict:
        return {**super().to_representation(comment), "body": public_comment_body(comment.body, comment.name)}


class CommentInputSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=MAX_COMMENT_LENGTH, help_text=f"意见内容，不超过 {MAX_COMMENT_LENGTH} 字")
    name = serializers.CharField(
        max_length=50, required=False, allow_blank=True, help_text="姓名（选填，从不公开，反馈报告后删除）"
    )
    contact = serializers.CharField(
        max_length=100, required=False, allow_blank=True, help_text="联系方式（选填，从不公开，反馈报告后删除）"
    )
    # A bot fills every field; a person never sees this one.
    website = serializers.CharField(
        required=False, allow_blank=True, max_length=0, help_text="留空（防机器提交）",
        error_messages={"max_length": HONEYPOT_REFUSED},
    )  # fmt: skip


class DecisionFilter(django_filters.FilterSet):
    year = YearFilter(lookup_expr="exact", help_text="只看这一目录年度的事项（四位年份）")


class CommentFilter(django_filters.FilterSet):
    decision = IdFilter(field_name="decision", param="decision", help_text="只看这一决策事项的意见（决策事项编号）")


@extend_schema_view(
    list=extend_schema(
        summary="重大行政决策事项列表",
        description=(
            "各单位年度重大行政决策事项目录中的事项，含公开征求意见的草案和意见采纳情况；"
            "目录年度最新的在前。涉密事项只有编号、单位、年度和阶段，其他字段为 null。"
        ),
    ),
    retrieve=extend_schema(
        summary="一个重大行政决策事项",
        description="按编号取一个事项。",
        examples=[OpenApiExample("已公布意见采纳情况的决策草案", value=DECISION_EXAMPLE, response_only=True)],
    ),
)
class MajorDecisionViewSet(viewsets.ReadOnlyModelViewSet):
    """The major-decision catalogs; classified entries show only that they exist."""

    queryset = MajorDecision.objects.select_related("unit").prefetch_related("offline_comments").order_by("-year", "id")
    serializer_class = DecisionSerializer
    filterset_class = DecisionFilter

    def get_serializer_context(self) -> dict:
        return {**super().get_serializer_context(), "now": timezone.now()}

    @extend_schema(
        summary="提交意见",
        request=CommentInputSerializer,
        responses={
            201: OpenApiResponse(Message, description="意见已提交，审核后公开"),
            404: OpenApiResponse(Message, description="没有这一公开的决策事项"),
            409: OpenApiResponse(Message, description="不在征求意见期内，意见未提交"),
            429: OpenApiResponse(Message, description="提交过于频繁，意见未提交"),
        },
        description=(
            f"征求意见期间对决策草案提交意见，与网页表单的检查相同，无需登录。{COMMENT_RULES}"
            "回答：201 已提交；404 没有这一公开的决策事项；409 不在征求意见期内；429 提交过于频繁。"
        ),
        examples=[OpenApiExample("一条意见", value=COMMENT_INPUT_EXAMPLE, request_only=True)],
    )
    @action(detail=True, methods=["post"], permission_classes=[AllowAny], url_path="comments")
    def comment(self, request, pk: str | None = None) -> Response:
        """Submit a comment while the window is open (same checks as the web form)."""
        data = CommentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        decision = MajorDecision.objects.filter(pk=pk if str(pk).isdigit() else None, classified=False).first()
        if decision is None:
            return Response({"detail": NOT_FOUND}, status=status.HTTP_404_NOT_FOUND)
        if not accepts_comments(decision):
            return Response({"detail": ERROR_NOT_OPEN}, status=status.HTTP_409_CONFLICT)
        try:
            comment_submit(
                decision_id=decision.pk,
                body=data.validated_data["body"],
                name=data.validated_data.get("name", ""),
                contact=data.validated_data.get("contact", ""),
                client=client_address(request),
            )
        except ValidationError as error:
            limited = RATE_REFUSAL in error.messages
            code = status.HTTP_429_TOO_MANY_REQUESTS if limited else status.HTTP_400_BAD_REQUEST
            return Response({"detail": "；".join(error.messages)}, status=code)
        return Response({"detail": SUBMITTED}, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(
        summary="公众意见列表",
        description="审核后公开的公众意见，按编号（提交先后）排列；不含提交人姓名和联系方式。",
    ),
    retrieve=extend_schema(
        summary="一条公众意见",
        description="按编号取一条审核后公开的意见。",
        examples=[OpenApiExample("对决策草案的意见", value=COMMENT_EXAMPLE, response_only=True)],
    ),
)
class CommentViewSet(viewsets.ReadOnlyModelViewSet):
    """Approved public comments (no personal data)."""

    queryset = Comment.objects.filter(status=CommentStatus.APPROVED, decision__classified=False).order_by("id")
    serializer_class = PublicCommentSerializer
    filterset_class = CommentFilter
