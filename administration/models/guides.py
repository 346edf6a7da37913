"""政务服务事项 and their 办事指南 (seed §3(二)), and the 全生命周期 themes that link them across units.

A guide holds every element the national inspection checks, each a field (materials and steps are
rows of their own). It is published only when complete and reviewed; a published guide is corrected
with a note or withdrawn with a reason, never deleted (history kept).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from administration import rules
from lushan_portal.links import record_url

ERROR_POWER_ITEM_UNIT = "对应权责事项须是本单位权责清单中的职权。"


class Audience(models.TextChoices):
    PERSON = "person", _("个人")
    ENTITY = "entity", _("法人")


class GuideStatus(models.TextChoices):
    DRAFT = "draft", _("编制中")
    PUBLISHED = "published", _("已发布")
    WITHDRAWN = "withdrawn", _("已撤回")


class FeeMode(models.TextChoices):
    UNSTATED = "", _("未说明")
    FREE = "free", _("不收费")
    CHARGED = "charged", _("收费")


class MaterialForm(models.TextChoices):
    ORIGINAL = "original", _("原件")
    COPY = "copy", _("复印件")
    BOTH = "both", _("原件和复印件")
    ELECTRONIC = "electronic", _("电子文档")


class LifeEvent(models.Model):
    """A 全生命周期 theme (出生, 上学, 开办企业 …): guides of several units under one heading."""

    code = models.SlugField(_("代码"), max_length=40, unique=True)
    name = models.CharField(_("主题"), max_length=40)
    audience = models.CharField(_("服务对象"), max_length=8, choices=Audience.choices)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("生命周期主题")
        verbose_name_plural = _("生命周期主题")
        ordering = ["audience", "sort_order", "code"]

    def __str__(self) -> str:
        return f"{self.get_audience_display()} · {self.name}"


class ServiceGuide(models.Model):
    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("实施单位"), on_delete=models.PROTECT, related_name="service_guides"
    )
    code = models.CharField(_("事项编码"), max_length=60, blank=True, help_text=_("政务服务事项的实施编码，可不填"))
    power_item = models.ForeignKey(
        "administration.PowerItem",
        verbose_name=_("对应权责事项"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="guides",
        help_text=_("本单位权责清单中实施该事项的职权，可不填"),
    )
    name = models.CharField(_("事项名称"), max_length=200, blank=True)
    themes = models.ManyToManyField(LifeEvent, verbose_name=_("生命周期主题"), blank=True, related_name="guides")
    legal_basis = models.TextField(_("设定依据"), blank=True)
    conditions = models.TextField(_("申请条件"), blank=True)
    location = models.CharField(_("办理地点"), max_length=300, blank=True)
    hours = models.CharField(_("办理时间"), max_length=200, blank=True)
    legal_limit_days = models.PositiveIntegerField(
        _("法定办结时限（工作日）"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(rules.MAX_LIMIT_WORKING_DAYS)],
        help_text=_("0 表示即办；不填为未说明"),
    )
    promised_limit_days = models.PositiveIntegerField(
        _("承诺办结时限（工作日）"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(rules.MAX_LIMIT_WORKING_DAYS)],
        help_text=_("0 表示即办；不填为未说明"),
    )
    fee_mode = models.CharField(_("是否收费"), max_length=8, choices=FeeMode.choices, blank=True)
    fee_basis = models.TextField(_("收费依据"), blank=True)
    fee_amount = models.CharField(_("收费标准"), max_length=200, blank=True)
    consult_phone = models.CharField(_("咨询电话"), max_length=60, blank=True)
    complaint_phone = models.CharField(_("监督电话"), max_length=60, blank=True)
    delivery = models.CharField(
        _("结果送达"), max_length=300, blank=True, help_text=_("如：窗口领取、邮寄送达、网上下载")
    )
    online_url = models.URLField(_("网上办理地址"), blank=True, help_text=_("不能网上办理的不填"))
    status = models.CharField(_("状态"), max_length=12, choices=GuideStatus.choices, default=GuideStatus.DRAFT)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True, editable=False)
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True, editable=False)
    withdrawal_reason = models.TextField(_("撤回理由"), blank=True, editable=False)
    corrected_at = models.DateTimeField(_("更正时间"), null=True, blank=True, editable=False)
    correction_note = models.TextField(_("更正说明"), blank=True, help_text=_("修改已发布的指南时必须填写，将公开显示"))
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
        verbose_name = _("办事指南")
        verbose_name_plural = _("办事指南")
        ordering = ["unit__sort_order", "unit__code", "name", "pk"]
        indexes = [models.Index(fields=["status", "unit"], name="guide_status_unit")]

    def __str__(self) -> str:
        return self.name or str(_("（未填写事项名称）"))

    def get_absolute_url(self) -> str:
        return record_url("administration:guide", self.pk)

    def clean(self) -> None:
        if self.power_item_id and self.power_item.unit_id != self.unit_id:
            raise ValidationError({"power_item": _(ERROR_POWER_ITEM_UNIT)})


class GuideMaterial(models.Model):
    """One 申请材料: name, original or copy, how many, where to get it, shared electronically."""

    guide = models.ForeignKey(
        ServiceGuide, verbose_name=_("办事指南"), on_delete=models.CASCADE, related_name="materials"
    )
    order = models.PositiveIntegerField(_("序号"), default=1)
    name = models.CharField(_("材料名称"), max_length=200)
    form = models.CharField(_("材料形式"), max_length=12, choices=MaterialForm.choices)
    copies = models.PositiveIntegerField(_("份数"), default=1, validators=[MinValueValidator(1)])
    source = models.CharField(_("来源渠道"), max_length=200, blank=True, help_text=_("如：申请人自备、公安部门出具"))
    shared = models.BooleanField(_("可通过电子证照共享免于提交"), default=False)
    note = models.CharField(_("备注"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("申请材料")
        verbose_name_plural = _("申请材料")
        ordering = ["guide", "order", "pk"]

    def __str__(self) -> str:
        return self.name


class GuideStep(models.Model):
    guide = models.ForeignKey(ServiceGuide, verbose_name=_("办事指南"), on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveIntegerField(_("序号"), default=1)
    title = models.CharField(_("环节"), max_length=100)
    description = models.TextField(_("说明"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("办理流程环节")
        verbose_name_plural = _("办理流程")
        ordering = ["guide", "order", "pk"]

    def __str__(self) -> str:
        return self.title
