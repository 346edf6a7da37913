"""政府信息公开工作年度报告: a unit's report on a year, or the county government's (the openness
office's report summing every unit), in versions; published versions are frozen and never deleted."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lushan_portal.links import record_url


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    REVIEW = "review", _("待审核")
    PUBLISHED = "published", _("已发布")
    SUPERSEDED = "superseded", _("已被更正版本取代")


OPEN_STATUSES = (ReportStatus.DRAFT, ReportStatus.REVIEW)
PUBLIC_STATUSES = (ReportStatus.PUBLISHED, ReportStatus.SUPERSEDED)


class AnnualReport(models.Model):
    unit = models.ForeignKey(
        "organizations.Unit",
        verbose_name=_("编制单位"),
        on_delete=models.PROTECT,
        related_name="annual_reports",
        help_text=_("县政府年度报告由政务公开主管部门（政府办）编制。"),
    )
    is_county = models.BooleanField(
        _("县人民政府年度报告"), default=False, help_text=_("汇总全县各单位的数据，由政务公开主管部门编制和审核。")
    )
    year = models.PositiveSmallIntegerField(_("报告年度"))
    version = models.PositiveSmallIntegerField(_("版本"), default=1)
    status = models.CharField(_("状态"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    overview = models.TextField(_("一、总体情况"), blank=True)
    problems = models.TextField(_("五、存在的主要问题及改进情况"), blank=True)
    other_matters = models.TextField(
        _("六、其他需要报告的事项"), blank=True, help_text=_("收取信息处理费的情况由系统按本年度缴费记录列出。")
    )
    fee_amount = models.DecimalField(
        _("行政事业性收费本年收费金额（万元）"),
        max_digits=12,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("未填写显示为“未填报”，不按 0 计。"),
    )
    base_figures = models.JSONField(
        _("沿用的数据"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("更正版本沿用上一版本的数据；为空则按当前数据计算。"),
    )
    figures = models.JSONField(_("发布时冻结的数据"), null=True, blank=True, editable=False)
    change_note = models.TextField(_("更正说明"), blank=True, help_text=_("更正版本必填：更正了什么、为什么。"))
    changes = models.JSONField(_("与上一版本相比的变化"), default=list, blank=True, editable=False)
    review_comment = models.TextField(_("审核意见"), blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("创建人"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("提交人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("提交审核时间"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    superseded_at = models.DateTimeField(_("被取代时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("政府信息公开工作年度报告")
        verbose_name_plural = _("政府信息公开工作年度报告")
        ordering = ["-year", "-is_county", "unit__sort_order", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "is_county", "year", "version"], name="annual_report_version"),
            # One draft (or report under review) at a time per report.
            models.UniqueConstraint(
                fields=["unit", "is_county", "year"],
                condition=Q(status__in=OPEN_STATUSES),
                name="annual_report_one_open",
            ),
            models.CheckConstraint(
                condition=Q(fee_amount__isnull=True) | Q(fee_amount__gte=0), name="annual_report_fee_not_negative"
            ),
        ]
        indexes = [
            # The public lists: published versions of a year, the county's and each unit's.
            models.Index(
                fields=["is_county", "unit", "-year"],
                condition=Q(status="published"),
                name="annual_report_public_idx",
            ),
        ]

    def __str__(self) -> str:
        owner = self.owner_name
        version = f"（第{self.version}版）" if self.version > 1 else ""
        return f"{owner}{self.year}年政府信息公开工作年度报告{version}"

    def get_absolute_url(self) -> str:
        if self.is_county:
            return record_url("annual_reports:county_report", self.year)
        return record_url("annual_reports:unit_report", self.unit.code, self.year)

    @property
    def title(self) -> str:
        return str(self)

    @property
    def owner_name(self) -> str:
        """The county report is the county government's (the office's parent unit); else the unit's."""
        if self.is_county:
            parent = self.unit.parent
            return parent.name if parent is not None else str(_("县人民政府"))
        return self.unit.name

    @property
    def is_editable(self) -> bool:
        return self.status == ReportStatus.DRAFT


class FigureCorrection(models.Model):
    """Staff's correction of a computed figure, with the reason printed under the table."""

    report = models.ForeignKey(
        AnnualReport, verbose_name=_("年度报告"), on_delete=models.PROTECT, related_name="corrections"
    )
    cell = models.CharField(_("单元格"), max_length=80)
    value = models.PositiveIntegerField(_("更正后的数值"))
    reason = models.TextField(_("更正理由（将在表下注明）"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("数据更正")
        verbose_name_plural = _("数据更正")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["report", "cell"], name="annual_report_correction_cell")]

    def __str__(self) -> str:
        return f"{self.cell} = {self.value}"
