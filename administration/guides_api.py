"""Public API of service guides, work-report tasks and 民生实事, and rectifications: published records
only, read-only; free text of reports and findings masked as on the pages."""

import django_filters
from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, viewsets

from administration.guides_selectors import published_guides
from administration.models import (
    Audience,
    FindingSource,
    LifeEvent,
    Rectification,
    ServiceGuide,
    TaskKind,
    WorkTask,
)
from administration.tasks_selectors import public_rectifications, public_tasks
from lushan_portal.filters import YearFilter
from lushan_portal.masking import scrub_text

GUIDE_EXAMPLE = {
    "id": 12,
    "unit": "civil-affairs",
    "code": "11410423005XXXX0001",
    "name": "最低生活保障审核确认",
    "themes": ["person-hardship"],
    "legal_basis": "《社会救助暂行办法》第九条至第十四条",
    "conditions": "共同生活的家庭成员人均收入低于当地最低生活保障标准，且财产状况符合规定。",
    "materials": [
        {
            "name": "最低生活保障申请书",
            "form": "original",
            "copies": 1,
            "source": "申请人自备（窗口提供样表）",
            "shared": False,
            "note": "",
        }
    ],
    "steps": [{"title": "申请", "description": "向乡镇（街道）或政务服务中心窗口提出书面申请。"}],
    "location": "县政务服务中心一楼社会救助窗口",
    "hours": "工作日 上午 8:30–12:00，下午 15:00–18:00",
    "legal_limit_days": 30,
    "promised_limit_days": 20,
    "fee_mode": "free",
    "fee_basis": "",
    "fee_amount": "",
    "consult_phone": "12345",
    "complaint_phone": "12345",
    "delivery": "窗口领取或邮寄送达",
    "online_url": "https://www.hnzwfw.gov.cn/",
    "published_at": "2026-10-09T10:00:00+08:00",
    "corrected_at": None,
    "correction_note": "",
}
TASK_EXAMPLE = {
    "id": 4,
    "year": 2026,
    "kind": "livelihood",
    "number": "3",
    "title": "新建改建农村公路 120 公里",
    "unit": "transport",
    "target": "全年新建改建农村公路 120 公里，年底前全部完工通车。",
    "planned_completion": "2026-12-31",
    "completed_on": None,
    "reports": [
        {
            "period_start": "2026-07-01",
            "period_end": "2026-09-30",
            "due_date": "2026-10-21",
            "reported_on": "2026-10-15",
            "percent": 75,
            "text": "已完工 90 公里，其余路段正在铺设路面。",
        }
    ],
}
RECTIFICATION_EXAMPLE = {
    "id": 2,
    "source": "audit",
    "source_title": "2026年县审计局专项资金审计",
    "found_on": "2026-08-01",
    "unit": "civil-affairs",
    "finding": "部分临时救助资金未在规定时限内发放到户。",
    "deadline": "2026-10-31",
    "measures": "逐户核对发放台账，限期补发，建立按月对账制度。",
    "completed_on": "2026-10-20",
    "completion_report": "已全部补发到户，按月对账制度自11月起执行。",
}


class MaterialSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="材料名称")
    form = serializers.CharField(
        help_text="材料形式：original 原件，copy 复印件，both 原件和复印件，electronic 电子文档"
    )
    copies = serializers.IntegerField(help_text="份数")
    source = serializers.CharField(help_text="来源渠道；空为未说明")
    shared = serializers.BooleanField(help_text="可通过电子证照共享免于提交")
    note = serializers.CharField(help_text="备注")


class StepSerializer(serializers.Serializer):
    title = serializers.CharField(help_text="办理环节")
    description = serializers.CharField(help_text="环节说明")


class GuideSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="实施单位的代码")
    themes = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True, help_text="所属生命周期主题的代码"
    )
    materials = serializers.SerializerMethodField(help_text="申请材料，按序号排列")
    steps = serializers.SerializerMethodField(help_text="办理流程，按环节顺序排列")

    class Meta:
        model = ServiceGuide
        fields = [
            "id",
            "unit",
            "code",
            "name",
            "themes",
            "legal_basis",
            "conditions",
            "materials",
            "steps",
            "location",
            "hours",
            "legal_limit_days",
            "promised_limit_days",
            "fee_mode",
            "fee_basis",
            "fee_amount",
            "consult_phone",
            "complaint_phone",
            "delivery",
            "online_url",
            "published_at",
            "corrected_at",
            "correction_note",
        ]
        extra_kwargs = {
            "id": {"help_text": "办事指南编号"},
            "code": {"help_text": "政务服务事项实施编码；空为未填"},
            "name": {"help_text": "事项名称"},
            "legal_basis": {"help_text": "设定依据"},
            "conditions": {"help_text": "申请条件"},
            "location": {"help_text": "办理地点"},
            "hours": {"help_text": "办理时间"},
            "legal_limit_days": {"help_text": "法定办结时限（工作日，0 为即办）"},
            "promised_limit_days": {"help_text": "承诺办结时限（工作日，0 为即办）"},
            "fee_mode": {"help_text": "是否收费：free 不收费，charged 收费"},
            "fee_basis": {"help_text": "收费依据；不收费为空"},
            "fee_amount": {"help_text": "收费标准；不收费为空"},
            "consult_phone": {"help_text": "咨询电话"},
            "complaint_phone": {"help_text": "监督投诉电话"},
            "delivery": {"help_text": "结果送达方式"},
            "online_url": {"help_text": "网上办理地址；不能网上办理为空"},
            "published_at": {"help_text": "发布时间"},
            "corrected_at": {"help_text": "最近一次更正的时间；未更正为 null"},
            "correction_note": {"help_text": "更正说明"},
        }

    @extend_schema_field(MaterialSerializer(many=True))
    def get_materials(self, guide: ServiceGuide) -> list[dict]:
        fields = ("name", "form", "copies", "source", "shared", "note")
        return [{name: getattr(m, name) for name in fields} for m in guide.materials.all()]

    @extend_schema_field(StepSerializer(many=True))
    def get_steps(self, guide: ServiceGuide) -> list[dict]:
        return [{"title": s.title, "description": s.description} for s in guide.steps.all()]


class GuideFilter(django_filters.FilterSet):
    unit = django_filters.CharFilter(field_name="unit__code", help_text="实施单位的代码")
    theme = django_filters.CharFilter(field_name="themes__code", help_text="生命周期主题的代码")
    audience = django_filters.ChoiceFilter(
        field_name="themes__audience", choices=Audience.choices, distinct=True, help_text="服务对象：个人或法人"
    )

    class Meta:
        model = ServiceGuide
        fields = ["unit", "theme", "audience"]


@extend_schema_view(
    list=extend_schema(
        summary="办事指南列表", description="已发布的办事指南，按单位排列；可按单位、主题和服务对象筛选。"
    ),
    retrieve=extend_schema(
        summary="一份办事指南",
        description="按编号取一份已发布的办事指南：依据、条件、材料、流程、地点、时间、时限、收费和联系电话。",
        examples=[OpenApiExample("低保审核确认", value=GUIDE_EXAMPLE, response_only=True)],
    ),
)
class GuideViewSet(viewsets.ReadOnlyModelViewSet):
    """Published service guides."""

    queryset = (
        published_guides()
        .select_related("unit")
        .prefetch_related("materials", "steps", Prefetch("themes", queryset=LifeEvent.objects.only("pk", "code")))
        .order_by("unit__sort_order", "unit__code", "name", "pk")
    )
    serializer_class = GuideSerializer
    filterset_class = GuideFilter


class ReportSerializer(serializers.Serializer):
    period_start = serializers.DateField(help_text="报告期开始")
    period_end = serializers.DateField(help_text="报告期结束")
    due_date = serializers.DateField(help_text="报送期限（报告期结束后第10个工作日）")
    reported_on = serializers.DateField(help_text="报送日期")
    percent = serializers.IntegerField(help_text="完成进度（%）")
    text = serializers.CharField(help_text="进展情况（个人信息已隐去）")


class TaskSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="牵头单位的代码")
    target = serializers.SerializerMethodField(help_text="目标")
    reports = serializers.SerializerMethodField(help_text="已发布的进展报告，按报告期排列")

    class Meta:
        model = WorkTask
        fields = [
            "id",
            "year",
            "kind",
            "number",
            "title",
            "unit",
            "target",
            "planned_completion",
            "completed_on",
            "reports",
        ]
        extra_kwargs = {
            "id": {"help_text": "任务编号"},
            "year": {"help_text": "年度"},
            "kind": {"help_text": "类别：work_report 政府工作报告任务，livelihood 民生实事"},
            "number": {"help_text": "报告或文件中的序号"},
            "title": {"help_text": "任务名称"},
            "planned_completion": {"help_text": "计划完成时间"},
            "completed_on": {"help_text": "完成日期；未完成为 null"},
        }

    @extend_schema_field(serializers.CharField())
    def get_target(self, task: WorkTask) -> str:
        return scrub_text(task.target)

    @extend_schema_field(ReportSerializer(many=True))
    def get_reports(self, task: WorkTask) -> list[dict]:
        fields = ("period_start", "period_end", "due_date", "reported_on", "percent")
        return [
            {**{name: getattr(r, name) for name in fields}, "text": scrub_text(r.text)} for r in task.public_reports
        ]


class TaskFilter(django_filters.FilterSet):
    year = YearFilter(field_name="year", lookup_expr="exact", help_text="年度（四位年份）")
    kind = django_filters.ChoiceFilter(choices=TaskKind.choices, help_text="类别")
    unit = django_filters.CharFilter(field_name="unit__code", help_text="牵头单位的代码")

    class Meta:
        model = WorkTask
        fields = ["year", "kind", "unit"]


@extend_schema_view(
    list=extend_schema(
        summary="重点任务和民生实事列表", description="已发布的政府工作报告任务和民生实事项目及其进展。"
    ),
    retrieve=extend_schema(
        summary="一项重点任务或民生实事",
        description="按编号取一项已发布的任务及其各期进展报告。",
        examples=[OpenApiExample("农村公路", value=TASK_EXAMPLE, response_only=True)],
    ),
)
class WorkTaskViewSet(viewsets.ReadOnlyModelViewSet):
    """Published tasks with their published reports."""

    queryset = public_tasks()
    serializer_class = TaskSerializer
    filterset_class = TaskFilter


class RectificationSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="整改单位的代码")
    finding = serializers.SerializerMethodField(help_text="发现的问题（个人信息已隐去）")
    measures = serializers.SerializerMethodField(help_text="整改措施（个人信息已隐去）")
    completed_on = serializers.SerializerMethodField(help_text="整改完成日期；完成情况未发布为 null")
    completion_report = serializers.SerializerMethodField(help_text="整改完成情况；未发布为空")

    class Meta:
        model = Rectification
        fields = [
            "id",
            "source",
            "source_title",
            "found_on",
            "unit",
            "finding",
            "deadline",
            "measures",
            "completed_on",
            "completion_report",
        ]
        extra_kwargs = {
            "id": {"help_text": "整改记录编号"},
            "source": {"help_text": "问题来源：inspection 督查，audit 审计"},
            "source_title": {"help_text": "督查或审计项目"},
            "found_on": {"help_text": "发现日期；null 表示日期不详"},
            "deadline": {"help_text": "整改期限"},
        }

    @extend_schema_field(serializers.CharField())
    def get_finding(self, row: Rectification) -> str:
        return scrub_text(row.finding)

    @extend_schema_field(serializers.CharField())
    def get_measures(self, row: Rectification) -> str:
        return scrub_text(row.measures)

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_completed_on(self, row: Rectification):
        return row.completed_on if row.completion_published_at else None

    @extend_schema_field(serializers.CharField())
    def get_completion_report(self, row: Rectification) -> str:
        return scrub_text(row.completion_report) if row.completion_published_at else ""


class RectificationFilter(django_filters.FilterSet):
    year = YearFilter(field_name="deadline", help_text="整改期限所在年度（四位年份）")
    source = django_filters.ChoiceFilter(choices=FindingSource.choices, help_text="问题来源")
    unit = django_filters.CharFilter(field_name="unit__code", help_text="整改单位的代码")

    class Meta:
        model = Rectification
        fields = ["year", "source", "unit"]


@extend_schema_view(
    list=extend_schema(
        summary="督查审计整改列表", description="已发布的督查、审计发现问题及其整改情况，整改期限最晚的在前。"
    ),
    retrieve=extend_schema(
        summary="一项督查审计整改",
        description="按编号取一项已发布的整改记录；完成情况经审查发布后才显示。",
        examples=[OpenApiExample("专项资金审计", value=RECTIFICATION_EXAMPLE, response_only=True)],
    ),
)
class RectificationViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = public_rectifications()
    serializer_class = RectificationSerializer
    filterset_class = RectificationFilter
