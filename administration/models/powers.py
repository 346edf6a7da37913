"""Power and responsibility lists (权责清单, seed §3(二), §4(二)).

``PowerItem`` is a unit's item as the list holds it now (``is_current``) or held it last (removed
items stay, never deleted). Every change comes from a published ``PowerAdjustment``: a dated
adjustment with its reason and legal basis, whose ``PowerChange`` rows say what was added, changed
or removed and keep the item as it was after the change (before it, for a removal). The list on any
past date is rebuilt from those rows.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lushan_portal.spreadsheets import CELL_TEXT

NOT_STATED = _("未说明")


class PowerType(models.TextChoices):
    LICENSING = "licensing", _("行政许可")
    PENALTY = "penalty", _("行政处罚")
    COERCION = "coercion", _("行政强制")
    LEVY = "levy", _("行政征收")
    BENEFIT = "benefit", _("行政给付")
    INSPECTION = "inspection", _("行政检查")
    CONFIRMATION = "confirmation", _("行政确认")
    REWARD = "reward", _("行政奖励")
    ADJUDICATION = "adjudication", _("行政裁决")
    OTHER = "other", _("其他行政权力")


# What an item holds, in the order of the usual Excel layout; a change compares these.
ITEM_FIELDS = (
    "code",
    "power_type",
    "name",
    "sub_items",
    "basis",
    "implementing_body",
    "responsibilities",
    "accountability",
)


class PowerFields(models.Model):
    code = models.CharField(_("职权编码"), max_length=64)
    power_type = models.CharField(_("职权类型"), max_length=16, choices=PowerType.choices)
    name = models.CharField(_("职权名称"), max_length=300)
    sub_items = models.TextField(_("子项"), blank=True, help_text=_("每行一个子项"), **CELL_TEXT)
    basis = models.TextField(_("实施依据"), **CELL_TEXT)
    implementing_body = models.CharField(_("实施主体"), max_length=300, blank=True, help_text=_("留空显示“未说明”"))
    responsibilities = models.TextField(_("责任事项"), blank=True, **CELL_TEXT)
    accountability = models.TextField(_("追责情形"), blank=True, **CELL_TEXT)

    class Meta:
        abstract = True

    @property
    def sub_item_list(self) -> list[str]:
        return [line.strip() for line in self.sub_items.splitlines() if line.strip()]

    def values(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in ITEM_FIELDS}


class PowerItem(PowerFields):
    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("单位"), on_delete=models.PROTECT, related_name="power_items"
    )
    is_current = models.BooleanField(_("现行"), default=True)
    added_on = models.DateField(_("列入日期"))
    changed_on = models.DateField(_("最近调整日期"))
    removed_on = models.DateField(_("取消日期"), null=True, blank=True)
    position = models.PositiveIntegerField(_("排序"), default=0)
    # Bigrams of the code, name, sub-items and basis (lushan_portal.text_search.bigram_document);
    # PostgreSQL keeps their tsvector in search_vector by a trigger (migration 0002), GIN-indexed.
    search_document = models.TextField(editable=False, blank=True, default="")
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("权责事项")
        verbose_name_plural = _("权责事项")
        ordering = ["unit", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["unit", "code"], name="power_item_unit_code")]
        indexes = [
            # A unit's current list, in its order.
            models.Index(fields=["unit", "position"], condition=Q(is_current=True), name="power_current_idx"),
            # The county-wide view by type.
            models.Index(fields=["power_type"], condition=Q(is_current=True), name="power_type_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class AdjustmentStatus(models.TextChoices):
    DRAFT = "draft", _("未发布")
    PUBLISHED = "published", _("已发布")


class PowerAdjustment(models.Model):
    """A dated adjustment of a unit's list, published after review; a published one is never
    changed: a mistake is corrected by a further adjustment with its reason."""

    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("单位"), on_delete=models.PROTECT, related_name="power_adjustments"
    )
    effective_on = models.DateField(_("调整日期"), help_text=_("调整生效的日期，不能晚于今天"))
    reason = models.TextField(_("调整原因"), help_text=_("如“《××条例》废止，取消相关职权”"))
    basis = models.TextField(_("调整依据"), help_text=_("文件名称和文号，如机构编制部门的批复、新法规"))
    source_file = models.CharField(_("导入文件"), max_length=255, blank=True, editable=False)
    status = models.CharField(
        _("状态"), max_length=16, choices=AdjustmentStatus.choices, default=AdjustmentStatus.DRAFT, editable=False
    )
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )
    created_at = models.DateTimeField(_("录入时间"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("权责清单调整")
        verbose_name_plural = _("权责清单调整")
        ordering = ["-effective_on", "-pk"]
        indexes = [
            models.Index(
                fields=["unit", "-effective_on"], condition=Q(status="published"), name="power_adjustment_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit}权责清单调整（{self.effective_on:%Y-%m-%d}）"

    @property
    def is_editable(self) -> bool:
        return self.status == AdjustmentStatus.DRAFT


class ChangeKind(models.TextChoices):
    ADDED = "added", _("新增")
    CHANGED = "changed", _("变更")
    REMOVED = "removed", _("取消")


class PowerChange(PowerFields):
    adjustment = models.ForeignKey(
        PowerAdjustment, verbose_name=_("调整"), on_delete=models.CASCADE, related_name="changes"
    )
    kind = models.CharField(_("调整类型"), max_length=16, choices=ChangeKind.choices)
    note = models.TextField(_("本项说明"), blank=True)
    item = models.ForeignKey(
        PowerItem, null=True, blank=True, on_delete=models.PROTECT, editable=False, related_name="changes"
    )
    position = models.PositiveIntegerField(_("排序"), default=0)
    # Copied from the adjustment when it is published: the diff and the indicator read them here.
    unit = models.ForeignKey(
        "organizations.Unit", null=True, blank=True, on_delete=models.PROTECT, editable=False, related_name="+"
    )
    effective_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("调整事项")
        verbose_name_plural = _("调整事项")
        ordering = ["position", "pk"]
        indexes = [
            # A unit's list on a date: its published changes up to that date.
            models.Index(fields=["unit", "effective_on"], condition=Q(unit__isnull=False), name="power_change_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.code} {self.name}"
