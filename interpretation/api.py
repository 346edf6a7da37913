from rest_framework import serializers, viewsets

from interpretation.filters import DocumentApiFilter, InterpretationFilter
from interpretation.models import Interpretation, PolicyDocument
from interpretation.selectors import document_sync, public_documents, public_interpretations


class DocumentSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    sync_status = serializers.SerializerMethodField(
        help_text="三同步：synchronised / late / missing；非规范性文件为 null"
    )
    interpretations = serializers.SerializerMethodField()

    class Meta:
        model = PolicyDocument
        fields = [
            "id", "unit", "kind", "title", "number", "body", "signed_on", "published_on", "executive_meeting",
            "concerns_public", "specialised", "sync_status", "interpretations",
        ]  # fmt: skip

    def get_sync_status(self, document: PolicyDocument) -> str | None:
        status = document_sync(document)
        return status.code if status else None

    def get_interpretations(self, document: PolicyDocument) -> list[int]:
        return [i.pk for i in document.interpretations.all() if i.status == "published"]


class InterpretationSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    images = serializers.SerializerMethodField()
    steps = serializers.SerializerMethodField()
    questions = serializers.SerializerMethodField()

    class Meta:
        model = Interpretation
        fields = [
            "id", "document", "unit", "form", "title", "published_on", "background", "objectives", "main_points",
            "scope", "standards", "notes", "differences", "first_interpreter_name", "first_interpreter_post",
            "expert_name", "expert_title", "video", "video_poster", "transcript", "event_time", "event_place",
            "event_record", "images", "steps", "questions",
        ]  # fmt: skip

    def get_images(self, obj: Interpretation) -> list[dict]:
        return [{"url": image.image.url, "alt": image.alt} for image in obj.images.all()]

    def get_steps(self, obj: Interpretation) -> list[dict]:
        return [{"title": step.title, "description": step.description} for step in obj.steps.all()]

    def get_questions(self, obj: Interpretation) -> list[dict]:
        return [{"question": qa.question, "answer": qa.answer} for qa in obj.questions.all()]


class DocumentViewSet(viewsets.ReadOnlyModelViewSet):
    """Published policy documents with their 三同步 status."""

    queryset = public_documents().prefetch_related("interpretations").order_by("-published_on", "-id")
    serializer_class = DocumentSerializer
    filterset_class = DocumentApiFilter


class InterpretationViewSet(viewsets.ReadOnlyModelViewSet):
    """Published interpretations in every form."""

    queryset = (
        public_interpretations().prefetch_related("images", "steps", "questions").order_by("-published_on", "-id")
    )
    serializer_class = InterpretationSerializer
    filterset_class = InterpretationFilter
