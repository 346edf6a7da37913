"""回应关切: issues of public concern (政务舆情) the openness office records, and the responses.

The public sees the responses (by date, with their topic and link); the assessment (severity,
where it was seen, the clocks) stays in the admin.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from interaction.models.proposals import ReplyStatus
from lushan_portal.masking import scrub_text


class Severity(models.TextChoices):
    EMERGENCY = "emergency", _("重大突发事件")
    GENERAL = "general", _("一般舆情")


class ResponseKind(models.TextChoices):
    STATEMENT = "statement", _("发布权威信息")
    PRESS_CONFERENCE = "press", _("新闻发布会")
    INTERVIEW = "interview", _("接受采访")
    RUMOUR = "rumour", _("澄清谣言")


class Concern(models.Model):
    topic = models.CharField(_("关切事项"), max_length=200, help_text=_("公开页面显示的主题"))
    description = models.TextField(_("情况"), blank=True)
    seen_where = models.CharField(_("发现渠道"), max_length=200, help_text=_("如：网络论坛、短视频平台、12345 热线"))
    first_seen_at = models.DateTimeField(_("首次发现时间"))
    severity = models.CharField(_("级别"), max_length=16, choices=Severity.choices)
    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("牵头回应单位"), on_delete=models.PROTECT, related_name="concerns_led"
    )
    co_units = models.ManyToManyField(
        "organizations.Unit", verbose_name=_("配合单位"), blank=True, related_name="concerns_assisted"
    )
    # Stored from first_seen_at and the severity (rules.*): the scans compare them in SQL.
    first_response_due = models.DateTimeField(_("回应时限"), editable=False)
    press_due = models.DateTimeField(_("新闻发布会时限"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
    )
    history = HistoricalRecords(m2m_fields=[co_units])

    class Meta:
        verbose_name = _("社会关切")
        verbose_name_plural = _("社会关切")
        ordering = ["-first_seen_at"]

    def __str__(self) -> str:
        return self.topic


class Response(models.Model):
    concern = models.ForeignKey(Concern, verbose_name=_("关切事项"), on_delete=models.PROTECT, related_name="responses")
    kind = models.CharField(_("回应方式"), max_length=16, choices=ResponseKind.choices)
    title = models.CharField(_("标题"), max_length=300)
    made_at = models.DateTimeField(_("回应时间"), help_text=_("信息发布、发布会召开或采访播出的时间"))
    link = models.URLField(_("链接"), blank=True, max_length=500)
    summary = models.TextField(_("内容摘要"), blank=True)
    status = models.CharField(
        _("公开状态"), max_length=16, choices=ReplyStatus.choices, default=ReplyStatus.UNPUBLISHED
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
        verbose_name = _("回应")
        verbose_name_plural = _("回应")
        ordering = ["-made_at"]
        indexes = [
            models.Index(fields=["-made_at"], condition=Q(status="published"), name="response_published_by_date")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def public_summary(self) -> str:
        return scrub_text(self.summary)
