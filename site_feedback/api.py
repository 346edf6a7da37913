"""Staff API of error reports (/api/site-feedback/): scoped like the admin, never public.

The contact is not in it; free text is masked except for the editors of the report's unit,
who answer it (lushan_portal.personal_data).
"""

import django_filters
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import permissions, serializers, viewsets

from lushan_portal.masking import scrub_text
from lushan_portal.personal_data import enters_personal_data
from site_feedback.models import ErrorReport, ReportKind, ReportStatus
from site_feedback.selectors import reports_for

REPORT_EXAMPLE = {
    "id": 7,
    "reference": "20261120-0007",
    "unit": "gov-office",
    "page": "/catalog/",
    "kind": "broken_link",
    "description": "“社会救助”领域页面中的办事指南链接打不开。",
    "received_at": "2026-11-20T09:15:00+08:00",
    "due_date": "2026-11-25",
    "status": "answered",
    "answer": "已修复链接，感谢指正。",
    "answered_at": "2026-11-23T16:40:00+08:00",
    "withdrawn_at": None,
    "withdrawal_reason": "",
}


class ErrorReportSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="承办单位代码")
    reference = serializers.CharField(read_only=True, help_text="告知报告人的编号")
    description = serializers.SerializerMethodField(help_text="问题描述（非承办单位信息员看到的已隐去个人信息）")

    class Meta:
        model = ErrorReport
        fields = [
            "id",
            "reference",
            "unit",
            "page",
            "kind",
            "description",
            "received_at",
            "due_date",
            "status",
            "answer",
            "answered_at",
            "withdrawn_at",
            "withdrawal_reason",
        ]
        extra_kwargs = {
            "id": {"help_text": "报告编号"},
            "page": {"help_text": "出错页面的站内地址"},
            "received_at": {"help_text": "收到时间"},
            "due_date": {"help_text": "答复期限（收到后第3个工作日）"},
            "answer": {"help_text": "答复内容；尚未答复为空"},
            "answered_at": {"help_text": "答复时间；尚未答复为 null"},
            "withdrawn_at": {"help_text": "作为无效报告撤销的时间；未撤销为 null"},
            "withdrawal_reason": {"help_text": "撤销理由"},
        }

    @extend_schema_field(serializers.CharField())
    def get_description(self, report: ErrorReport) -> str:
        if enters_personal_data(self.context["request"].user, report.unit_id):
            return report.description
        return scrub_text(report.description)


class ErrorReportFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=ReportStatus.choices, help_text="只看这一状态的报告")
    kind = django_filters.ChoiceFilter(choices=ReportKind.choices, help_text="只看这一问题类型的报告")

    class Meta:
        model = ErrorReport
        fields = ["status", "kind"]


@extend_schema_view(
    list=extend_schema(
        summary="网站找错报告列表",
        description="仅限工作人员登录后使用：承办单位（政务公开办）的报告，督查员可看全部；不含报告人联系方式。",
    ),
    retrieve=extend_schema(
        summary="一条网站找错报告",
        description="仅限工作人员登录后使用：按编号取一条报告及其答复。",
        examples=[OpenApiExample("已答复的报告", value=REPORT_EXAMPLE, response_only=True)],
    ),
)
class ErrorReportViewSet(viewsets.ReadOnlyModelViewSet):
    """网站找错报告：本单位（政务公开办）工作人员可见，督查员可见全部。需登录。"""

    serializer_class = ErrorReportSerializer
    permission_classes = [permissions.IsAuthenticated]
    filterset_class = ErrorReportFilter

    def get_queryset(self):
        return reports_for(self.request.user)
