from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from compliance.registry import rule as registered_rule
from lushan_portal.attachments import validate_attachment


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

    @property
    def severe(self) -> bool:
        """A single veto of the website inspection (DeadlineRule.severe): shown in red."""
        found = registered_rule(self.rule_code)
        return bool(found and found.severe)


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


class Frequency(models.TextChoices):
    ONCE = "once", _("一次（指定日期前）")
    MONTHLY = "monthly", _("每月")
    QUARTERLY = "quarterly", _("每季度")
    YEARLY = "yearly", _("每年一次（年底前）")


class Obligation(models.Model):
    """A recurring duty from the work plan (seed §4(三), §5(三), §6) that units must fulfil."""

    year = models.PositiveSmallIntegerField(_("年度"))
    title = models.CharField(_("事项"), max_length=200)
    basis = models.CharField(_("依据"), max_length=200, blank=True, help_text=_("如：工作要点 五（三）"))
    frequency = models.CharField(_("频次"), max_length=16, choices=Frequency.choices)
    due_on = models.DateField(_("截止日期"), null=True, blank=True, help_text=_("频次为“一次”时填写"))
    unit_kinds = models.CharField(
        _("适用单位类型"), max_length=200, blank=True, help_text=_("留空为全部单位；或填写类型代码，以逗号分隔")
    )
    units = models.ManyToManyField("organizations.Unit", verbose_name=_("适用单位"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("工作要点任务")
        verbose_name_plural = _("工作要点任务")
        ordering = ["-year", "id"]

    def __str__(self) -> str:
        return f"{self.year} {self.title}"


class ObligationDue(models.Model):
    """One unit's instance of an obligation for one period, fulfilled with a date and evidence."""

    obligation = models.ForeignKey(Obligation, verbose_name=_("任务"), on_delete=models.CASCADE, related_name="dues")
    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("单位"), on_delete=models.CASCADE, related_name="obligation_dues"
    )
    period = models.CharField(_("期间"), max_length=10)
    due_on = models.DateField(_("截止日期"))
    fulfilled_on = models.DateField(_("完成日期"), null=True, blank=True)
    evidence_url = models.URLField(_("佐证链接"), blank=True)
    evidence_file = models.FileField(
        _("佐证材料"), upload_to="obligations/%Y/", blank=True, validators=[validate_attachment]
    )
    note = models.CharField(_("说明"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("任务完成情况")
        verbose_name_plural = _("任务完成情况")
        ordering = ["due_on", "unit__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["obligation", "unit", "period"], name="obligation_due_unique"),
        ]
        indexes = [
            models.Index(fields=["due_on"], condition=Q(fulfilled_on__isnull=True), name="obligation_open_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.obligation.title}（{self.period}）· {self.unit}"


class IndicatorWeight(models.Model):
    """The weight supervisors give an indicator in the unit score (seed §6(一))."""

    code = models.CharField(_("指标"), max_length=64, unique=True)
    weight = models.PositiveSmallIntegerField(_("权重"), default=1)

    class Meta:
        verbose_name = _("指标权重")
        verbose_name_plural = _("指标权重")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} × {self.weight}"


class IndicatorSnapshot(models.Model):
    """A period's figure frozen at month end, so later corrections do not rewrite an assessment."""

    period = models.CharField(max_length=10)
    code = models.CharField(max_length=64)
    unit = models.ForeignKey("organizations.Unit", on_delete=models.CASCADE, related_name="+")
    numerator = models.IntegerField()
    denominator = models.IntegerField()
    met = models.BooleanField(null=True)
    # Records of the period not yet due when frozen: a month whose only records were pending
    # reads 进行中 with their number, not 无数据.
    pending = models.IntegerField(default=0)
    frozen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["period", "code", "unit"], name="snapshot_unique")]
        indexes = [models.Index(fields=["period"], name="snapshot_period_idx")]

    def __str__(self) -> str:
        return f"{self.period} {self.code} {self.unit_id}"
