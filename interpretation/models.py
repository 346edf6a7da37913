from datetime import date

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lushan_portal.attachments import validate_attachment, validate_image, validate_video
from lushan_portal.links import record_url

# The stored search document (jieba words between spaces); the search_vector column is kept
# from it on PostgreSQL (lushan_portal.text_search).
DOCUMENT_DOCUMENTS = [("search_document", None)]


UNKNOWN_DATE = "日期不详"
UNSTATED = "未说明"
NEWEST_FIRST = [F("published_on").desc(nulls_last=True), F("id").desc()]  # unknown dates last


def date_label(value: date | None) -> str:
    """A stored date as the pages show it: an unknown date says so, never today."""
    return UNKNOWN_DATE if value is None else f"{value:%Y-%m-%d}"


class DocumentKind(models.TextChoices):
    NORMATIVE = "normative", _("行政规范性文件")
    IMPORTANT = "important", _("重要政策")
    OTHER = "other", _("其他")


# The kinds the 三同步 rule covers (seed §2(一): 行政规范性文件、重要政策).
SYNC_KINDS = (DocumentKind.NORMATIVE, DocumentKind.IMPORTANT)


class Status(models.TextChoices):
    DRAFT = "draft", _("未发布")
    PUBLISHED = "published", _("已发布")
    WITHDRAWN = "withdrawn", _("已撤回")


class Validity(models.TextChoices):
    """A document's force (国办发〔2017〕47号: amended, repealed and expired documents are marked)."""

    IN_FORCE = "in_force", _("有效")
    AMENDED = "amended", _("已修改")
    REPEALED = "repealed", _("已废止")
    EXPIRED = "expired", _("已失效")


# Still in force (an amended document applies as amended): counted 现行有效 and due for cleaning.
IN_FORCE_STATES = (Validity.IN_FORCE, Validity.AMENDED)
ENDED_STATES = (Validity.REPEALED, Validity.EXPIRED)


class Disclosure(models.TextChoices):
    """公开属性, decided when the document is entered (Regulations Art 13-16)."""

    PROACTIVE = "proactive", _("主动公开")
    ON_REQUEST = "on_request", _("依申请公开")
    WITHHELD = "withheld", _("不予公开")


class PolicyDocument(models.Model):
    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("发文单位"), on_delete=models.PROTECT, related_name="policy_documents"
    )
    kind = models.CharField(
        _("类型"), max_length=16, choices=DocumentKind.choices, help_text=_("行政规范性文件和重要政策适用三同步检查")
    )
    title = models.CharField(_("标题"), max_length=300)
    number = models.CharField(_("文号"), max_length=100, blank=True)
    body = models.TextField(_("正文"))
    signed_on = models.DateField(_("成文日期"), null=True, blank=True, help_text=_("不详时留空，页面显示“日期不详”"))
    published_on = models.DateField(
        _("发布日期"), null=True, blank=True, help_text=_("文件首次发布（原始）日期；不详时留空，页面显示“日期不详”")
    )
    executive_meeting = models.BooleanField(
        _("经政府常务会议审议通过"),
        default=False,
        help_text=_("且涉及群众切身利益时，须由主要负责人作为第一解读人解读"),
    )
    concerns_public = models.BooleanField(_("涉及群众切身利益、社会关注度高"), default=False)
    specialised = models.BooleanField(_("专业性较强"), default=False, help_text=_("须有专家解读"))
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    disclosure = models.CharField(
        _("公开属性"),
        max_length=16,
        choices=Disclosure.choices,
        blank=True,
        help_text=_("录入时确定；只有主动公开的文件在网站发布"),
    )
    disclosure_ground = models.TextField(
        _("不公开或依申请公开的依据"), blank=True, help_text=_("依申请公开、不予公开时必填，写明法律依据")
    )
    is_disclosure_rule = models.BooleanField(
        _("政府信息公开制度"),
        default=False,
        help_text=_("本单位关于政府信息公开的制度文件，列入“政府信息公开制度”栏目"),
    )
    # Validity (效力), changed only through services.document_set_validity with a reason.
    validity = models.CharField(
        _("效力状态"), max_length=16, choices=Validity.choices, default=Validity.IN_FORCE, editable=False
    )
    validity_changed_on = models.DateField(_("效力变化日期"), null=True, blank=True, editable=False)
    changed_by_document = models.ForeignKey(
        "self",
        verbose_name=_("修改或废止本文件的文件"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="changed_documents",
        editable=False,
    )
    changed_by_title = models.CharField(
        _("修改或废止本文件的文件（本平台未收录时的标题、文号）"), max_length=300, blank=True, editable=False
    )
    validity_reason = models.TextField(_("效力变化说明"), blank=True, editable=False)
    last_reviewed_on = models.DateField(
        _("最近清理日期"), null=True, blank=True, editable=False, help_text=_("规范性文件清理时确认继续有效的日期")
    )
    # Normative documents in force: the day after which they are due for cleaning (rules.cleaning_due);
    # null when not due (repealed, not normative, unpublished) or unknown (no date to count from).
    cleaning_due = models.DateField(_("应清理日期"), null=True, blank=True, editable=False)
    interpretation_due = models.DateField(_("解读应发布日期"), null=True, blank=True, editable=False)
    withdrawal_reason = models.TextField(_("撤回理由"), blank=True)
    search_document = models.TextField(editable=False, blank=True)
    search_vector = SearchVectorField(null=True, editable=False)  # PostgreSQL only; kept by a trigger
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False
    )
    # When the record was entered on this portal; never the original date (null: before this was kept).
    entered_at = models.DateTimeField(_("录入本平台时间"), null=True, default=timezone.now, editable=False)
    history = HistoricalRecords(excluded_fields=["search_vector"])

    class Meta:
        verbose_name = _("政策文件")
        verbose_name_plural = _("政策文件")
        ordering = NEWEST_FIRST
        indexes = [
            # Built on PostgreSQL only (lushan_portal.migration_ops): SQLite refuses NULLS LAST here.
            models.Index(*NEWEST_FIRST, condition=Q(status="published"), name="policy_public_idx"),
            models.Index(fields=["unit", "-published_on"], name="policy_unit_idx"),
            # The list filtered by validity (PostgreSQL only, like policy_public_idx).
            models.Index("validity", *NEWEST_FIRST, condition=Q(status="published"), name="policy_validity_idx"),
            models.Index(fields=["cleaning_due"], condition=Q(cleaning_due__isnull=False), name="policy_cleaning_idx"),
            # Table 二: published normative documents by unit and date.
            models.Index(
                fields=["unit", "signed_on"],
                condition=Q(status="published", kind="normative"),
                name="policy_normative_idx",
            ),
            # The scan: published documents under 三同步 still waiting for an interpretation.
            models.Index(
                fields=["interpretation_due"],
                condition=Q(status="published", kind__in=["normative", "important"]),
                name="policy_interpretation_due_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}（{self.number}）" if self.number else self.title

    def get_absolute_url(self) -> str:
        return record_url("interpretation:document", self.pk)

    @property
    def needs_first_interpreter(self) -> bool:
        return self.executive_meeting and self.concerns_public

    @property
    def under_sync_rule(self) -> bool:
        return self.kind in SYNC_KINDS

    @property
    def signed_label(self) -> str:
        return date_label(self.signed_on)

    @property
    def published_label(self) -> str:
        return date_label(self.published_on)

    @property
    def in_force(self) -> bool:
        return self.validity in IN_FORCE_STATES

    @property
    def validity_changed_label(self) -> str:
        return date_label(self.validity_changed_on)


class SecrecyOutcome(models.TextChoices):
    CLEARED = "cleared", _("不涉密，可以公开")
    REFUSED = "refused", _("涉密或不宜公开，不得发布")


class SecrecyReview(models.Model):
    """保密审查 of a document before publication (Regulations Art 17): who checked, when, the outcome.

    Never edited: a second review is a new row; the latest one decides.
    """

    document = models.ForeignKey(PolicyDocument, on_delete=models.PROTECT, related_name="secrecy_reviews")
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("审查人"), on_delete=models.PROTECT, related_name="+"
    )
    checked_on = models.DateField(_("审查日期"))
    outcome = models.CharField(_("审查结论"), max_length=16, choices=SecrecyOutcome.choices)
    note = models.TextField(_("审查意见"), blank=True)
    recorded_at = models.DateTimeField(_("记录时间"), default=timezone.now, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("保密审查")
        verbose_name_plural = _("保密审查")
        ordering = ["-checked_on", "-id"]

    def __str__(self) -> str:
        return f"{self.checked_on:%Y-%m-%d} {self.get_outcome_display()}"


class DocumentAttachment(models.Model):
    document = models.ForeignKey(PolicyDocument, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("文件"), upload_to="policies/%Y/", validators=[validate_attachment])
    title = models.CharField(_("名称"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    def __str__(self) -> str:
        return self.title or self.file.name.rsplit("/", 1)[-1]


class Form(models.TextChoices):
    TEXT = "text", _("文字解读")
    CHART = "chart", _("图表图解")
    VIDEO = "video", _("视频动漫")
    PROCESS = "process", _("流程演示")
    EXPERT = "expert", _("专家解读")
    PRESS = "press", _("新闻发布会")
    INTERVIEW = "interview", _("在线访谈")
    QA = "qa", _("政策问答")


# (field, label) of the content elements (rules.md §6).
SECTIONS = [
    ("background", _("背景依据")),
    ("objectives", _("目标任务")),
    ("main_points", _("主要内容")),
    ("scope", _("涉及范围")),
    ("standards", _("执行标准")),
    ("notes", _("注意事项")),
    ("differences", _("新旧政策差异")),
]


class Interpretation(models.Model):
    document = models.ForeignKey(
        PolicyDocument, verbose_name=_("解读的政策文件"), on_delete=models.PROTECT, related_name="interpretations"
    )
    unit = models.ForeignKey(
        "organizations.Unit",
        verbose_name=_("解读单位"),
        on_delete=models.PROTECT,
        related_name="interpretations",
        help_text=_("可与发文单位不同（如县卫健局解读县政府办印发的通知）"),
    )
    form = models.CharField(_("解读形式"), max_length=16, choices=Form.choices, default=Form.TEXT)
    title = models.CharField(_("标题"), max_length=300, blank=True, help_text=_("留空时为“关于《文件标题》的解读”"))
    signed_with_document = models.BooleanField(
        _("与文件同步组织、同步审签"), null=True, blank=True, default=None, help_text=_("不清楚时留空，显示“未说明”")
    )
    published_on = models.DateField(
        _("发布日期"), null=True, blank=True, help_text=_("解读首次发布（原始）日期；不详时留空，页面显示“日期不详”")
    )
    source_url = models.URLField(
        _("原文链接"), max_length=500, blank=True, help_text=_("历史记录可填写原发布页面的链接代替正文")
    )
    background = models.TextField(_("背景依据"), blank=True)
    objectives = models.TextField(_("目标任务"), blank=True)
    main_points = models.TextField(_("主要内容"), blank=True)
    scope = models.TextField(_("涉及范围"), blank=True)
    standards = models.TextField(_("执行标准"), blank=True)
    notes = models.TextField(_("注意事项"), blank=True)
    differences = models.TextField(_("新旧政策差异"), blank=True)
    first_interpreter_name = models.CharField(_("第一解读人姓名"), max_length=50, blank=True)
    first_interpreter_post = models.CharField(_("第一解读人职务"), max_length=100, blank=True)
    expert_name = models.CharField(_("专家姓名"), max_length=50, blank=True)
    expert_title = models.CharField(_("专家职称、单位"), max_length=200, blank=True)
    video = models.FileField(_("视频"), upload_to="interpretations/video/", blank=True, validators=[validate_video])
    video_poster = models.FileField(
        _("视频封面"), upload_to="interpretations/poster/", blank=True, validators=[validate_image]
    )
    transcript = models.TextField(_("视频文字稿"), blank=True, help_text=_("供听障人士和无法播放视频时阅读"))
    event_time = models.DateTimeField(_("发布会/访谈时间"), null=True, blank=True)
    event_place = models.CharField(_("地点或平台"), max_length=200, blank=True)
    event_record = models.TextField(_("实录"), blank=True)
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    withdrawal_reason = models.TextField(_("撤回理由"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False
    )
    # When the record was entered on this portal; never the original date (null: before this was kept).
    entered_at = models.DateTimeField(_("录入本平台时间"), null=True, default=timezone.now, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("政策解读")
        verbose_name_plural = _("政策解读")
        ordering = NEWEST_FIRST
        indexes = [
            models.Index(
                fields=["unit", "published_on", "form"], condition=Q(status="published"), name="interp_unit_year_idx"
            ),
            # The home page's newest interpretations and the API list (PostgreSQL only, like policy_public_idx).
            models.Index(*NEWEST_FIRST, condition=Q(status="published"), name="interp_public_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return record_url("interpretation:interpretation", self.pk)

    @property
    def published_label(self) -> str:
        return date_label(self.published_on)

    @property
    def signed_label(self) -> str:
        return {True: "是", False: "否", None: UNSTATED}[self.signed_with_document]

    @property
    def sections(self) -> list[tuple[str, str]]:
        return [(label, getattr(self, field)) for field, label in SECTIONS if getattr(self, field)]


class GalleryImage(models.Model):
    interpretation = models.ForeignKey(Interpretation, on_delete=models.CASCADE, related_name="images")
    position = models.PositiveSmallIntegerField(_("顺序"), default=0)
    image = models.FileField(_("图片"), upload_to="interpretations/charts/", validators=[validate_image])
    alt = models.CharField(_("图片说明（替代文字）"), max_length=300)

    class Meta:
        verbose_name = _("图解图片")
        verbose_name_plural = _("图解图片")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.alt


class ProcessStep(models.Model):
    interpretation = models.ForeignKey(Interpretation, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("顺序"), default=0)
    title = models.CharField(_("步骤"), max_length=200)
    description = models.TextField(_("说明"), blank=True)

    class Meta:
        verbose_name = _("流程步骤")
        verbose_name_plural = _("流程步骤")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class QuestionAnswer(models.Model):
    interpretation = models.ForeignKey(Interpretation, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("顺序"), default=0)
    question = models.CharField(_("问题"), max_length=500)
    answer = models.TextField(_("回答"))

    class Meta:
        verbose_name = _("问答")
        verbose_name_plural = _("问答")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.question
