import django_filters
from django.core.exceptions import ValidationError
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_field
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


class FeedbackReportSerializer(serializers.Serializer):
    received = serializers.IntegerField(allow_null=True, help_text="null：原报告未说明")
    adopted = serializers.IntegerField(allow_null=True, help_text="null：原报告未说明")
    not_adopted = serializers.IntegerField(allow_null=True, help_text="null：原报告未说明")
    main_views = serializers.CharField()
    reasons_not_adopted = serializers.CharField()
    published_on = serializers.DateField(allow_null=True, help_text="原报告公布日期；null：日期不详")
    entered_at = serializers.DateTimeField(help_text="录入本网站的时间")


class OfflineCommentsSerializer(serializers.ModelSerializer):
    class Meta:
        model = OfflineComments
        fields = ["channel", "count", "summary"]


# A classified entry shows only that it exists: these keys are there, and null.
HIDDEN_FIELDS = [
    "kind", "title", "summary", "draft_text", "explanation", "basis", "entered_after_fact", "published_on",
    "entered_at", "window_form", "window_wording", "opens_on", "closes_on", "ends_before", "shortened_reason",
    "decided_on",
]  # fmt: skip
HIDDEN_COMPUTED = ["heading", "window_text", "offline_comments", "feedback_report"]


class DecisionSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    stage = serializers.SerializerMethodField()
    heading = serializers.CharField(allow_null=True, read_only=True, help_text="公告标题")
    window_text = serializers.CharField(allow_null=True, read_only=True, help_text="征求意见期限（照录原文）")
    offline_comments = OfflineCommentsSerializer(many=True, read_only=True, allow_null=True)
    feedback_report = serializers.SerializerMethodField()

    class Meta:
        model = MajorDecision
        fields = ["id", "unit", "year", *HIDDEN_FIELDS, *HIDDEN_COMPUTED[:-1], "stage", "feedback_report"]
        extra_kwargs = {name: {"allow_null": True} for name in HIDDEN_FIELDS}

    @extend_schema_field(serializers.ChoiceField(choices=Stage.choices))
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
    detail = serializers.CharField()


class PublicCommentSerializer(serializers.ModelSerializer):
    """Approved comments only, personal data in the body masked, and never the name or contact."""

    class Meta:
        model = Comment
        fields = ["id", "decision", "body", "submitted_at"]

    def to_representation(self, comment: Comment) -> dict:
        return {**super().to_representation(comment), "body": public_comment_body(comment.body, comment.name)}


class CommentInputSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=MAX_COMMENT_LENGTH)
    name = serializers.CharField(max_length=50, required=False, allow_blank=True)
    contact = serializers.CharField(max_length=100, required=False, allow_blank=True)
    # A bot fills every field; a person never sees this one.
    website = serializers.CharField(
        required=False, allow_blank=True, max_length=0, help_text="留空（防机器提交）",
        error_messages={"max_length": HONEYPOT_REFUSED},
    )  # fmt: skip


class DecisionFilter(django_filters.FilterSet):
    year = YearFilter(lookup_expr="exact", help_text="目录年度")


class CommentFilter(django_filters.FilterSet):
    decision = IdFilter(field_name="decision", param="decision", help_text="决策事项编号")


class MajorDecisionViewSet(viewsets.ReadOnlyModelViewSet):
    """The major-decision catalogs; classified entries show only that they exist."""

    queryset = MajorDecision.objects.select_related("unit").prefetch_related("offline_comments").order_by("-year", "id")
    serializer_class = DecisionSerializer
    filterset_class = DecisionFilter

    def get_serializer_context(self) -> dict:
        return {**super().get_serializer_context(), "now": timezone.now()}

    @extend_schema(
        request=CommentInputSerializer,
        responses={201: Message, 404: Message, 409: Message, 429: Message},
        description="404: no such public decision. 409: the window is not open. 429: too many comments.",
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


class CommentViewSet(viewsets.ReadOnlyModelViewSet):
    """Approved public comments (no personal data)."""

    queryset = Comment.objects.filter(status=CommentStatus.APPROVED, decision__classified=False).order_by("id")
    serializer_class = PublicCommentSerializer
    filterset_class = CommentFilter
