from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, viewsets

from interpretation.filters import DocumentApiFilter, InterpretationFilter
from interpretation.models import Interpretation, PolicyDocument
from interpretation.selectors import document_sync, newest_first, public_documents, public_interpretations

UNKNOWN_DATE_HELP = "原始日期；null 表示日期不详（从不以录入日期代替）"
DOCUMENT_EXAMPLE = {
    "id": 5,
    "unit": "health",
    "kind": "normative",
    "title": "鲁山县传染病疫情报告管理办法",
    "number": "鲁卫〔2026〕9号",
    "body": "第一条 为规范传染病疫情报告工作，根据有关法律法规，结合本县实际，制定本办法。\n第二条 ……",
    "signed_on": "2026-11-10",
    "published_on": "2026-11-13",
    "entered_at": "2026-11-13T16:20:00+08:00",
    "executive_meeting": False,
    "concerns_public": False,
    "specialised": True,
    "sync_status": "synchronised",
    "sync_label": "同步（文件发布后 1 个工作日内）",
    "interpretations": [9, 8],
    "validity": "in_force",
    "validity_changed_on": None,
    "is_disclosure_rule": False,
}
INTERPRETATION_EXAMPLE = {
    "id": 3,
    "document": 1,
    "document_unit": "civil-affairs",
    "unit": "civil-affairs",
    "form": "qa",
    "title": "低保政策问答",
    "published_on": "2026-10-20",
    "entered_at": "2026-10-20T09:15:00+08:00",
    "signed_with_document": True,
    "source_url": "",
    **dict.fromkeys(["background", "objectives", "main_points", "scope", "standards", "notes", "differences"], ""),
    **dict.fromkeys(["first_interpreter_name", "first_interpreter_post", "expert_name", "expert_title"], ""),
    "video": None,
    "video_poster": None,
    "transcript": "",
    "event_time": None,
    "event_place": "",
    "event_record": "",
    "images": [],
    "steps": [],
    "questions": [
        {
            "question": "哪些家庭可以申请低保？",
            "answer": "共同生活的家庭成员人均收入低于当地低保标准，且财产状况符合规定的家庭。",
        },
        {"question": "多久能审核完？", "answer": "乡镇应当自受理之日起30个工作日内完成审核。"},
    ],
}


class InterpretationImageSerializer(serializers.Serializer):
    url = serializers.CharField(help_text="图片地址")
    alt = serializers.CharField(help_text="图片的文字说明（替代文本）")


class InterpretationStepSerializer(serializers.Serializer):
    title = serializers.CharField(help_text="步骤名称")
    description = serializers.CharField(help_text="步骤说明")


class InterpretationQuestionSerializer(serializers.Serializer):
    question = serializers.CharField(help_text="问题")
    answer = serializers.CharField(help_text="回答")


class DocumentSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="发文单位的代码")
    signed_on = serializers.DateField(read_only=True, allow_null=True, help_text=f"成文日期：{UNKNOWN_DATE_HELP}")
    published_on = serializers.DateField(read_only=True, allow_null=True, help_text=f"发布日期：{UNKNOWN_DATE_HELP}")
    entered_at = serializers.DateTimeField(read_only=True, allow_null=True, help_text="录入本平台时间")
    sync_status = serializers.SerializerMethodField(
        help_text="三同步：synchronised / late / missing / unknown（无法判断，日期不详）/ not_applicable（其他文件）"
    )
    sync_label = serializers.SerializerMethodField(help_text="三同步结论（中文）")
    interpretations = serializers.SerializerMethodField(help_text="已发布的解读编号（见 /api/interpretations/）")

    class Meta:
        model = PolicyDocument
        fields = [
            "id", "unit", "kind", "title", "number", "body", "signed_on", "published_on", "entered_at",
            "executive_meeting", "concerns_public", "specialised", "sync_status", "sync_label", "interpretations",
            "validity", "validity_changed_on", "is_disclosure_rule",
        ]  # fmt: skip
        extra_kwargs = {
            "id": {"help_text": "文件编号"},
            "kind": {"help_text": "文件类型：行政规范性文件和重要政策适用三同步检查"},
            "title": {"help_text": "文件标题"},
            "number": {"help_text": "文号；没有文号为空"},
            "body": {"help_text": "正文（纯文本）"},
            "executive_meeting": {"help_text": "经政府常务会议审议通过"},
            "concerns_public": {"help_text": "涉及群众切身利益、社会关注度高"},
            "specialised": {"help_text": "专业性较强（须有专家解读）"},
            "validity": {"help_text": "效力状态：in_force 有效、amended 已修改、repealed 已废止、expired 已失效"},
            "validity_changed_on": {"help_text": "修改、废止或失效的日期；有效或日期不详时为 null"},
            "is_disclosure_rule": {"help_text": "是否为本单位的政府信息公开制度"},
        }

    def get_sync_status(self, document: PolicyDocument) -> str:
        return document_sync(document).code

    def get_sync_label(self, document: PolicyDocument) -> str:
        return document_sync(document).label

    def get_interpretations(self, document: PolicyDocument) -> list[int]:
        return [i.pk for i in document.interpretations.all() if i.status == "published"]


class InterpretationSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="解读单位的代码")
    document_unit = serializers.SlugRelatedField(
        source="document.unit", slug_field="code", read_only=True, help_text="发文单位的代码（可与解读单位不同）"
    )
    published_on = serializers.DateField(read_only=True, allow_null=True, help_text=f"发布日期：{UNKNOWN_DATE_HELP}")
    entered_at = serializers.DateTimeField(read_only=True, allow_null=True, help_text="录入本平台时间")
    signed_with_document = serializers.BooleanField(
        read_only=True, allow_null=True, help_text="同步审签；null 表示未说明"
    )
    images = serializers.SerializerMethodField(help_text="图解的图片（图表图解）")
    steps = serializers.SerializerMethodField(help_text="流程的各步骤（流程演示）")
    questions = serializers.SerializerMethodField(help_text="问题和回答（政策问答）")

    class Meta:
        model = Interpretation
        fields = [
            "id", "document", "document_unit", "unit", "form", "title", "published_on", "entered_at",
            "signed_with_document", "source_url", "background", "objectives", "main_points",
            "scope", "standards", "notes", "differences", "first_interpreter_name", "first_interpreter_post",
            "expert_name", "expert_title", "video", "video_poster", "transcript", "event_time", "event_place",
            "event_record", "images", "steps", "questions",
        ]  # fmt: skip
        extra_kwargs = {
            "id": {"help_text": "解读编号"},
            "document": {"help_text": "所解读的政策文件编号（见 /api/policies/）"},
            "form": {"help_text": "解读形式"},
            "source_url": {"help_text": "原文链接：历史记录可以链接原发布页面代替正文；无则为空"},
            "first_interpreter_name": {"help_text": "第一解读人姓名（政府常务会议审议的文件）；无则为空"},
            "first_interpreter_post": {"help_text": "第一解读人职务；无则为空"},
            "expert_name": {"help_text": "解读专家姓名（专家解读）；无则为空"},
            "expert_title": {"help_text": "解读专家职称、单位；无则为空"},
            "video": {"help_text": "视频文件地址（视频动漫）；无则为 null"},
            "video_poster": {"help_text": "视频封面图片地址；无则为 null"},
            "event_time": {"help_text": "新闻发布会或在线访谈的时间；无则为 null"},
            "event_place": {"help_text": "新闻发布会或在线访谈的地点或平台"},
            "event_record": {"help_text": "新闻发布会或在线访谈的文字实录"},
            **{
                name: {"help_text": f"{label}（文字解读的要素）；无则为空"}
                for name, label in (
                    ("background", "背景依据"),
                    ("objectives", "目标任务"),
                    ("main_points", "主要内容"),
                    ("scope", "涉及范围"),
                    ("standards", "执行标准"),
                    ("notes", "注意事项"),
                    ("differences", "新旧政策差异"),
                )
            },
        }

    @extend_schema_field(InterpretationImageSerializer(many=True))
    def get_images(self, obj: Interpretation) -> list[dict]:
        return [{"url": image.image.url, "alt": image.alt} for image in obj.images.all()]

    @extend_schema_field(InterpretationStepSerializer(many=True))
    def get_steps(self, obj: Interpretation) -> list[dict]:
        return [{"title": step.title, "description": step.description} for step in obj.steps.all()]

    @extend_schema_field(InterpretationQuestionSerializer(many=True))
    def get_questions(self, obj: Interpretation) -> list[dict]:
        return [{"question": qa.question, "answer": qa.answer} for qa in obj.questions.all()]


@extend_schema_view(
    list=extend_schema(
        summary="政策文件列表",
        description="已发布的政策文件及其三同步情况，发布日期最新的在前，日期不详的排在最后。",
    ),
    retrieve=extend_schema(
        summary="一份政策文件",
        description="按编号取一份已发布的政策文件。",
        examples=[OpenApiExample("卫健委规范性文件", value=DOCUMENT_EXAMPLE, response_only=True)],
    ),
)
class DocumentViewSet(viewsets.ReadOnlyModelViewSet):
    """Published policy documents with their 三同步 status."""

    queryset = newest_first(public_documents().prefetch_related("interpretations"))
    serializer_class = DocumentSerializer
    filterset_class = DocumentApiFilter


@extend_schema_view(
    list=extend_schema(
        summary="政策解读列表",
        description="已发布的各种形式的解读，发布日期最新的在前，日期不详的排在最后。",
    ),
    retrieve=extend_schema(
        summary="一篇政策解读",
        description="按编号取一篇已发布的解读；各形式特有的字段在其他形式中为空。",
        examples=[OpenApiExample("政策问答", value=INTERPRETATION_EXAMPLE, response_only=True)],
    ),
)
class InterpretationViewSet(viewsets.ReadOnlyModelViewSet):
    """Published interpretations in every form."""

    queryset = newest_first(public_interpretations().prefetch_related("images", "steps", "questions"))
    serializer_class = InterpretationSerializer
    filterset_class = InterpretationFilter
