"""Staff API of error reports (/api/site-feedback/): scoped like the admin, never public.

The contact is not in it; free text is masked except for the editors of the report's unit,
who answer it (lushan_portal.personal_data).
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import permissions, serializers, viewsets

from lushan_portal.masking import scrub_text
from lushan_portal.personal_data import enters_personal_data
from site_feedback.models import ErrorReport
from site_feedback.selectors import reports_for


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

    @extend_schema_field(serializers.CharField())
    def get_description(self, report: ErrorReport) -> str:
        if enters_personal_data(self.context["request"].user, report.unit_id):
            return report.description
        return scrub_text(report.description)


class ErrorReportViewSet(viewsets.ReadOnlyModelViewSet):
    """网站找错报告：本单位（政务公开办）工作人员可见，督查员可见全部。需登录。"""

    serializer_class = ErrorReportSerializer
    permission_classes = [permissions.IsAuthenticated]
    filterset_fields = ["status", "kind"]

    def get_queryset(self):
        return reports_for(self.request.user)
