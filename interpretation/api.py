from rest_framework import serializers, viewsets

from interpretation.filters import DocumentApiFilter, InterpretationFilter
from interpretation.models import Interpretation, PolicyDocument
from interpretation.selectors import document_sync, newest_first, public_documents, public_interpretations

UNKNOWN_DATE_HELP = "原始日期；null 表示日期不详（从不以录入日期代替）"


class DocumentSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="发文单位")
    signed_on = serializers.DateField(read_only=True, allow_null=True, help_text=f"成文日期：{UNKNOWN_DATE_HELP}")
    published_on = serializers.DateField(read_only=True, allow_null=True, help_text=f"发布日期：{UNKNOWN_DATE_HELP}")
    entered_at = serializers.DateTimeField(read_only=True, allow_null=True, help_text="录入本平台时间")
    sync_status = serializers.SerializerMethodField(
        help_text="三同步：synchronised / late / missing / unknown（无法判断，日期不详）/ not_applicable（其他文件）"
    )
    sync_label = serializers.SerializerMethodField(help_text="三同步结论（中文）")
    interpretations = serializers.SerializerMethodField()

    class Meta:
        model = PolicyDocument
        fields = [
            "id", "unit", "kind", "title", "number", "body", "signed_on", "published_on", "entered_at",
            "executive_meeting", "concerns_public", "specialised", "sync_status", "sync_label", "interpretations",
        ]  # fmt: skip

    def get_sync_status(self, document: PolicyDocument) -> str:
        return document_sync(document).code

    def get_sync_label(self, document: PolicyDocument) -> str:
        return document_sync(document).label

    def get_interpretations(self, document: PolicyDocument) -> list[int]:
        return [i.pk for i in document.interpretations.all() if i.status == "published"]


class InterpretationSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="解读单位")
    document_unit = serializers.SlugRelatedField(
        source="document.unit", slug_field="code", read_only=True, help_text="发文单位（可与解读单位不同）"
    )
    published_on = serializers.DateField(read_only=True, allow_null=True, help_text=f"发布日期：{UNKNOWN_DATE_HELP}")
    entered_at = serializers.DateTimeField(read_only=True, allow_null=True, help_text="录入本平台时间")
    signed_with_document = serializers.BooleanField(
        read_only=True, allow_null=True, help_text="同步审签；null 表示未说明"
    )
    images = serializers.SerializerMethodField()
    steps = serializers.SerializerMethodField()
    questions = serializers.SerializerMethodField()

    class Meta:
        model = Interpretation
        fields = [
            "id", "document", "document_unit", "unit", "form", "title", "published_on", "entered_at",
            "signed_with_document", "source_url", "background", "objectives", "main_points",
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

    queryset = newest_first(public_documents().prefetch_related("interpretations"))
    serializer_class = DocumentSerializer
    filterset_class = DocumentApiFilter


class InterpretationViewSet(viewsets.ReadOnlyModelViewSet):
    """Published interpretations in every form."""

    queryset = newest_first(public_interpretations().prefetch_related("images", "steps", "questions"))
    serializer_class = InterpretationSerializer
    filterset_class = InterpretationFilter
