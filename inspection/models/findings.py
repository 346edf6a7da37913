from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Check(models.TextChoices):
    COLUMNS = "columns", _("栏目更新")
    HOMEPAGE = "homepage", _("首页更新")
    INTERACTION = "interaction", _("互动回应")
    SERVICE = "service", _("办事服务")
    LINKS = "links", _("链接可用性")
    AVAILABILITY = "availability", _("站点可访问性")
    CONTENT = "content", _("内容准确性")
    SECURITY = "security", _("安全与标识")


class Finding(models.Model):
    """One thing an inspector would hold against the site, open until a run no longer finds it.

    ``key`` names the thing (the check and its subject: a column's code, a link, a record's URL),
    so a finding raised on Monday and still true on Tuesday stays one row, and the day it is fixed
    the next run closes it (and the compliance alert clears with it).
    """

    key = models.CharField(_("标识"), max_length=500)
    kind = models.CharField(_("检查项"), max_length=20, choices=Check.choices)
    unit = models.ForeignKey(
        "organizations.Unit",
        verbose_name=_("责任单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inspection_findings",
    )
    title = models.CharField(_("问题"), max_length=300)
    evidence = models.TextField(_("依据与证据"), blank=True)
    url = models.CharField(_("页面"), max_length=500, blank=True)
    admin_url = models.CharField(_("整改入口"), max_length=500, blank=True)
    veto = models.BooleanField(_("单项否决"), default=False)
    points = models.PositiveSmallIntegerField(_("扣分"), default=0)
    opened_at = models.DateTimeField(_("发现时间"))
    resolved_at = models.DateTimeField(_("整改时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("自查问题")
        verbose_name_plural = _("自查问题")
        ordering = ["-opened_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["key"], condition=Q(resolved_at__isnull=True), name="finding_one_open"),
        ]
        indexes = [
            # The page's and the alert scan's open findings, per unit.
            models.Index(fields=["unit", "kind"], condition=Q(resolved_at__isnull=True), name="finding_open_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.admin_url or self.url


class Run(models.Model):
    """One day's inspection: the verdict, the score and what decided them (for the weekly trend)."""

    day = models.DateField(_("日期"), unique=True)
    passed = models.BooleanField(_("合格"))
    score = models.SmallIntegerField(_("得分"))
    vetoes = models.JSONField(_("否决项"), default=list)
    deductions = models.JSONField(_("扣分项"), default=list)
    figures = models.JSONField(_("计数"), default=dict)
    findings = models.PositiveIntegerField(_("问题数"), default=0)
    finished_at = models.DateTimeField(_("完成时间"))

    class Meta:
        verbose_name = _("自查记录")
        verbose_name_plural = _("自查记录")
        ordering = ["-day"]

    def __str__(self) -> str:
        return f"{self.day} {'合格' if self.passed else '不合格'} {self.score}"


class DigestLog(models.Model):
    """One row per unit and ISO week a findings digest went out: the weekly mail is sent once."""

    unit = models.ForeignKey("organizations.Unit", on_delete=models.CASCADE, related_name="inspection_digests")
    week = models.CharField(max_length=8)  # 2026-W48
    findings = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("自查周报邮件")
        verbose_name_plural = _("自查周报邮件")
        constraints = [models.UniqueConstraint(fields=["unit", "week"], name="inspection_digest_once")]

    def __str__(self) -> str:
        return f"{self.unit} {self.week}"
