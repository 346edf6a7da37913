"""Staff API of mailbox messages (/api/letters/): read-only, never public, scoped like the admin.

The writer's name and contact are not in it; the message text is scrubbed of personal data except
for the editors of the unit holding the message (lushan_portal.personal_data).
"""

import django_filters
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import permissions, serializers, viewsets

from interaction.mailbox_selectors import messages_for, scrubbed
from interaction.models import Category, Message, MessageStatus
from lushan_portal.pagination import LargeListCursor
from lushan_portal.personal_data import enters_personal_data

MESSAGE_EXAMPLE = {
    "id": 2,
    "reference": "LY20261112000002",
    "mailbox": "county-head",
    "category": "consult",
    "subject": "父母年满80岁，高龄津贴怎么申领",
    "body": "我父亲今年满80周岁，户口在琴台街道，请问高龄津贴需要到哪里申请？",
    "first_unit": "gov-office",
    "unit": "civil-affairs",
    "referred": True,
    "status": "answered",
    "received_on": "2026-11-12",
    "accept_due": "2026-11-16",
    "accepted_on": "2026-11-13",
    "reply_due": "2026-11-20",
    "extended": False,
    "red_line_on": "2027-02-12",
    "first_answered_on": "2026-11-18",
    "first_answer_on_time": True,
    "consent_publication": True,
    "published": True,
}


class MailboxMessageSerializer(serializers.ModelSerializer):
    mailbox = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="信箱代码")
    first_unit = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="首问单位代码（收信单位）")
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="当前承办单位代码")
    body = serializers.SerializerMethodField(help_text="留言内容（非承办单位信息员看到的已隐去个人信息）")
    published = serializers.SerializerMethodField(help_text="是否已在信箱页面公开")

    class Meta:
        model = Message
        fields = [
            "id", "reference", "mailbox", "category", "subject", "body", "first_unit", "unit", "referred", "status",
            "received_on", "accept_due", "accepted_on", "reply_due", "extended", "red_line_on", "first_answered_on",
            "first_answer_on_time", "consent_publication", "published",
        ]  # fmt: skip
        extra_kwargs = {
            "id": {"help_text": "留言的内部编号"},
            "reference": {"help_text": "告知留言人的留言编号"},
            "category": {"help_text": "类别：consult 咨询，suggest 建议，complain 投诉，help 求助"},
            "subject": {"help_text": "标题"},
            "referred": {"help_text": "是否经过转交"},
            "status": {"help_text": "状态：received 待受理，accepted 办理中，answered 已答复，invalid 不予受理"},
            "received_on": {"help_text": "收到日期"},
            "accept_due": {"help_text": "受理或转交期限（本单位收到后第2个工作日）"},
            "accepted_on": {"help_text": "受理日期；未受理为 null"},
            "reply_due": {"help_text": "答复期限；未受理为 null"},
            "extended": {"help_text": "是否已延期"},
            "red_line_on": {"help_text": "三个月红线：此日之后仍未答复即构成网站普查单项否决"},
            "first_answered_on": {"help_text": "首次答复日期；未答复为 null"},
            "first_answer_on_time": {"help_text": "首次答复是否按期；未答复为 null"},
            "consent_publication": {"help_text": "留言人是否同意公开"},
        }

    @extend_schema_field(serializers.CharField())
    def get_body(self, message: Message) -> str:
        if enters_personal_data(self.context["request"].user, message.unit_id):
            return message.body
        return scrubbed(message, message.body)

    @extend_schema_field(serializers.BooleanField())
    def get_published(self, message: Message) -> bool:
        return message.is_public


class MessageFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=MessageStatus.choices, help_text="只看这一状态的留言")
    category = django_filters.ChoiceFilter(choices=Category.choices, help_text="只看这一类别的留言")
    mailbox = django_filters.CharFilter(field_name="mailbox__code", help_text="只看这一信箱（信箱代码）的留言")

    class Meta:
        model = Message
        fields = ["status", "category", "mailbox"]


class NewestFirst(LargeListCursor):
    """Newest letters first, on message_newest_idx / message_unit_newest_idx: no COUNT(*) over the letters."""

    ordering = ("-received_at", "-id")


@extend_schema_view(
    list=extend_schema(
        summary="信箱留言列表",
        description=(
            "仅限工作人员登录后使用：本单位承办的留言及其期限（督查员可看全部单位），收到时间最新的在前；"
            "不含留言人姓名和联系方式。不返回总数：用回答中的 next 链接（cursor 参数）翻页。"
        ),
    ),
    retrieve=extend_schema(
        summary="一条信箱留言",
        description="仅限工作人员登录后使用：按编号取一条留言及其受理、转交、答复期限。",
        examples=[OpenApiExample("经转交后答复并公开的留言", value=MESSAGE_EXAMPLE, response_only=True)],
    ),
)
class MessageViewSet(viewsets.ReadOnlyModelViewSet):
    """信箱留言：本单位工作人员可见，督查员可见全部。需登录。"""

    serializer_class = MailboxMessageSerializer
    permission_classes = [permissions.IsAuthenticated]
    filterset_class = MessageFilter
    pagination_class = NewestFirst

    def get_queryset(self):
        return messages_for(self.request.user)
