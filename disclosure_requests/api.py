"""Staff API of applications (/api/disclosure-requests/): read-only, never public.

Scoped like the admin: staff see their own units' applications, supervisors every unit's; the
session's second factor is enforced for the API by accounts.middleware. Personal data (name,
identity number, contacts, the agent) is in clear only for the editors of the handling unit, or
for a reader who revealed that application with a reason in the admin (lushan_portal.personal_data);
otherwise masked, and the free-text description scrubbed. The identity image is never in the API.
"""

import django_filters
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import filters, permissions, serializers, viewsets

from disclosure_requests.models import ApplicantType, Application, Pause, Reply, Status
from lushan_portal.masking import mask_person_name, scrub_text
from lushan_portal.personal_data import mask_middle, personal_data_in_clear
from organizations.scoping import scope_queryset

PERSONAL_MASKS = {
    "name": mask_person_name,
    "id_number": lambda value: mask_middle(value, 4, 4),
    "agent_name": mask_person_name,
    "agent_id_number": lambda value: mask_middle(value, 4, 4),
    "phone": lambda value: mask_middle(value, 3, 2),
    "address": lambda value: mask_middle(value, 6, 0),
    "email": lambda value: mask_middle(value, 2, 0),
}

APPLICATION_EXAMPLE = {
    "id": 12,
    "reference": "YSQ2026-00012",
    "unit": "civil-affairs",
    "registered_at_unit": "approval-service",
    "channel": "counter",
    "arrived_on": "2026-11-02",
    "confirmed_on": None,
    "received_on": "2026-11-02",
    "applicant_type": "natural_person",
    "organization_kind": "",
    "name": "王**",
    "id_type": "resident_id",
    "id_number": "4104**********1234",
    "agent_name": "",
    "agent_id_number": "",
    "phone": "139******78",
    "address": "鲁山县鲁阳街道*******",
    "email": "",
    "personal_data_masked": True,
    "description": "2025年本乡镇城乡低保资金发放明细",
    "document_number": "",
    "form_wanted": "paper",
    "delivery": "post",
    "status": "processing",
    "due_date": "2026-11-30",
    "due_explanation": "收到申请日期 2026-11-02（当面提交的，以提交之日为收到申请之日）；"
    "自次日起算 20 个工作日；答复期限 2026-11-30。",
    "on_the_spot": False,
    "closed_on": None,
    "pauses": [],
    "extension_working_days": None,
    "reply": None,
}


class PauseSerializer(serializers.ModelSerializer):
    class Meta:
        model = Pause
        fields = ["kind", "start", "deadline", "end", "outcome", "addressee"]
        extra_kwargs = {
            "kind": {"help_text": "中止类型：补正、征求第三方或其他机关意见、缴费、说明理由"},
            "start": {"help_text": "告知书或征求意见书发出之日"},
            "deadline": {"help_text": "补正、答复意见或缴费的最后一日"},
            "end": {"help_text": "中止结束之日；进行中为 null"},
            "outcome": {"help_text": "结果；进行中为空"},
            "addressee": {"help_text": "第三方或其他机关名称"},
        }


class ReplySerializer(serializers.ModelSerializer):
    class Meta:
        model = Reply
        fields = ["kind", "reason", "replied_on", "sent_status", "sent_route", "disclosed_url"]
        extra_kwargs = {
            "kind": {"help_text": "办理结果（年度报告表三的行）"},
            "reason": {"help_text": "具体情形（表三的编号格）；予以公开、部分公开为空"},
            "replied_on": {"help_text": "答复日期"},
            "sent_status": {"help_text": "送达状态"},
            "sent_route": {"help_text": "送达方式"},
            "disclosed_url": {"help_text": "已公开信息的网址"},
        }


class ApplicationSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="受理机关的单位代码")
    registered_at_unit = serializers.SlugRelatedField(
        slug_field="code", read_only=True, help_text="登记窗口单位的代码；在线申请为 null"
    )
    personal_data_masked = serializers.SerializerMethodField(
        help_text="true：申请人信息已部分隐去（非受理机关信息员，且未在管理后台说明理由查看本条）"
    )
    description = serializers.SerializerMethodField(help_text="所需信息的描述（隐去个人信息时其中的个人信息也隐去）")
    pauses = PauseSerializer(many=True, read_only=True, help_text="补正、征求意见、缴费等中止期间")
    extension_working_days = serializers.IntegerField(
        source="extension.working_days",
        read_only=True,
        default=None,
        allow_null=True,
        help_text="经批准延长的工作日数；未延期为 null",
    )
    reply = ReplySerializer(read_only=True, default=None, allow_null=True, help_text="答复；尚未答复为 null")

    class Meta:
        model = Application
        fields = [
            "id", "reference", "unit", "registered_at_unit", "channel", "arrived_on", "confirmed_on", "received_on",
            "applicant_type", "organization_kind", "name", "id_type", "id_number", "agent_name", "agent_id_number",
            "phone", "address", "email", "personal_data_masked", "description", "document_number", "form_wanted",
            "delivery", "status", "due_date", "due_explanation", "on_the_spot", "closed_on", "pauses",
            "extension_working_days", "reply",
        ]  # fmt: skip
        extra_kwargs = {
            "id": {"help_text": "记录编号"},
            "reference": {"help_text": "申请编号（告知申请人）"},
            "channel": {"help_text": "申请方式"},
            "arrived_on": {"help_text": "提交或送达日期"},
            "confirmed_on": {"help_text": "双方确认日期（传真、电子邮件、平常信函等）"},
            "received_on": {"help_text": "收到申请日期（条例第三十一条）；未确认为 null（日期不详）"},
            "applicant_type": {"help_text": "申请人类型"},
            "organization_kind": {"help_text": "法人或其他组织的类别（年度报告表三的列）"},
            "name": {"help_text": "申请人姓名或名称（可能已隐去部分）"},
            "id_type": {"help_text": "证件类型"},
            "id_number": {"help_text": "证件号码（可能已隐去部分）"},
            "agent_name": {"help_text": "联系人或代理人姓名（可能已隐去部分）"},
            "agent_id_number": {"help_text": "联系人或代理人证件号码（可能已隐去部分）"},
            "phone": {"help_text": "联系电话（可能已隐去部分）"},
            "address": {"help_text": "通信地址（可能已隐去部分）"},
            "email": {"help_text": "电子邮箱（可能已隐去部分）"},
            "document_number": {"help_text": "文号"},
            "form_wanted": {"help_text": "获取信息的载体形式"},
            "delivery": {"help_text": "获取信息的途径"},
            "status": {"help_text": "办理状态"},
            "due_date": {"help_text": "答复期限；补正期间或收到日期未确认时为 null"},
            "due_explanation": {"help_text": "答复期限的计算说明"},
            "on_the_spot": {"help_text": "是否在窗口当场答复"},
            "closed_on": {"help_text": "办结日期；未办结为 null"},
        }

    def _in_clear(self, application: Application) -> bool:
        cache = self.context.setdefault("_in_clear", {})
        if application.pk not in cache:
            cache[application.pk] = personal_data_in_clear(self.context["request"], application, application.unit_id)
        return cache[application.pk]

    @extend_schema_field(serializers.BooleanField())
    def get_personal_data_masked(self, application: Application) -> bool:
        return not self._in_clear(application)

    @extend_schema_field(serializers.CharField())
    def get_description(self, application: Application) -> str:
        if self._in_clear(application):
            return application.description
        names = [application.name] if application.applicant_type == ApplicantType.NATURAL_PERSON else []
        return scrub_text(application.description, names=names)

    def to_representation(self, application: Application) -> dict:
        data = super().to_representation(application)
        if not self._in_clear(application):
            for field, mask in PERSONAL_MASKS.items():
                if field == "name" and application.applicant_type != ApplicantType.NATURAL_PERSON:
                    continue  # an organisation's name is not personal data
                data[field] = mask(data[field] or "")
        return data


class ApplicationFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Status.choices, help_text="只看这一状态的申请")
    unit = django_filters.CharFilter(field_name="unit__code", help_text="受理机关的单位代码")
    open = django_filters.BooleanFilter(
        field_name="closed_on", lookup_expr="isnull", help_text="true：只看未办结的；false：只看已办结的"
    )
    due_before = django_filters.DateFilter(
        field_name="due_date", lookup_expr="lte", help_text="答复期限在这一天或之前的（临期、逾期清单，配合 open=true）"
    )
    received_from = django_filters.DateFilter(field_name="received_on", lookup_expr="gte", help_text="收到日期起")
    received_to = django_filters.DateFilter(field_name="received_on", lookup_expr="lte", help_text="收到日期止")

    class Meta:
        model = Application
        fields = ["status", "unit", "open", "due_before", "received_from", "received_to"]


class IsStaff(permissions.BasePermission):
    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.is_authenticated and request.user.is_staff)


@extend_schema_view(
    list=extend_schema(
        summary="政府信息公开申请列表",
        description=(
            "仅限工作人员登录后使用（须已完成双因素验证）：本人所属单位受理的申请，督查员可看全部单位，"
            "最新登记的在前；ordering=due_date 按答复期限排序。非受理机关信息员看到的申请人信息已隐去部分。"
        ),
    ),
    retrieve=extend_schema(
        summary="一件政府信息公开申请",
        description="仅限工作人员登录后使用：按编号取一件申请，含中止期间、延期和答复；其他单位的申请答复 404。",
        examples=[OpenApiExample("办理中的申请（督查员所见）", value=APPLICATION_EXAMPLE, response_only=True)],
    ),
)
class ApplicationViewSet(viewsets.ReadOnlyModelViewSet):
    """政府信息公开申请：本单位工作人员可见，督查员可见全部（个人信息隐去部分）。需登录。"""

    serializer_class = ApplicationSerializer
    permission_classes = [IsStaff]
    filterset_class = ApplicationFilter
    filter_backends = [django_filters.rest_framework.DjangoFilterBackend, filters.OrderingFilter]
    ordering_fields = ["due_date", "received_on", "created_at"]

    def get_queryset(self):
        applications = (
            Application.objects.select_related("unit", "registered_at_unit", "extension", "reply")
            .prefetch_related("pauses")
            # Newest registered first by the primary key: its index serves every unit's list and the
            # supervisors' list of every unit (-created_at has no index of its own: a sort of every row).
            .order_by("-pk")
        )
        return scope_queryset(applications, self.request.user)
