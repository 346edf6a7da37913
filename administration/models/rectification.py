"""Problems found by 督查 or 审计 that are rectified publicly (seed §3(三)): the finding, the unit,
the deadline, the measures and the completion report."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from administration.models.tasks import PublicStatus
from lushan_portal.links import record_url


class FindingSource(models.TextChoices):
    INSPECTION = "inspection", _("督查")
    AUDIT = "audit", _("审计")


class Rectification(models.Model):
    source = models.CharField(_("问题来源"), max_length=12, choices=FindingSource.choices)
    source_title = models.CharField(
        _("督查或审计项目"), max_length=300, help_text=_("如：2026年县政府第三季度重点工作督查")
    )
    found_on = models.DateField(_("发现日期"), null=True, blank=True, help_text=_("不详的不填，显示为日期不详"))
    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("整改单位"), on_delete=models.PROTECT, related_name="rectifications"
    )
    finding = models.TextField(_("发现的问题"))
    deadline = models.DateField(_("整改期限"))
    measures = models.TextField(_("整改措施"))
    completed_on = models.DateField(_("整改完成日期"), null=True, blank=True, editable=False)
    completion_report = models.TextField(_("整改完成情况"), blank=True, editable=False)
    completion_published_at = models.DateTimeField(_("完成情况发布时间"), null=True, blank=True, editable=False)
    status = models.CharField(_("发布状态"), max_length=12, choices=PublicStatus.choices, default=PublicStatus.DRAFT)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True, editable=False)
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True, editable=False)
    withdrawal_reason = models.TextField(_("撤回理由"), blank=True, editable=False)
    created_at = models.DateTimeField(_("录入时间"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("录入人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("督查审计整改")
        verbose_name_plural = _("督查审计整改")
        ordering = ["-deadline", "pk"]
        indexes = [
            # The daily scan: rectifications still open, by deadline.
            models.Index(fields=["deadline"], condition=Q(completed_on__isnull=True), name="rectification_open"),
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()}：{self.finding[:40]}"

    def get_absolute_url(self) -> str:
        return record_url("administration:rectifications") + f"#rectification-{self.pk}"

    def clean(self) -> None:
        if self.found_on and self.deadline and self.deadline < self.found_on:
            raise ValidationError({"deadline": _("整改期限不能早于发现日期。")})
