from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from compliance.registry import rule as registered_rule


class Alert(models.Model):
    """A deadline missed by a record; resolved when the record stops being overdue."""

    rule_code = models.CharField(_("规则"), max_length=64)
    unit = models.ForeignKey(
        "organizations.Unit",
        verbose_name=_("单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="alerts",
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.BigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    due_date = models.DateField(_("截止日期"), null=True, blank=True)
    raised_at = models.DateTimeField(_("发现时间"))
    resolved_at = models.DateTimeField(_("解除时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("预警")
        verbose_name_plural = _("预警")
        ordering = ["-raised_at", "-pk"]
        constraints = [
            # At most one open alert per rule and record: concurrent scans cannot double-raise.
            models.UniqueConstraint(
                fields=["rule_code", "content_type", "object_id"],
                condition=Q(resolved_at__isnull=True),
                name="alert_one_open_per_rule_record",
            ),
        ]
        indexes = [
            # Serves the scans' "open alerts of this rule" and the dashboard's open counts.
            models.Index(fields=["rule_code", "unit"], condition=Q(resolved_at__isnull=True), name="alert_open_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.rule_title} · {self.content_type.model} #{self.object_id}"

    @property
    def rule_title(self) -> str:
        found = registered_rule(self.rule_code)
        return str(found.title) if found else self.rule_code

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None


class DigestLog(models.Model):
    """One row per unit and day a digest went out: the daily task sends at most once per day."""

    unit = models.ForeignKey("organizations.Unit", on_delete=models.CASCADE, related_name="digests")
    day = models.DateField()
    alerts = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("预警摘要邮件")
        verbose_name_plural = _("预警摘要邮件")
        constraints = [models.UniqueConstraint(fields=["unit", "day"], name="digest_once_per_unit_day")]

    def __str__(self) -> str:
        return f"{self.unit} {self.day}"
