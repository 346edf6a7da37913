from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from catalog.public import Block, public_blocks, public_body
from catalog.rules import DEFAULT_LIMIT_TEXT, parse_time_limits, validate_time_limits
from lushan_portal.attachments import validate_attachment
from lushan_portal.links import record_url
from lushan_portal.spreadsheets import CELL_TEXT

# Stored search documents (jieba words between spaces), title first, with their weights; the
# search_vector column is kept from them on PostgreSQL (lushan_portal.text_search).
ITEM_DOCUMENTS = [("search_document", None)]
PUBLICATION_DOCUMENTS = [("search_title", "A"), ("search_body", "B")]


class Domain(models.Model):
    """One of the 26 domains of 国办发〔2019〕54号; data an administrator can change."""

    code = models.SlugField(_("代码"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=40)
    sort_order = models.PositiveIntegerField(_("排序"), default=100)
    lead_unit = models.ForeignKey(
        "organizations.Unit",
        verbose_name=_("县级牵头部门"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_domains",
        help_text=_("其审核员审核各乡镇、街道本领域目录"),
    )
    is_active = models.BooleanField(_("启用"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("公开领域")
        verbose_name_plural = _("公开领域")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return record_url("catalog:domain", self.code)


class CatalogStatus(models.TextChoices):
    DRAFT = "draft", _("编制中")
    SUBMITTED = "submitted", _("待审核")
    RETURNED = "returned", _("已退回")
    PUBLISHED = "published", _("已发布")
    SUPERSEDED = "superseded", _("已被新版本替代")


EDITABLE_STATUSES = (CatalogStatus.DRAFT, CatalogStatus.RETURNED)
OPEN_STATUSES = (CatalogStatus.DRAFT, CatalogStatus.SUBMITTED, CatalogStatus.RETURNED)


class Catalog(models.Model):
    """A unit's standard catalog (事项标准目录) for one domain, one version."""

    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("单位"), on_delete=models.PROTECT, related_name="catalogs"
    )
    domain = models.ForeignKey(Domain, verbose_name=_("领域"), on_delete=models.PROTECT, related_name="catalogs")
    version = models.PositiveIntegerField(_("版本"), default=1)
    status = models.CharField(_("状态"), max_length=16, choices=CatalogStatus.choices, default=CatalogStatus.DRAFT)
    not_applicable = models.BooleanField(_("本单位未涉及该领域"), default=False)
    not_applicable_note = models.TextField(_("未涉及领域说明"), blank=True)
    based_on = models.ForeignKey(
        "self", verbose_name=_("参照目录"), null=True, blank=True, on_delete=models.SET_NULL, related_name="adoptions"
    )
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    superseded_at = models.DateTimeField(_("替代时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("创建人"), null=True, blank=True, on_delete=models.SET_NULL
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("标准目录")
        verbose_name_plural = _("标准目录")
        ordering = ["domain__sort_order", "unit__sort_order", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "domain", "version"], name="catalog_unique_version"),
            models.UniqueConstraint(
                fields=["unit", "domain"], condition=Q(status="published"), name="catalog_one_published"
            ),
            models.UniqueConstraint(
                fields=["unit", "domain"],
                condition=Q(status__in=["draft", "submitted", "returned"]),
                name="catalog_one_open_draft",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.domain} · 第{self.version}版"

    def get_absolute_url(self) -> str:
        url = record_url("catalog:unit_domain", self.unit.code, self.domain.code)
        return url if self.status == CatalogStatus.PUBLISHED else f"{url}?version={self.version}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES


class ReviewDecision(models.TextChoices):
    APPROVE = "approve", _("通过")
    RETURN = "return", _("退回修改")


class CatalogReview(models.Model):
    catalog = models.ForeignKey(Catalog, verbose_name=_("目录"), on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("审核人"), on_delete=models.PROTECT)
    decision = models.CharField(_("审核结果"), max_length=16, choices=ReviewDecision.choices)
    comment = models.TextField(_("审核意见"), blank=True)
    reviewed_at = models.DateTimeField(_("审核时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("目录审核记录")
        verbose_name_plural = _("目录审核记录")
        ordering = ["-reviewed_at"]

    def __str__(self) -> str:
        return f"{self.catalog} · {self.get_decision_display()}"


class TimeLimitKind(models.TextChoices):
    WORKING_DAYS = "working_days", _("工作日")
    CALENDAR_DAYS = "calendar_days", _("自然日")
    CONTINUOUS = "continuous", _("实时/及时公开")


PENDING = "待补充"
# The tick groups: label → its choices (flag field, label). None ticked is 待补充 (unknown).
CHOICE_GROUPS = {
    "公开对象": (("audience_public", "全社会"), ("audience_specific", "特定群体")),
    "公开方式": (("mode_proactive", "主动"), ("mode_on_request", "依申请")),
    "公开层级": (("level_county", "县级"), ("level_township", "乡级")),
}


def pending_q(prefix: str = "") -> Q:
    """Items with at least one tick group left 待补充 (``prefix`` such as "items__" from a catalog)."""
    query = Q()
    for choices in CHOICE_GROUPS.values():
        query |= Q(**{f"{prefix}{flag}": False for flag, _label in choices})
    return query


def default_time_limits() -> list[dict]:
    return parse_time_limits(DEFAULT_LIMIT_TEXT)


class CatalogItem(models.Model):
    """One row of a catalog: the national columns (rules.md §2), the time limit also structured.

    A tick group with nothing ticked is 待补充: imported that way from a file that lost its
    ticks, and a catalog with such an item cannot be submitted for review.
    """

    catalog = models.ForeignKey(Catalog, verbose_name=_("目录"), on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(_("顺序"), default=0)
    group_number = models.CharField(_("序号"), max_length=20, blank=True)
    level1 = models.CharField(_("一级事项"), max_length=200)
    level2 = models.CharField(_("二级事项"), max_length=200, blank=True)
    content = models.TextField(_("公开内容（要素）"), blank=True, **CELL_TEXT)
    basis = models.TextField(_("公开依据"), blank=True, **CELL_TEXT)
    time_limit_text = models.CharField(_("公开时限"), max_length=200, blank=True)
    time_limits = models.JSONField(
        _("公开时限条款"),
        default=default_time_limits,
        validators=[validate_time_limits],
        help_text=_("由“公开时限”原文解析：每条的天数、单位、适用范围和原文"),
    )
    responsible = models.CharField(_("公开主体"), max_length=200, blank=True)
    channels = models.TextField(_("公开渠道和载体"), blank=True, help_text=_("以“、”分隔"), **CELL_TEXT)
    audience_public = models.BooleanField(_("公开对象：全社会"), default=False)
    audience_specific = models.BooleanField(_("公开对象：特定群体"), default=False)
    mode_proactive = models.BooleanField(_("公开方式：主动"), default=False)
    mode_on_request = models.BooleanField(_("公开方式：依申请"), default=False)
    level_county = models.BooleanField(_("公开层级：县级"), default=False)
    level_township = models.BooleanField(_("公开层级：乡级"), default=False)
    level_defaulted = models.BooleanField(
        _("公开层级按本单位层级默认"), default=False, help_text=_("由信息员点击“按本单位层级补充”填写，非原目录所列")
    )
    key = models.CharField(_("事项键"), max_length=420, editable=False, db_index=True)
    search_document = models.TextField(editable=False, blank=True)
    search_vector = SearchVectorField(null=True, editable=False)  # PostgreSQL only; kept by a trigger

    class Meta:
        verbose_name = _("目录事项")
        verbose_name_plural = _("目录事项")
        ordering = ["catalog", "position", "id"]

    def __str__(self) -> str:
        return f"{self.level1} › {self.level2}" if self.level2 else self.level1

    def get_absolute_url(self) -> str:
        return record_url("catalog:item", self.pk)

    def group_label(self, group: str) -> str:
        chosen = [label for flag, label in CHOICE_GROUPS[group] if getattr(self, flag)]
        return "、".join(chosen) or PENDING

    @property
    def pending_fields(self) -> list[str]:
        """The tick groups left 待补充, e.g. ['公开对象', '公开层级']."""
        return [group for group in CHOICE_GROUPS if self.group_label(group) == PENDING]

    @property
    def audience_label(self) -> str:
        return self.group_label("公开对象")

    @property
    def mode_label(self) -> str:
        return self.group_label("公开方式")

    @property
    def level_label(self) -> str:
        return self.group_label("公开层级")


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("未发布")
    PUBLISHED = "published", _("已发布")
    WITHDRAWN = "withdrawn", _("已撤回")


class Publication(models.Model):
    """Information published under a catalog item. Linked to the item's key, so it stays
    under the item when a new catalog version replaces the old one."""

    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("单位"), on_delete=models.PROTECT, related_name="publications"
    )
    domain = models.ForeignKey(Domain, verbose_name=_("领域"), on_delete=models.PROTECT, related_name="publications")
    item = models.ForeignKey(
        CatalogItem, verbose_name=_("目录事项"), on_delete=models.PROTECT, related_name="publications"
    )
    item_key = models.CharField(max_length=420, editable=False, db_index=True)
    title = models.CharField(_("标题"), max_length=300)
    body = models.TextField(_("正文"), blank=True)
    formed_on = models.DateField(_("信息形成或变更日期"))
    info_kind = models.CharField(
        _("信息类别"),
        max_length=100,
        blank=True,
        help_text=_("如：行政许可、行政处罚决定；目录事项列有多条时限时，据此选用适用的一条"),
    )
    time_limit = models.JSONField(_("适用的公开时限"), null=True, blank=True, editable=False)
    due_on = models.DateField(_("应公开日期"), null=True, blank=True, editable=False)
    status = models.CharField(
        _("状态"), max_length=16, choices=PublicationStatus.choices, default=PublicationStatus.DRAFT
    )
    published_on = models.DateField(_("发布日期"), null=True, blank=True)
    backfilled = models.BooleanField(
        _("补录"),
        default=False,
        help_text=_("过去已公开、现补录进平台的信息：发布日期早于录入日期属正常，网站自查不视为倒签"),
    )
    published_on_time = models.BooleanField(_("按时公开"), null=True, blank=True, editable=False)
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True, editable=False)
    withdrawal_reason = models.TextField(_("撤回理由"), blank=True)
    search_title = models.TextField(editable=False, blank=True)
    search_body = models.TextField(editable=False, blank=True)
    search_vector = SearchVectorField(null=True, editable=False)  # PostgreSQL only; kept by a trigger
    created_at = models.DateTimeField(_("录入时间"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("录入人"), null=True, blank=True, on_delete=models.SET_NULL
    )
    history = HistoricalRecords(excluded_fields=["search_vector"])

    class Meta:
        verbose_name = _("公开信息")
        verbose_name_plural = _("公开信息")
        ordering = ["-published_on", "-id"]
        indexes = [
            models.Index(fields=["unit", "domain", "item_key", "-published_on"], name="publication_item_idx"),
            models.Index(
                fields=["-published_on", "-id"], condition=Q(status="published"), name="publication_public_idx"
            ),
            # The API list filtered by domain or by unit: its first page from the index, not a sort.
            models.Index(
                fields=["domain", "-published_on", "-id"],
                condition=Q(status="published"),
                name="publication_domain_new_idx",
            ),
            models.Index(
                fields=["unit", "-published_on", "-id"],
                condition=Q(status="published"),
                name="publication_unit_new_idx",
            ),
            # The deadline scan: information formed and not yet published.
            models.Index(fields=["due_on"], condition=Q(status="draft"), name="publication_unpublished_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return record_url("catalog:publication", self.pk)

    @property
    def public_body(self) -> str:
        """The body with personal data masked (catalog.public): what the API and search show."""
        return public_body(self.body)

    @property
    def public_blocks(self) -> list[Block]:
        """Paragraphs and tables of the body, personal data masked: what the page shows."""
        return public_blocks(self.body)


class Attachment(models.Model):
    publication = models.ForeignKey(
        Publication, verbose_name=_("公开信息"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("文件"), upload_to="publications/%Y/%m/", validators=[validate_attachment])
    title = models.CharField(_("名称"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    def __str__(self) -> str:
        return self.title or self.file.name.rsplit("/", 1)[-1]
