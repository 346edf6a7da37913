from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from decisions import rules, wording
from lushan_portal.attachments import validate_attachment
from lushan_portal.crypto import EncryptedTextField
from lushan_portal.links import record_url
from lushan_portal.masking import find_personal_data, finding_kinds


class Stage(models.TextChoices):
    CLASSIFIED = "classified", _("涉密事项")
    LISTED = "listed", _("已列入目录")
    UPCOMING = "upcoming", _("即将公开征求意见")
    OPEN = "open", _("正在征求意见")
    CLOSED = "closed", _("征求意见已结束")
    FEEDBACK = "feedback", _("已公布意见采纳情况")
    DECIDED = "decided", _("已作出决策")
    EVALUATED = "evaluated", _("已开展决策后评估")


class Kind(models.TextChoices):
    DRAFT = "draft", _("决策草案征求意见")
    CATALOG_CALL = "catalog_call", _("决策事项目录征集")


class WindowForm(models.TextChoices):
    """How the notice words its window; the first and last days are derived from it."""

    PERIOD = "period", _("起止日期（如“11月1日至11月30日”）")
    FROM_PUBLICATION = "from_publication", _("即日起至某日（开始日期为发布日期）")
    BEFORE = "before", _("某日前（最后一日为该日前一日）")


class MajorDecision(models.Model):
    """An entry of the year's major administrative decision catalog (重大行政决策事项目录),
    or a call for proposals for that catalog (kind CATALOG_CALL; ``year`` is the catalog it feeds).

    ``title`` is the subject (决策事项); the notice's title is ``notice_title`` or built from it.
    Original dates (published_on, opens_on, closes_on, report_published_on) may be unknown (null)
    for records entered after the fact; ``entered_at`` is when the record reached this portal.
    """

    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("决策单位"), on_delete=models.PROTECT, related_name="major_decisions"
    )
    kind = models.CharField(_("类别"), max_length=16, choices=Kind.choices, default=Kind.DRAFT)
    year = models.PositiveSmallIntegerField(_("目录年度"), help_text=_("目录征集：所征集的目录年度"))
    title = models.CharField(_("决策事项"), max_length=300, blank=True)
    notice_title = models.CharField(
        _("公告标题"), max_length=300, blank=True, help_text=_("留空则按决策事项生成：关于《…》公开征求意见")
    )
    entered_after_fact = models.BooleanField(
        _("事后录入"), default=False, help_text=_("征求意见未在本网站进行，依原公告事后录入；日期和数量可以不详")
    )
    published_on = models.DateField(_("公告发布日期"), null=True, blank=True, help_text=_("原公告日期，不详则留空"))
    entered_at = models.DateTimeField(_("录入本网站时间"), null=True, editable=False)
    summary = models.TextField(_("事项概要"), blank=True)
    classified = models.BooleanField(
        _("涉密"), default=False, help_text=_("涉密事项不公开征求意见，目录只显示存在该事项")
    )
    draft_text = models.TextField(_("决策草案"), blank=True)
    explanation = models.TextField(_("起草说明"), blank=True)
    basis = models.TextField(_("决策依据"), blank=True)
    how_to_comment = models.TextField(_("意见提交方式"), blank=True, help_text=_("除网上提交外的信函、电子邮件等方式"))
    window_form = models.CharField(
        _("期限表述方式"), max_length=20, choices=WindowForm.choices, default=WindowForm.PERIOD
    )
    window_wording = models.CharField(
        _("期限原文"), max_length=200, blank=True, help_text=_("照录公告原文，如“即日起至12月10日”“2020年11月28日前”")
    )
    opens_on = models.DateField(
        _("征求意见开始日期"), null=True, blank=True, help_text=_("“即日起”：不填，取公告发布日期")
    )
    closes_on = models.DateField(
        _("征求意见截止日期"), null=True, blank=True, help_text=_("最后一日，含当日；“某日前”：不填，按前一日计")
    )
    ends_before = models.DateField(_("原文“某日前”的日期"), null=True, blank=True, help_text=_("仅“某日前”填写"))
    shortened_reason = models.TextField(_("征求意见期限少于30日的理由"), blank=True)
    feedback_due = models.DateField(_("采纳情况应公布日期"), null=True, blank=True, editable=False)
    report_received = models.PositiveIntegerField(_("收到意见数"), null=True, blank=True)
    report_adopted = models.PositiveIntegerField(_("采纳意见数"), null=True, blank=True)
    report_not_adopted = models.PositiveIntegerField(_("未采纳意见数"), null=True, blank=True)
    report_main_views = models.TextField(_("主要观点"), blank=True)
    report_reasons = models.TextField(_("未采纳理由"), blank=True)
    feedback_published_at = models.DateTimeField(_("采纳情况录入时间"), null=True, blank=True, editable=False)
    report_published_on = models.DateField(_("采纳情况公布日期"), null=True, blank=True, editable=False)
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
        return self.title or self.heading

    def save(self, *args: object, **kwargs: object) -> None:
        if self._state.adding and self.entered_at is None:
            self.entered_at = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return record_url("decisions:consultation", self.pk)

    @property
    def heading(self) -> str:
        """The notice's title: as entered, else built from the subject without doubling 《》."""
        return self.notice_title.strip() or wording.notice_title(self.kind, self.title, self.year)

    @property
    def is_consultation(self) -> bool:
        """Put out for comment: here with both dates, or recorded after the fact (dates may be unknown)."""
        if self.classified:
            return False
        return self.entered_after_fact or bool(self.opens_on and self.closes_on)

    @property
    def window_text(self) -> str:
        return wording.window_text(self)

    @property
    def offline_received(self) -> int:
        return sum(channel.count for channel in self.offline_comments.all())

    @property
    def report_counts_stated(self) -> bool:
        counts = (self.report_received, self.report_adopted, self.report_not_adopted)
        return all(count is not None for count in counts)

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
        now = now or timezone.now()
        if self.classified:
            return Stage.CLASSIFIED
        if self.evaluated_on:
            return Stage.EVALUATED
        if self.decided_on:
            return Stage.DECIDED
        if self.feedback_published_at:
            return Stage.FEEDBACK
        if self.entered_after_fact:
            # Run elsewhere: never open for comments here; an unknown close is taken as past.
            return Stage.CLOSED
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


ERROR_OFFLINE_PERSONAL = "意见摘要不得含个人信息（%(kinds)s），请删去后保存。"


class Channel(models.TextChoices):
    LETTER = "letter", _("信函")
    FAX = "fax", _("传真")
    PHONE = "phone", _("电话")
    EMAIL = "email", _("电子邮件")
    SYMPOSIUM = "symposium", _("座谈会")
    HEARING = "hearing", _("听证会")


class OfflineComments(models.Model):
    """Comments received off the portal, recorded by staff as a count and a summary per channel.

    No personal data: the summary is public and is refused when it names or identifies anyone.
    """

    decision = models.ForeignKey(
        MajorDecision, verbose_name=_("决策事项"), on_delete=models.CASCADE, related_name="offline_comments"
    )
    channel = models.CharField(_("渠道"), max_length=16, choices=Channel.choices)
    count = models.PositiveIntegerField(_("意见数"))
    summary = models.TextField(_("意见摘要（不含个人信息）"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("其他渠道收到的意见")
        verbose_name_plural = _("其他渠道收到的意见")
        ordering = ["decision", "channel"]
        constraints = [models.UniqueConstraint(fields=["decision", "channel"], name="offline_comments_one_per_channel")]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.count}"

    def clean(self) -> None:
        found = find_personal_data(self.summary or "")
        if found:
            raise ValidationError({"summary": ERROR_OFFLINE_PERSONAL % {"kinds": finding_kinds(found)}})


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
