from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from decisions import rules
from lushan_portal.attachments import validate_attachment
from lushan_portal.crypto import EncryptedTextField


class Stage(models.TextChoices):
    CLASSIFIED = "classified", _("涉密事项")
    LISTED = "listed", _("已列入目录")
    UPCOMING = "upcoming", _("即将公开征求意见")
    OPEN = "open", _("正在征求意见")
    CLOSED = "closed", _("征求意见已结束")
    FEEDBACK = "feedback", _("已公布意见采纳情况")
    DECIDED = "decided", _("已作出决策")
    EVALUATED = "evaluated", _("已开展决策后评估")


class MajorDecision(models.Model):
    """An entry of the year's major administrative decision catalog (重大行政决策事项目录)."""

    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("决策单位"), on_delete=models.PROTECT, related_name="major_decisions"
    )
    year = models.PositiveSmallIntegerField(_("目录年度"))
    title = models.CharField(_("决策事项"), max_length=300)
    summary = models.TextField(_("事项概要"), blank=True)
    classified = models.BooleanField(
        _("涉密"), default=False, help_text=_("涉密事项不公开征求意见，目录只显示存在该事项")
    )
    draft_text = models.TextField(_("决策草案"), blank=True)
    explanation = models.TextField(_("起草说明"), blank=True)
    basis = models.TextField(_("决策依据"), blank=True)
    how_to_comment = models.TextField(_("意见提交方式"), blank=True, help_text=_("除网上提交外的信函、电子邮件等方式"))
    opens_on = models.DateField(_("征求意见开始日期"), null=True, blank=True)
    closes_on = models.DateField(_("征求意见截止日期"), null=True, blank=True, help_text=_("含当日"))
    shortened_reason = models.TextField(_("征求意见期限少于30日的理由"), blank=True)
    feedback_due = models.DateField(_("采纳情况应公布日期"), null=True, blank=True, editable=False)
    report_received = models.PositiveIntegerField(_("收到意见数"), null=True, blank=True)
    report_adopted = models.PositiveIntegerField(_("采纳意见数"), null=True, blank=True)
    report_not_adopted = models.PositiveIntegerField(_("未采纳意见数"), null=True, blank=True)
    report_main_views = models.TextField(_("主要观点"), blank=True)
    report_reasons = models.TextField(_("未采纳理由"), blank=True)
    feedback_published_at = models.DateTimeField(_("采纳情况公布时间"), null=True, blank=True, editable=False)
    decided_on = models.DateField(_("作出决策日期"), null=True, blank=True)
    evaluated_on = models.DateField(_("决策后评估日期"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("重大行政决策")
        verbose_name_plural = _("重大行政决策")
        ordering = ["-year", "unit__sort_order", "id"]
        indexes = [
            models.Index(fields=["closes_on"], condition=Q(classified=False), name="decision_window_idx"),
            models.Index(
                fields=["feedback_due"], condition=Q(feedback_published_at__isnull=True), name="decision_feedback_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("decisions:consultation", args=[self.pk])

    @property
    def window_days(self) -> int | None:
        if self.opens_on and self.closes_on:
            return rules.window_days(self.opens_on, self.closes_on)
        return None

    @property
    def is_shortened(self) -> bool:
        return self.window_days is not None and self.window_days < rules.MIN_COMMENT_DAYS

    def stage(self, now=None) -> Stage:
        """The stage follows the dates and the records: nobody has to move it along."""
        from django.utils import timezone

        now = now or timezone.now()
        if self.classified:
            return Stage.CLASSIFIED
        if self.evaluated_on:
            return Stage.EVALUATED
        if self.decided_on:
            return Stage.DECIDED
        if self.feedback_published_at:
            return Stage.FEEDBACK
        if self.opens_on and self.closes_on:
            if now < rules.opening_moment(self.opens_on):
                return Stage.UPCOMING
            return Stage.OPEN if now < rules.closing_moment(self.closes_on) else Stage.CLOSED
        return Stage.LISTED


class DecisionAttachment(models.Model):
    decision = models.ForeignKey(MajorDecision, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("文件"), upload_to="decisions/%Y/", validators=[validate_attachment])
    title = models.CharField(_("名称"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    def __str__(self) -> str:
        return self.title or self.file.name.rsplit("/", 1)[-1]


class Hearing(models.Model):
    decision = models.ForeignKey(MajorDecision, on_delete=models.CASCADE, related_name="hearings")
    held_at = models.DateTimeField(_("听证时间"))
    place = models.CharField(_("地点"), max_length=200)
    participants = models.TextField(_("参加人名单（公开）"))
    materials_sent_on = models.DateField(_("材料送达参加人日期"))

    class Meta:
        verbose_name = _("听证会")
        verbose_name_plural = _("听证会")
        ordering = ["held_at"]

    def __str__(self) -> str:
        return f"{self.held_at:%Y-%m-%d} {self.place}"

    @property
    def materials_in_time(self) -> bool:
        from django.utils import timezone

        return rules.materials_in_time(self.materials_sent_on, timezone.localdate(self.held_at))


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    APPROVED = "approved", _("已公开")
    REJECTED = "rejected", _("不予公开")


class Comment(models.Model):
    """A citizen's comment. Name and contact are for the unit only: never in any public output."""

    decision = models.ForeignKey(
        MajorDecision, verbose_name=_("决策事项"), on_delete=models.PROTECT, related_name="comments"
    )
    body = models.TextField(_("意见"), max_length=rules.MAX_COMMENT_LENGTH)
    # Encrypted at rest and erased COMMENT_CONTACT_RETENTION_DAYS after the feedback report.
    name = EncryptedTextField(_("姓名（不公开）"), blank=True)
    contact = EncryptedTextField(_("联系方式（不公开）"), blank=True)
    contact_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    fingerprint = models.CharField(max_length=40, editable=False, db_index=True)
    status = models.CharField(
        _("审核状态"), max_length=16, choices=CommentStatus.choices, default=CommentStatus.PENDING
    )
    rejection_reason = models.CharField(_("不予公开理由"), max_length=300, blank=True)
    submitted_at = models.DateTimeField(_("提交时间"), auto_now_add=True)
    moderated_at = models.DateTimeField(_("审核时间"), null=True, blank=True, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False
    )
    history = HistoricalRecords(excluded_fields=["name", "contact"])

    class Meta:
        verbose_name = _("公众意见")
        verbose_name_plural = _("公众意见")
        ordering = ["submitted_at", "id"]
        indexes = [models.Index(fields=["decision", "status"], name="comment_decision_status_idx")]

    def __str__(self) -> str:
        return self.body[:40]


class Meeting(models.Model):
    """A government meeting that stakeholders, public representatives, experts or media attended."""

    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("单位"), on_delete=models.PROTECT, related_name="meetings"
    )
    held_on = models.DateField(_("会议日期"))
    subject = models.CharField(_("会议议题"), max_length=300)
    stakeholders = models.PositiveSmallIntegerField(_("利益相关方（人）"), default=0)
    public_representatives = models.PositiveSmallIntegerField(_("公众代表（人）"), default=0)
    experts = models.PositiveSmallIntegerField(_("专家学者（人）"), default=0)
    media = models.PositiveSmallIntegerField(_("媒体（家）"), default=0)
    attendees = models.TextField(_("列席人员"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("利益相关方列席会议")
        verbose_name_plural = _("利益相关方列席会议")
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.held_on} {self.subject}"

    @property
    def attended(self) -> int:
        return self.stakeholders + self.public_representatives + self.experts + self.media
