"""人大代表建议 and 政协委员提案 assigned to the county government's units, with their replies.

Deputies and members are public figures: their names are shown. The reply is public in full when
it concerns the public interest (the unit marks it, the openness office can require it); otherwise
the public page says why it is not. Dates not known are blank and shown 日期不详, never guessed.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lushan_portal.masking import scrub_text

UNKNOWN_DATE = _("日期不详")
NOT_PUBLIC_INTEREST = _("答复不涉及公共利益，未全文公开。")


class ProposalKind(models.TextChoices):
    SUGGESTION = "suggestion", _("人大代表建议")
    PROPOSAL = "proposal", _("政协委员提案")


class ResultClass(models.TextChoices):
    A = "A", _("A类：所提问题已经解决或基本解决")
    B = "B", _("B类：所提问题正在解决或列入计划逐步解决")
    C = "C", _("C类：所提问题因条件限制暂时不能解决，已说明原因")
    D = "D", _("D类：所提问题留作参考")


class Satisfaction(models.TextChoices):
    UNKNOWN = "", _("未反馈")
    SATISFIED = "satisfied", _("满意")
    BASIC = "basic", _("基本满意")
    DISSATISFIED = "dissatisfied", _("不满意")


class ReplyStatus(models.TextChoices):
    UNPUBLISHED = "unpublished", _("未公开")
    PUBLISHED = "published", _("已公开")
    WITHDRAWN = "withdrawn", _("已撤回")


class Proposal(models.Model):
    year = models.PositiveSmallIntegerField(_("年度"), db_index=True)
    kind = models.CharField(_("类别"), max_length=16, choices=ProposalKind.choices)
    number = models.CharField(_("编号"), max_length=40, help_text=_("如：第 15 号"))
    title = models.CharField(_("标题"), max_length=300)
    proposer = models.CharField(
        _("提出人"), max_length=200, help_text=_("代表、委员姓名（公众人物，可公开）；联名的列出领衔人等")
    )
    session = models.CharField(_("会议"), max_length=120, help_text=_("如：县十七届人大五次会议、县政协十届五次会议"))
    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("主办单位"), on_delete=models.PROTECT, related_name="proposals_led"
    )
    assigned_on = models.DateField(_("交办日期"), null=True, blank=True, help_text=_("不详的留空，显示为“日期不详”"))
    # Stored so that the scans and the public overview are one query: rules.* from assigned_on.
    reassignment_due = models.DateField(_("申请调整承办单位截止日"), null=True, blank=True, editable=False)
    reply_due = models.DateField(_("答复期限"), null=True, blank=True, editable=False)
    reassignment_requested_on = models.DateField(
        _("申请调整承办单位日期"),
        null=True,
        blank=True,
        help_text=_("不属于本单位职责的，在交办后 5 个工作日内申请调整"),
    )
    reassignment_reason = models.TextField(_("申请调整理由"), blank=True)
    extended_until = models.DateField(
        _("延期答复至"), null=True, blank=True, help_text=_("情况复杂经批准延期的，最迟为交办后 6 个月")
    )
    extension_approved_by = models.CharField(_("延期批准单位"), max_length=120, blank=True)
    extension_reason = models.TextField(_("延期理由"), blank=True)
    replied_on = models.DateField(_("答复日期"), null=True, blank=True)
    reply_text = models.TextField(_("答复全文"), blank=True)
    result_class = models.CharField(_("办理结果类别"), max_length=1, choices=ResultClass.choices, blank=True)
    public_interest = models.BooleanField(
        _("涉及公共利益"), default=False, help_text=_("涉及公共利益的答复全文公开（承办单位标注）")
    )
    office_requires_publication = models.BooleanField(
        _("政务公开办要求公开"), default=False, help_text=_("县政务公开主管部门要求全文公开")
    )
    not_published_reason = models.TextField(
        _("不公开答复全文的理由"),
        blank=True,
        help_text=_("留空时，不涉及公共利益的显示“答复不涉及公共利益，未全文公开”"),
    )
    satisfaction = models.CharField(_("提出人意见"), max_length=16, choices=Satisfaction.choices, blank=True)
    dissatisfied_on = models.DateField(_("表示不满意日期"), null=True, blank=True)
    new_reply_due = models.DateField(_("再次答复期限"), null=True, blank=True, editable=False)
    new_replied_on = models.DateField(_("再次答复日期"), null=True, blank=True)
    new_reply_text = models.TextField(_("再次答复全文"), blank=True)
    reply_status = models.CharField(
        _("答复公开状态"), max_length=16, choices=ReplyStatus.choices, default=ReplyStatus.UNPUBLISHED
    )
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True, editable=False)
    corrected_at = models.DateTimeField(_("更正时间"), null=True, blank=True, editable=False)
    correction_note = models.TextField(_("更正说明"), blank=True, editable=False)
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True, editable=False)
    withdrawal_reason = models.TextField(_("撤回理由"), blank=True, editable=False)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("建议提案")
        verbose_name_plural = _("建议提案")
        ordering = ["-year", "kind", "number"]
        constraints = [
            models.UniqueConstraint(fields=["year", "kind", "number"], name="proposal_unique_number"),
            models.CheckConstraint(
                condition=Q(extended_until__isnull=True) | Q(assigned_on__isnull=False),
                name="proposal_extension_needs_assignment",
            ),
        ]
        indexes = [
            # The reply scan: open proposals only.
            models.Index(fields=["reply_due"], condition=Q(replied_on__isnull=True), name="proposal_open_reply"),
        ]

    def __str__(self) -> str:
        return f"{self.year}年{self.get_kind_display()}第{self.number}号 {self.title}"

    @property
    def concerns_public(self) -> bool:
        return self.public_interest or self.office_requires_publication

    @property
    def is_public(self) -> bool:
        return self.reply_status == ReplyStatus.PUBLISHED

    @property
    def effective_due(self):
        return self.extended_until or self.reply_due

    @property
    def replied_on_time(self) -> bool | None:
        """None while unanswered or when the assignment date is unknown."""
        if self.replied_on is None or self.effective_due is None:
            return None
        return self.replied_on <= self.effective_due

    @property
    def public_reply_text(self) -> str:
        """The reply as the public reads it: a citizen's phone or ID number quoted in it is masked."""
        return scrub_text(self.reply_text)

    @property
    def public_new_reply_text(self) -> str:
        return scrub_text(self.new_reply_text)

    @property
    def public_note(self) -> str:
        """Why the reply is not on the public page."""
        if self.reply_status == ReplyStatus.WITHDRAWN:
            return str(_("答复已撤回：%(reason)s") % {"reason": self.withdrawal_reason})
        if self.replied_on is None:
            return str(_("尚未答复。"))
        if self.not_published_reason:
            return self.not_published_reason
        if not self.concerns_public:
            return str(NOT_PUBLIC_INTEREST)
        return str(_("答复全文正在审查，审查后公开。"))


class ProposalCoUnit(models.Model):
    """A co-unit (协办单位) and its opinion to the lead unit, due a month after assignment."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("建议提案"), on_delete=models.CASCADE, related_name="co_units"
    )
    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("协办单位"), on_delete=models.PROTECT, related_name="proposals_assisted"
    )
    opinion_due = models.DateField(_("协办意见期限"), null=True, blank=True, editable=False)
    opinion_sent_on = models.DateField(_("协办意见送达主办单位日期"), null=True, blank=True)
    opinion = models.TextField(_("协办意见"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("协办单位意见")
        verbose_name_plural = _("协办单位意见")
        ordering = ["proposal", "unit__sort_order"]
        constraints = [models.UniqueConstraint(fields=["proposal", "unit"], name="proposal_co_unit_once")]

    def __str__(self) -> str:
        return f"{self.proposal} · {self.unit}"

    def clean(self) -> None:
        if self.proposal_id and self.unit_id and self.unit_id == self.proposal.unit_id:
            raise ValidationError({"unit": _("主办单位不能同时作为协办单位。")})
