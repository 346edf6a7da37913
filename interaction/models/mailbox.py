"""The public mailbox (县长信箱, 部门信箱, 咨询留言): mailboxes, messages, referrals and replies.

A message belongs to the mailbox it was written to; the unit that holds it (``unit``) changes only
by a recorded referral, and the first responder (``first_unit``) never changes. The writer's name
and contact are encrypted and kept out of history; what the public sees is built once, masked, at
publication (``public_*``), never from the stored text at request time.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lushan_portal.crypto import EncryptedTextField

# /letters/received/ and /letters/status/ are pages of the mailbox section, not mailboxes.
RESERVED_CODES = frozenset({"received", "status"})


class MailboxKind(models.TextChoices):
    COUNTY_HEAD = "county_head", _("县长信箱")
    UNIT = "unit", _("部门信箱")
    CONSULTATION = "consultation", _("咨询留言")


class Mailbox(models.Model):
    """A channel citizens write to; its unit is the first responder of every message it receives."""

    code = models.SlugField(_("代码"), max_length=64, unique=True, help_text=_("网址中的短代码，启用后请勿修改。"))
    name = models.CharField(_("名称"), max_length=100)
    kind = models.CharField(_("类型"), max_length=16, choices=MailboxKind.choices)
    unit = models.ForeignKey(
        "organizations.Unit",
        verbose_name=_("受理单位（首问负责）"),
        on_delete=models.PROTECT,
        related_name="mailboxes",
    )
    description = models.TextField(_("说明"), blank=True, help_text=_("在信箱页面上显示：受理范围、办理时限等。"))
    is_open = models.BooleanField(_("接收来信"), default=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=100)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("信箱")
        verbose_name_plural = _("信箱")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("interaction:mailbox", args=[self.code])

    def clean(self) -> None:
        if self.code in RESERVED_CODES:
            raise ValidationError({"code": _("“%(code)s”是信箱栏目自用的网址，请换一个代码。") % {"code": self.code}})


class Category(models.TextChoices):
    # 信访 and 举报 are not among them: they have their own statutory channels (the form explains).
    CONSULT = "consult", _("咨询")
    SUGGEST = "suggest", _("建议")
    COMPLAIN = "complain", _("投诉")
    HELP = "help", _("求助")


class MessageStatus(models.TextChoices):
    RECEIVED = "received", _("待受理")
    ACCEPTED = "accepted", _("办理中")
    ANSWERED = "answered", _("已答复")
    INVALID = "invalid", _("不予受理（无效留言）")


OPEN_STATUSES = (MessageStatus.RECEIVED, MessageStatus.ACCEPTED)


class Rating(models.TextChoices):
    SATISFIED = "satisfied", _("满意")
    DISSATISFIED = "dissatisfied", _("不满意")


class Message(models.Model):
    mailbox = models.ForeignKey(Mailbox, verbose_name=_("信箱"), on_delete=models.PROTECT, related_name="messages")
    reference = models.CharField(_("留言编号"), max_length=20, unique=True, null=True, blank=True, editable=False)
    query_code_hash = models.CharField(max_length=64, blank=True, editable=False)
    category = models.CharField(_("类别"), max_length=16, choices=Category.choices)
    subject = models.CharField(_("标题"), max_length=100)
    body = models.TextField(_("留言内容"))
    name = EncryptedTextField(_("姓名（不公开）"), blank=True)
    contact = EncryptedTextField(_("联系方式（不公开）"), blank=True)
    consent_publication = models.BooleanField(_("同意公开"), default=False)
    received_at = models.DateTimeField(_("收到时间"))
    received_on = models.DateField(_("收到日期"), help_text=_("县时间，受理期限和三个月红线由此起算"))
    first_unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("首问单位"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("承办单位"), on_delete=models.PROTECT, related_name="mailbox_messages"
    )
    status = models.CharField(_("状态"), max_length=16, choices=MessageStatus.choices, default=MessageStatus.RECEIVED)
    assigned_on = models.DateField(_("本单位收到日期"), help_text=_("收到留言或被转交的日期"))
    accept_due = models.DateField(_("受理或转交期限"))
    accepted_on = models.DateField(_("受理日期"), null=True, blank=True)
    reply_started_on = models.DateField(_("答复期限起算日"), null=True, blank=True)
    reply_due = models.DateField(_("答复期限"), null=True, blank=True)
    extended = models.BooleanField(_("已延期"), default=False)
    extension_reason = models.TextField(_("延期理由"), blank=True)
    progress_note = models.TextField(_("告知留言人的办理进展"), blank=True)
    red_line_on = models.DateField(_("三个月红线"), help_text=_("此日之后仍未答复即构成网站普查的单项否决"))
    first_answered_on = models.DateField(_("首次答复日期"), null=True, blank=True)
    first_answer_on_time = models.BooleanField(_("首次答复按期"), null=True, blank=True)
    referred = models.BooleanField(_("经过转交"), default=False)
    answer_working_days = models.PositiveIntegerField(_("答复用时（工作日）"), null=True, blank=True)
    answered_on = models.DateField(_("最近答复日期"), null=True, blank=True)
    reopened_count = models.PositiveSmallIntegerField(_("不满意重办次数"), default=0)
    invalid_reason = models.TextField(_("不予受理理由"), blank=True)
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)
    public_subject = models.CharField(_("公开的标题"), max_length=100, blank=True)
    public_body = models.TextField(_("公开的留言（已隐去个人信息）"), blank=True)
    public_answer = models.TextField(_("公开的答复（已隐去个人信息）"), blank=True)
    public_answered_on = models.DateField(_("公开的答复日期"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("撤回公开时间"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("撤回公开理由"), blank=True)
    contact_erased_at = models.DateTimeField(_("个人信息删除时间"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["name", "contact", "query_code_hash"])

    class Meta:
        verbose_name = _("留言")
        verbose_name_plural = _("留言")
        ordering = ["-received_at", "-pk"]
        indexes = [
            # The daily scans: messages waiting to be accepted, and accepted ones waiting for a reply.
            models.Index(fields=["accept_due"], condition=Q(status="received"), name="message_accept_due_idx"),
            models.Index(fields=["reply_due"], condition=Q(status="accepted"), name="message_reply_due_idx"),
            # The red-line scan and the self-inspection: valid messages never answered.
            models.Index(
                fields=["red_line_on"],
                condition=Q(first_answered_on__isnull=True) & ~Q(status="invalid"),
                name="message_red_line_idx",
            ),
            # The mailbox page: its published letters, newest first.
            models.Index(
                fields=["mailbox", "-published_at"],
                condition=Q(published_at__isnull=False, withdrawn_at__isnull=True),
                name="message_public_idx",
            ),
            # The staff API's newest-first pages (a cursor on these columns), for a unit and for all.
            models.Index(fields=["unit", "-received_at", "-id"], name="message_unit_newest_idx"),
            models.Index(fields=["-received_at", "-id"], name="message_newest_idx"),
            # The mailbox page's monthly statistics: one range scan per mailbox.
            models.Index(fields=["mailbox", "received_on"], name="message_mailbox_month_idx"),
        ]

    def __str__(self) -> str:
        return _("留言 %(reference)s") % {"reference": self.reference or "—"}

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_public(self) -> bool:
        return self.published_at is not None and self.withdrawn_at is None


class Referral(models.Model):
    """A message handed to the responsible unit: recorded, never a silent change of unit."""

    message = models.ForeignKey(Message, verbose_name=_("留言"), on_delete=models.PROTECT, related_name="referrals")
    from_unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("转出单位"), on_delete=models.PROTECT, related_name="+"
    )
    to_unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("转至单位"), on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("转交理由"))
    referred_at = models.DateTimeField(_("转交时间"))
    referred_on = models.DateField(_("转交日期"))
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("经办人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("转交记录")
        verbose_name_plural = _("转交记录")
        ordering = ["referred_at", "pk"]

    def __str__(self) -> str:
        return _("%(from)s 转 %(to)s") % {"from": self.from_unit, "to": self.to_unit}


class Reply(models.Model):
    """A reply written in the admin, reviewed (公开审查) before it is sent to the writer."""

    message = models.ForeignKey(Message, verbose_name=_("留言"), on_delete=models.PROTECT, related_name="replies")
    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("答复单位"), on_delete=models.PROTECT, related_name="+"
    )
    body = models.TextField(_("答复内容"))
    created_at = models.DateTimeField(_("起草时间"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("起草人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(_("发送时间"), null=True, blank=True)
    sent_on = models.DateField(_("答复日期"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发送人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rating = models.CharField(_("留言人评价"), max_length=16, choices=Rating.choices, blank=True)
    rated_at = models.DateTimeField(_("评价时间"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("留言答复")
        verbose_name_plural = _("留言答复")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return _("%(message)s 的答复") % {"message": self.message}
