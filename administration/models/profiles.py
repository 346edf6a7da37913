"""Unit profiles (机构概况, Regulations Art 20(二)): versions dated from when they apply, and the
history of the institutional reform (a unit merged, renamed, split or abolished keeps its past
name and a link to its successor)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lushan_portal.spreadsheets import CELL_TEXT

UNKNOWN_DATE = _("日期不详")
NOT_PUBLISHED = _("未公布")


class RecordStatus(models.TextChoices):
    DRAFT = "draft", _("未发布")
    PUBLISHED = "published", _("已发布")
    WITHDRAWN = "withdrawn", _("已撤回")


class UnitProfile(models.Model):
    """One version of a unit's profile; the current one is the newest published version in effect."""

    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("单位"), on_delete=models.PROTECT, related_name="profiles"
    )
    effective_on = models.DateField(_("适用日期"), help_text=_("本版机构概况自哪一天起适用（如“三定”方案印发日期）"))
    functions = models.TextField(_("主要职能"), **CELL_TEXT)
    basis = models.CharField(_("依据"), max_length=300, blank=True, help_text=_("如“三定”规定的文件名称和文号"))
    address = models.CharField(_("办公地址"), max_length=200, blank=True, help_text=_("留空显示“未公布”"))
    office_hours = models.CharField(_("办公时间"), max_length=200, blank=True, help_text=_("留空显示“未公布”"))
    phone = models.CharField(_("联系电话"), max_length=100, blank=True, help_text=_("留空显示“未公布”"))
    status = models.CharField(_("状态"), max_length=16, choices=RecordStatus.choices, default=RecordStatus.DRAFT)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True, editable=False)
    withdrawal_reason = models.TextField(_("撤回理由"), blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )
    created_at = models.DateTimeField(_("录入时间"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("机构概况")
        verbose_name_plural = _("机构概况")
        ordering = ["unit", "-effective_on", "-pk"]
        indexes = [
            # The unit page: the unit's newest published version in effect.
            models.Index(fields=["unit", "-effective_on"], condition=Q(status="published"), name="profile_current_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.unit}机构概况（{self.effective_on:%Y-%m-%d}起）"

    def get_absolute_url(self) -> str:
        return self.unit.get_absolute_url()


class InternalBody(models.Model):
    profile = models.ForeignKey(
        UnitProfile, verbose_name=_("机构概况"), on_delete=models.CASCADE, related_name="bodies"
    )
    name = models.CharField(_("内设机构"), max_length=120)
    duties = models.TextField(_("职责"), blank=True, **CELL_TEXT)
    position = models.PositiveIntegerField(_("排序"), default=0)

    class Meta:
        verbose_name = _("内设机构")
        verbose_name_plural = _("内设机构")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class Leader(models.Model):
    """A leader as the county publishes them (负责人姓名, Art 20(二)): public by law, not masked."""

    profile = models.ForeignKey(
        UnitProfile, verbose_name=_("机构概况"), on_delete=models.CASCADE, related_name="leaders"
    )
    name = models.CharField(_("姓名"), max_length=40)
    post = models.CharField(_("职务"), max_length=120)
    duties = models.TextField(_("分工"), blank=True, **CELL_TEXT)
    position = models.PositiveIntegerField(_("排序"), default=0)

    class Meta:
        verbose_name = _("领导")
        verbose_name_plural = _("领导")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.post} {self.name}"


class ReformKind(models.TextChoices):
    RENAMED = "renamed", _("更名")
    MERGED = "merged", _("并入")
    SPLIT = "split", _("分设")
    ABOLISHED = "abolished", _("撤销")
    ESTABLISHED = "established", _("组建")


REFORM_PHRASES = {
    ReformKind.RENAMED: _("更名为"),
    ReformKind.MERGED: _("并入"),
    ReformKind.SPLIT: _("分设为"),
    ReformKind.ABOLISHED: _("撤销"),
    ReformKind.ESTABLISHED: _("组建为"),
}


class UnitReform(models.Model):
    """A change of the institutional reform: ``unit`` as it was (its name then), what became of it,
    and the unit that carries on its duties (``successor``; the same unit when only renamed)."""

    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("单位"), on_delete=models.PROTECT, related_name="reforms"
    )
    kind = models.CharField(_("变化"), max_length=16, choices=ReformKind.choices)
    former_name = models.CharField(_("原名称"), max_length=120)
    happened_on = models.DateField(_("日期"), null=True, blank=True, help_text=_("不详时留空，页面显示“日期不详”"))
    successor = models.ForeignKey(
        "organizations.Unit",
        verbose_name=_("承接单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessor_reforms",
        help_text=_("并入、分设、撤销后承接其职责的单位；更名时为更名后的本单位"),
    )
    basis = models.CharField(_("依据"), max_length=300, blank=True, help_text=_("机构改革方案等文件；留空显示“未说明”"))
    note = models.TextField(_("说明"), blank=True)
    status = models.CharField(_("状态"), max_length=16, choices=RecordStatus.choices, default=RecordStatus.DRAFT)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True, editable=False)
    withdrawal_reason = models.TextField(_("撤回理由"), blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("机构沿革")
        verbose_name_plural = _("机构沿革")
        ordering = ["-happened_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.former_name}{self.get_kind_display()}"

    @property
    def phrase(self) -> str:
        """How the page says what became of it: 更名为, 并入, 分设为 …"""
        return str(REFORM_PHRASES[self.kind])

    @property
    def happened_label(self) -> str:
        return str(UNKNOWN_DATE) if self.happened_on is None else f"{self.happened_on:%Y-%m-%d}"
