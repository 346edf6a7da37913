from django.core.exceptions import ValidationError
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from decisions.models import Comment, CommentStatus, MajorDecision
from decisions.public import public_comment_body
from decisions.rules import MAX_COMMENT_LENGTH
from decisions.services import comment_submit
from lushan_portal.clients import client_address


class DecisionSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    stage = serializers.SerializerMethodField()
    feedback_report = serializers.SerializerMethodField()

    class Meta:
        model = MajorDecision
        fields = [
            "id", "unit", "year", "title", "summary", "stage", "draft_text", "explanation", "basis",
            "opens_on", "closes_on", "shortened_reason", "decided_on", "feedback_report",
        ]  # fmt: skip

    def get_stage(self, decision: MajorDecision) -> str:
        return decision.stage(self.context.get("now")).value

    def get_feedback_report(self, decision: MajorDecision) -> dict | None:
        if not decision.feedback_published_at:
            return None
        return {
            "received": decision.report_received,
            "adopted": decision.report_adopted,
            "not_adopted": decision.report_not_adopted,
            "main_views": decision.report_main_views,
            "reasons_not_adopted": decision.report_reasons,
            "published_at": decision.feedback_published_at,
        }

    def to_representation(self, decision: MajorDecision) -> dict:
        if decision.classified:  # the catalog shows only that it exists
            return {"id": decision.pk, "unit": decision.unit.code, "year": decision.year, "stage": "classified"}
        return super().to_representation(decision)


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
    website = serializers.CharField(required=False, allow_blank=True, help_text="留空（防机器提交）")


class MajorDecisionViewSet(viewsets.ReadOnlyModelViewSet):
    """The major-decision catalogs; classified entries show only that they exist."""

    queryset = MajorDecision.objects.select_related("unit").order_by("-year", "id")
    serializer_class = DecisionSerializer
    filterset_fields = ["year"]

    def get_serializer_context(self) -> dict:
        return {**super().get_serializer_context(), "now": timezone.now()}

    @extend_schema(request=CommentInputSerializer, responses={201: None})
    @action(detail=True, methods=["post"], permission_classes=[AllowAny], url_path="comments")
    def comment(self, request, pk: str | None = None) -> Response:
        """Submit a comment while the window is open (same checks as the web form)."""
        data = CommentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if data.validated_data.get("website"):
            return Response({"detail": "意见未提交。"}, status=status.HTTP_400_BAD_REQUEST)
        try:
            comment_submit(
                decision_id=pk,
                body=data.validated_data["body"],
                name=data.validated_data.get("name", ""),
                contact=data.validated_data.get("contact", ""),
                client=client_address(request),
            )
        except ValidationError as error:
            return Response({"detail": "；".join(error.messages)}, status=status.HTTP_400_BAD_REQUEST)
        return Response({"detail": "意见已提交，审核后公开。"}, status=status.HTTP_201_CREATED)


class CommentViewSet(viewsets.ReadOnlyModelViewSet):
    """Approved public comments (no personal data)."""

    queryset = Comment.objects.filter(status=CommentStatus.APPROVED, decision__classified=False).order_by("id")
    serializer_class = PublicCommentSerializer
    filterset_fields = ["decision"]
