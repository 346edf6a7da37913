from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lushan_portal.crypto import EncryptedTextField


class ReportKind(models.TextChoices):
    # The kinds of the national 我为政府网站找错 platform, in a citizen's words.
    BROKEN_LINK = "broken_link", _("链接错误或页面打不开")
    WRONG_CONTENT = "wrong_content", _("内容错误（错别字、表述有误等）")
    OUTDATED = "outdated", _("信息不更新或已过时")
    SERVICE = "service", _("办事指南不准确或服务不好用")
    NO_ANSWER = "no_answer", _("留言或咨询无人答复")
    OTHER = "other", _("其他问题")


class ReportStatus(models.TextChoices):
    RECEIVED = "received", _("待答复")
    ANSWERED = "answered", _("已答复")
    WITHDRAWN = "withdrawn", _("已撤销（无效报告）")


class ErrorReport(models.Model):
    """A citizen's report of an error on the site. Routed to the openness office; never public.

    The contact is personal data: encrypted at rest, masked in the admin, erased some time after
    the answer. A report is never deleted: an invalid one is withdrawn with a reason.
    """

    unit = models.ForeignKey(
        "organizations.Unit",
        verbose_name=_("承办单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="error_reports",
    )
    page = models.CharField(_("出错页面"), max_length=500)
    kind = models.CharField(_("问题类型"), max_length=16, choices=ReportKind.choices, default=ReportKind.OTHER)
    description = models.TextField(_("问题描述"))
    contact = EncryptedTextField(_("联系方式（不公开）"), blank=True)
    received_at = models.DateTimeField(_("收到时间"))
    received_on = models.DateField(_("收到日期"), help_text=_("县时间，答复期限由此起算"))
    due_date = models.DateField(_("答复期限"))
    status = models.CharField(_("状态"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.RECEIVED)
    answer = models.TextField(_("答复内容"), blank=True)
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("答复人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("撤销时间"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("撤销理由"), blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("撤销人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_erased_at = models.DateTimeField(_("联系方式删除时间"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["contact"])

    class Meta:
        verbose_name = _("网站找错报告")
        verbose_name_plural = _("网站找错报告")
        ordering = ["-received_at", "-pk"]
        indexes = [
            # Serves the daily scan: reports still waiting for an answer, by due date.
            models.Index(fields=["due_date"], condition=Q(status="received"), name="errorreport_open_due_idx"),
        ]

    def __str__(self) -> str:
        return _("找错报告 %(reference)s") % {"reference": self.reference}

    @property
    def reference(self) -> str:
        """What the reporter is told: the date of receipt and the number (20251020-0007)."""
        return f"{self.received_on:%Y%m%d}-{self.pk:04d}" if self.pk else ""
