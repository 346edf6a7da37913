"""The mailbox in the admin: mailboxes; messages handled by the unit holding them (accept, refer,
extend, mark invalid, draft and send a reply, publish, withdraw) — each step one service, refused
with a message on the form; replies with their 公开审查 (review page) before they are sent."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from interaction import mailbox_services as services
from interaction import rules
from interaction.mailbox_selectors import scrubbed
from interaction.models import Mailbox, Message, MessageStatus, Referral, Reply
from lushan_portal.masking import scrub_text
from lushan_portal.personal_data import REVEAL_LINK, PersonalDataAdminMixin, mask_middle, masker
from organizations.models import Unit
from organizations.scoping import UnitScopedAdminMixin
from publication_review.admin import ReviewAdminMixin

ERROR_REFER_TO = "请选择转交的单位。"
ERROR_NO_DRAFT = "没有待发送的答复：请先起草答复，并在答复的“公开审查”页记录审查结论。"


@admin.register(Mailbox)
class MailboxAdmin(UnitScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ("name", "code", "kind", "unit", "is_open", "sort_order")
    list_filter = ("kind", "is_open")
    list_select_related = ("unit",)
    search_fields = ("name", "code")

    def get_readonly_fields(self, request: HttpRequest, obj: Mailbox | None = None) -> list:
        # Only superusers move a mailbox (its messages' first responder) or change its address.
        readonly = [] if request.user.is_superuser else ["code", "kind", "unit"]
        return [*super().get_readonly_fields(request, obj), *readonly]

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False  # closed (接收来信 off), never deleted: its letters stay published


class Action:
    ACCEPT, REFER, EXTEND, INVALID = "accept", "refer", "extend", "invalid"
    DRAFT, SEND, PUBLISH, WITHDRAW = "draft", "send", "publish", "withdraw"
    CHOICES = [
        ("", "——"),
        (ACCEPT, _("受理")),
        (REFER, _("转交其他单位（不属于本单位职责）")),
        (EXTEND, _("延期答复（复杂事项，须告知办理进展）")),
        (INVALID, _("不予受理（无效留言）")),
        (DRAFT, _("起草答复")),
        (SEND, _("发送答复给留言人（须已审查）")),
        (PUBLISH, _("公开到信箱页面（须留言人同意）")),
        (WITHDRAW, _("撤回公开")),
    ]


class HandlingForm(forms.ModelForm):
    """One step per save. The step runs in clean() so that a refusal shows on this form in Chinese."""

    action = forms.ChoiceField(label=_("办理"), choices=Action.CHOICES, required=False)
    refer_to = forms.ModelChoiceField(label=_("转交至"), queryset=Unit.objects.filter(is_active=True), required=False)
    reason = forms.CharField(
        label=_("理由"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("转交、延期、不予受理、撤回公开须写明理由；转交理由会告知留言人。"),
    )
    progress = forms.CharField(
        label=_("告知留言人的办理进展（延期时）"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    reply_body = forms.CharField(label=_("答复内容"), widget=forms.Textarea(attrs={"rows": 8}), required=False)
    user = None  # set per request by MessageAdmin.get_form

    class Meta:
        model = Message
        fields: list[str] = []

    def clean(self) -> dict:
        cleaned = super().clean()
        action, message, by = cleaned.get("action"), self.instance, self.user
        reason = cleaned.get("reason", "")
        try:
            if action == Action.ACCEPT:
                services.message_accept(message=message, by=by)
            elif action == Action.REFER:
                if cleaned.get("refer_to") is None:
                    raise ValidationError({"refer_to": _(ERROR_REFER_TO)})
                services.message_refer(message=message, to_unit=cleaned["refer_to"], reason=reason, by=by)
            elif action == Action.EXTEND:
                progress = cleaned.get("progress", "")
                services.message_extend(message=message, reason=reason, progress_note=progress, by=by)
            elif action == Action.INVALID:
                services.message_mark_invalid(message=message, reason=reason, by=by)
            elif action == Action.DRAFT:
                body = cleaned.get("reply_body", "")
                try:
                    services.reply_draft(message=message, body=body, by=by)
                except ValidationError as error:
                    raise ValidationError({"reply_body": error.messages}) from None
            elif action == Action.SEND:
                draft = message.replies.filter(sent_at__isnull=True).order_by("-pk").first()
                if draft is None:
                    raise ValidationError(_(ERROR_NO_DRAFT))
                services.reply_send(reply=draft, by=by)
            elif action == Action.PUBLISH:
                services.message_publish(message=message, by=by)
            elif action == Action.WITHDRAW:
                services.message_withdraw_publication(message=message, reason=reason, by=by)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                # The services name "reason" and "refer_to" as this form does; other fields go on top.
                known = {k: v for k, v in error.error_dict.items() if k in self.fields}
                others = [m for k, v in error.error_dict.items() if k not in self.fields for m in v]
                raise ValidationError({**known, **({"__all__": others} if others else {})}) from None
            raise
        return cleaned


class ReferralInline(admin.TabularInline):
    model = Referral
    extra = 0
    can_delete = False
    fields = ("referred_on", "from_unit", "to_unit", "reason", "referred_by")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


class ReplyInline(admin.TabularInline):
    model = Reply
    extra = 0
    can_delete = False
    fields = ("reply_link", "body", "created_by", "sent_on", "rating")
    readonly_fields = fields

    @admin.display(description=_("答复与审查"))
    def reply_link(self, reply: Reply) -> str:
        url = reverse("admin:interaction_reply_change", args=[reply.pk])
        return format_html('<a href="{}">{}</a>', url, _("打开（公开审查）"))

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


def _mask_name(value: str) -> str:
    return mask_middle(value, 1, 0)


@admin.register(Message)
class MessageAdmin(PersonalDataAdminMixin, UnitScopedAdminMixin, SimpleHistoryAdmin):
    personal_fields = {"name": _mask_name, "contact": masker(3, 2), "body": scrub_text}
    form = HandlingForm
    inlines = [ReferralInline, ReplyInline]
    list_display = (
        "reference", "subject", "mailbox", "category", "unit", "first_unit", "received_on", "status",
        "due", "overdue", "red_line", "published",
    )  # fmt: skip
    list_filter = ("status", "category", "mailbox", "consent_publication", "referred")
    list_select_related = ("mailbox", "unit", "first_unit")
    search_fields = ("reference", "subject")
    date_hierarchy = "received_on"
    fieldsets = [
        (_("留言"), {"fields": ["reference", "mailbox", "category", "subject", "body", "name", "contact"]}),
        (_("首问负责"), {"fields": ["first_unit", "unit", "status", "received_at", "accept_due", "accepted_on"]}),
        (
            _("答复期限"),
            {"fields": ["reply_due", "extended", "extension_reason", "progress_note", "red_line_on", "reopened_count"]},
        ),
        (
            _("答复与公开"),
            {
                "fields": [
                    "first_answered_on",
                    "answered_on",
                    "consent_publication",
                    "published_at",
                    "withdrawal_reason",
                ]
            },
        ),
        (_("办理"), {"fields": ["action", "refer_to", "reason", "progress", "reply_body"]}),
    ]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.masked_body = self.body_masked  # the writer's own name is taken out too, not only numbers

    @admin.display(description=_("留言内容"))
    def body_masked(self, message: Message) -> str:
        masked = scrubbed(message, message.body)
        if masked == message.body:
            return linebreaksbr(masked)
        return format_html('{} <a href="{}">{}</a>', linebreaksbr(masked), self._reveal_url(message), REVEAL_LINK)

    def get_form(self, request: HttpRequest, obj: Message | None = None, **kwargs: object) -> type:
        form = super().get_form(request, obj, **kwargs)
        form.user = request.user  # a fresh class per request: the step runs as this user
        return form

    def get_fieldsets(self, request: HttpRequest, obj: Message | None = None) -> list:
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and obj.status == MessageStatus.INVALID:
            fieldsets = [*fieldsets[:-1], (_("不予受理"), {"fields": ["invalid_reason"]})]
        return fieldsets

    def get_readonly_fields(self, request: HttpRequest, obj: Message | None = None) -> list:
        # The writer's letter is kept as written: staff read it (personal data per the mixin), never edit it.
        readonly = [
            "reference", "mailbox", "category", "subject", "body", "name", "contact", "first_unit", "unit",
            "status", "received_at", "accept_due", "accepted_on", "reply_due", "extended", "extension_reason",
            "progress_note", "red_line_on", "reopened_count", "first_answered_on", "answered_on", "consent_publication",
            "published_at", "withdrawal_reason", "invalid_reason",
        ]  # fmt: skip
        return [*super().get_readonly_fields(request, obj), *readonly]

    @admin.display(description=_("当前期限"))
    def due(self, message: Message) -> object:
        if message.status == MessageStatus.RECEIVED:
            return message.accept_due
        return message.reply_due if message.status == MessageStatus.ACCEPTED else "—"

    @admin.display(description=_("逾期"), boolean=True)
    def overdue(self, message: Message) -> bool:
        today = timezone.localdate()
        if message.status == MessageStatus.RECEIVED:
            return rules.is_overdue(message.accept_due, today)
        return message.status == MessageStatus.ACCEPTED and rules.is_overdue(message.reply_due, today)

    @admin.display(description=_("超三个月红线"), boolean=True)
    def red_line(self, message: Message) -> bool:
        if message.status == MessageStatus.INVALID:
            return False
        return rules.past_red_line(message.received_on, message.first_answered_on, timezone.localdate())

    @admin.display(description=_("已公开"), boolean=True)
    def published(self, message: Message) -> bool:
        return message.is_public

    def has_add_permission(self, request: HttpRequest, *args: object) -> bool:
        return False  # letters come from the public form

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False  # marked invalid or withdrawn with a reason, never deleted

    def save_model(self, request: HttpRequest, obj: Message, form: forms.ModelForm, change: bool) -> None:
        """The step ran in the form's clean() through its service; the stale instance is not written back."""


@admin.register(Reply)
class ReplyAdmin(ReviewAdminMixin, UnitScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ("__str__", "unit", "created_by", "created_at", "sent_on", "rating")
    list_select_related = ("message", "unit", "created_by")
    list_filter = ("rating",)
    fields = ("message_link", "unit", "body", "created_by", "created_at", "sent_on", "sent_by", "rating")

    @admin.display(description=_("留言"))
    def message_link(self, reply: Reply) -> str:
        url = reverse("admin:interaction_message_change", args=[reply.message_id])
        return format_html('<a href="{}">{}</a>', url, reply.message)

    def get_readonly_fields(self, request: HttpRequest, obj: Reply | None = None) -> list:
        readonly = ["message_link", "unit", "created_by", "created_at", "sent_on", "sent_by", "rating"]
        if obj is not None and obj.sent_at is not None:
            readonly.append("body")  # what the writer received is not changed afterwards
        return [*super().get_readonly_fields(request, obj), *readonly]

    def has_add_permission(self, request: HttpRequest, *args: object) -> bool:
        return False  # drafted from the message's page

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False
