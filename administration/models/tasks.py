"""政府工作报告 tasks and 民生实事 projects of a year (seed §3(三) 执行和结果公开), with their progress
reports: one row per task and reporting period, created when the task is published (the period's
due date stored, recomputed after a calendar edit), filled by the responsible unit."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from administration import rules
from lushan_portal.links import record_url


class TaskKind(models.TextChoices):
    WORK_REPORT = "work_report", _("政府工作报告任务")
    LIVELIHOOD = "livelihood", _("民生实事")


class PublicStatus(models.TextChoices):
    DRAFT = "draft", _("未发布")
    PUBLISHED = "published", _("已发布")
    WITHDRAWN = "withdrawn", _("已撤回")


class WorkTask(models.Model):
    year = models.PositiveIntegerField(_("年度"))
    kind = models.CharField(_("类别"), max_length=12, choices=TaskKind.choices)
    number = models.CharField(_("序号"), max_length=20, blank=True, help_text=_("报告或文件中的编号，如 12"))
    title = models.CharField(_("任务名称"), max_length=300)
    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("牵头单位"), on_delete=models.PROTECT, related_name="work_tasks"
    )
    target = models.TextField(_("目标"))
    planned_completion = models.DateField(_("计划完成时间"))
    completed_on = models.DateField(_("完成日期"), null=True, blank=True, editable=False)
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
        verbose_name = _("重点任务和民生实事")
        verbose_name_plural = _("重点任务和民生实事")
        ordering = ["-year", "kind", "number", "pk"]
        indexes = [models.Index(fields=["year", "status"], name="worktask_year_status")]

    def __str__(self) -> str:
        return f"{self.year}年{self.get_kind_display()}：{self.title}"

    def get_absolute_url(self) -> str:
        return record_url("administration:tasks", self.year) + f"#task-{self.pk}"

    def clean(self) -> None:
        if self.planned_completion and self.year and self.planned_completion.year < self.year:
            raise ValidationError({"planned_completion": _("计划完成时间不能早于任务年度。")})


class ProgressReport(models.Model):
    """The progress of a task in one reporting period: empty until the unit reports (reported_on)."""

    task = models.ForeignKey(WorkTask, verbose_name=_("任务"), on_delete=models.CASCADE, related_name="reports")
    period_start = models.DateField(_("报告期开始"), editable=False)
    period_end = models.DateField(_("报告期结束"), editable=False)
    due_date = models.DateField(_("报送期限"), editable=False)
    reported_on = models.DateField(_("报送日期"), null=True, blank=True, editable=False)
    percent = models.PositiveSmallIntegerField(
        _("完成进度（%）"), null=True, blank=True, validators=[MaxValueValidator(rules.PERCENT_MAX)]
    )
    text = models.TextField(_("进展情况"), blank=True)
    completes_task = models.BooleanField(
        _("任务已完成"), default=False, help_text=_("勾选后任务记为已完成，不再报送以后各期")
    )
    status = models.CharField(_("发布状态"), max_length=12, choices=PublicStatus.choices, default=PublicStatus.DRAFT)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True, editable=False)
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True, editable=False)
    withdrawal_reason = models.TextField(_("撤回理由"), blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("报送人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("进展报告")
        verbose_name_plural = _("进展报告")
        ordering = ["task", "period_end"]
        constraints = [models.UniqueConstraint(fields=["task", "period_end"], name="progress_one_per_period")]
        indexes = [
            # The daily scan: reports still unreported, by due date.
            models.Index(fields=["due_date"], condition=Q(reported_on__isnull=True), name="progress_open_due"),
        ]

    def __str__(self) -> str:
        return f"{self.task.title} · {self.period_label}"

    def get_absolute_url(self) -> str:
        return self.task.get_absolute_url()

    @property
    def period_label(self) -> str:
        return rules.ReportPeriod(self.period_start, self.period_end).label
