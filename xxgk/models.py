"""政府信息公开指南 (Regulations Art 12): per unit, versioned, reviewed before it is published.

A published 指南 is never edited: a change is a new version (a copy, edited, submitted and
reviewed), and the old versions stay readable with their history. Unknown fields are blank and
shown as 待补充, never filled with a guess.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lushan_portal.links import record_url
from xxgk import rules

PENDING = _("待补充")


class GuideStatus(models.TextChoices):
    DRAFT = "draft", _("编制中")
    SUBMITTED = "submitted", _("待审核")
    RETURNED = "returned", _("已退回")
    PUBLISHED = "published", _("已发布")
    SUPERSEDED = "superseded", _("已被新版本替代")


EDITABLE_STATUSES = (GuideStatus.DRAFT, GuideStatus.RETURNED)
OPEN_STATUSES = (GuideStatus.DRAFT, GuideStatus.SUBMITTED, GuideStatus.RETURNED)
READABLE_STATUSES = (GuideStatus.PUBLISHED, GuideStatus.SUPERSEDED)

postcode_validator = RegexValidator(
    rf"^\d{{{rules.POSTCODE_DIGITS}}}$", _("邮政编码应为 %(n)d 位数字。") % {"n": rules.POSTCODE_DIGITS}
)

# The office's contact fields, in the order the 指南 shows them.
OFFICE_FIELDS = ("office_name", "address", "office_hours", "phone", "fax", "email", "postcode")


class Guide(models.Model):
    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("单位"), on_delete=models.PROTECT, related_name="disclosure_guides"
    )
    version = models.PositiveIntegerField(_("版本"), default=1)
    status = models.CharField(_("状态"), max_length=16, choices=GuideStatus.choices, default=GuideStatus.DRAFT)
    office_name = models.CharField(_("政府信息公开工作机构"), max_length=120, blank=True)
    address = models.CharField(_("办公地址"), max_length=200, blank=True)
    office_hours = models.CharField(_("办公时间"), max_length=200, blank=True)
    phone = models.CharField(_("联系电话"), max_length=60, blank=True)
    fax = models.CharField(_("传真"), max_length=60, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    postcode = models.CharField(_("邮政编码"), max_length=6, blank=True, validators=[postcode_validator])
    fees_rule = models.TextField(
        _("收费规定"),
        blank=True,
        help_text=_("如：依申请提供政府信息不收费；申请数量、频次明显超过合理范围的，可按规定收取信息处理费"),
    )
    application_notes = models.TextField(
        _("申请须知"), blank=True, help_text=_("受理渠道、当面申请的地点和时间等；网上申请和查询的链接由网站自动列出")
    )
    remedies = models.TextField(_("监督和救济"), blank=True, help_text=_("投诉举报、行政复议、行政诉讼的途径"))
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True, editable=False)
    superseded_at = models.DateTimeField(_("替代时间"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("创建人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("政府信息公开指南")
        verbose_name_plural = _("政府信息公开指南")
        ordering = ["unit__sort_order", "unit__code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "version"], name="guide_unique_version"),
            models.UniqueConstraint(fields=["unit"], condition=Q(status="published"), name="guide_one_published"),
            models.UniqueConstraint(
                fields=["unit"], condition=Q(status__in=["draft", "submitted", "returned"]), name="guide_one_open"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} · 政府信息公开指南 · 第{self.version}版"

    def get_absolute_url(self) -> str:
        url = record_url("xxgk:unit_guide", self.unit.code)
        return url if self.status == GuideStatus.PUBLISHED else f"{url}?version={self.version}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def pending_fields(self) -> list[str]:
        """The labels of the fields still unknown (shown 待补充)."""
        names = (*OFFICE_FIELDS, "fees_rule", "remedies")
        return [str(self._meta.get_field(name).verbose_name) for name in names if not getattr(self, name).strip()]


class ReviewDecision(models.TextChoices):
    APPROVE = "approve", _("通过")
    RETURN = "return", _("退回修改")


class GuideReview(models.Model):
    guide = models.ForeignKey(Guide, verbose_name=_("指南"), on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("审核人"), on_delete=models.PROTECT)
    decision = models.CharField(_("审核结果"), max_length=16, choices=ReviewDecision.choices)
    comment = models.TextField(_("审核意见"), blank=True)
    reviewed_at = models.DateTimeField(_("审核时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("指南审核记录")
        verbose_name_plural = _("指南审核记录")
        ordering = ["-reviewed_at"]

    def __str__(self) -> str:
        return f"{self.guide} · {self.get_decision_display()}"
