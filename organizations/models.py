from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lushan_portal.links import record_url
from organizations.validators import ERROR_CREDIT_CODE_TAKEN, validate_credit_code


class UnitKind(models.TextChoices):
    COUNTY_GOVERNMENT = "county_government", _("县人民政府")
    COUNTY_DEPARTMENT = "county_department", _("县政府部门")
    TOWNSHIP = "township", _("乡镇")
    SUBDISTRICT = "subdistrict", _("街道办事处")
    OTHER = "other", _("其他")


# Kinds that carry a standardized column (专栏) of their own, seed §1(三).
GRASSROOTS_KINDS = (UnitKind.TOWNSHIP, UnitKind.SUBDISTRICT, UnitKind.OTHER)


class Unit(models.Model):
    code = models.SlugField(
        _("代码"), max_length=64, unique=True, help_text=_("稳定的英文短代码，用于网址，发布后请勿修改。")
    )
    name = models.CharField(_("名称"), max_length=120)
    short_name = models.CharField(_("简称"), max_length=40, blank=True)
    credit_code = models.CharField(
        _("统一社会信用代码"),
        max_length=18,
        blank=True,
        # A database default too: rows written by older code (and migration tests) stay valid.
        db_default="",
        validators=[validate_credit_code],
        help_text=_("导入执法决定时按“处罚机关/许可机关统一社会信用代码”匹配本单位。"),
    )
    aliases = models.TextField(
        _("其他名称"),
        blank=True,
        db_default="",
        help_text=_("每行一个，如更名前的名称；导入执法决定时与全称、简称一样用于匹配本单位。"),
    )
    kind = models.CharField(_("类型"), max_length=32, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("上级单位"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    email = models.EmailField(_("联系邮箱"), blank=True)
    phone = models.CharField(_("联系电话"), max_length=40, blank=True)
    address = models.CharField(_("办公地址"), max_length=200, blank=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=100)
    is_active = models.BooleanField(_("启用"), default=True)
    second_reviewer = models.BooleanField(
        _("须由他人审查后公开"),
        null=True,
        blank=True,
        help_text=_(
            "公开前审查（条例第十七条）是否须由起草人以外的人员进行。留空按单位类型："
            "县政府及其部门须由他人审查，乡镇、街道等可自行审查。"
        ),
    )
    is_seed = models.BooleanField(
        _("初始数据"), default=False, help_text=_("来自初始化数据，请管理员核对更正后取消勾选。")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("单位")
        verbose_name_plural = _("单位")
        ordering = ["sort_order", "code"]
        permissions = [("supervise", _("督查：查看所有单位的数据"))]
        constraints = [
            models.UniqueConstraint(
                fields=["credit_code"],
                condition=~Q(credit_code=""),
                name="unit_unique_credit_code",
                violation_error_message=ERROR_CREDIT_CODE_TAKEN,
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return record_url("organizations:unit_detail", self.code)

    def clean(self) -> None:
        self.credit_code = self.credit_code.strip().upper()

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


class Role(models.TextChoices):
    EDITOR = "editor", _("信息员（编辑）")
    REVIEWER = "reviewer", _("审核员")


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("用户"), on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(Unit, verbose_name=_("单位"), on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("角色"), max_length=16, choices=Role.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("单位人员")
        verbose_name_plural = _("单位人员")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="membership_unique_user_unit_role"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.unit} · {self.get_role_display()}"
