from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from enforcement.validators import validate_credit_code
from lushan_portal.crypto import EncryptedTextField
from lushan_portal.links import record_url
from lushan_portal.spreadsheets import CELL_TEXT
from lushan_portal.text_search import document_vector


def decision_vector():
    """What the public search matches (and what its GIN index is built on)."""
    return document_vector("search_document")


class DecisionKind(models.TextChoices):
    LICENCE = "licence", _("行政许可")
    PENALTY = "penalty", _("行政处罚")
    COERCION = "coercion", _("行政强制")


class PartyCategory(models.TextChoices):
    LEGAL_PERSON = "legal_person", _("法人及非法人组织")
    NATURAL_PERSON = "natural_person", _("自然人")
    INDIVIDUAL_BUSINESS = "individual_business", _("个体工商户")


class PenaltyCategory(models.TextChoices):
    WARNING = "warning", _("警告")
    CRITICISM = "criticism", _("通报批评")
    FINE = "fine", _("罚款")
    CONFISCATE_GAINS = "confiscate_gains", _("没收违法所得")
    CONFISCATE_PROPERTY = "confiscate_property", _("没收非法财物")
    SUSPEND_LICENCE = "suspend_licence", _("暂扣许可证件")
    LOWER_QUALIFICATION = "lower_qualification", _("降低资质等级")
    REVOKE_LICENCE = "revoke_licence", _("吊销许可证件")
    RESTRICT_OPERATION = "restrict_operation", _("限制开展生产经营活动")
    SUSPEND_BUSINESS = "suspend_business", _("责令停产停业")
    CLOSE = "close", _("责令关闭")
    RESTRICT_PRACTICE = "restrict_practice", _("限制从业")
    DETENTION = "detention", _("行政拘留")
    OTHER = "other", _("其他")


class CoercionCategory(models.TextChoices):
    """行政强制法 Art 9 (measures) and Art 12 (enforcement); the law's 、 dropped, since a
    decision lists its categories separated by 、."""

    RESTRICT_FREEDOM = "restrict_freedom", _("限制公民人身自由")
    SEAL = "seal", _("查封场所设施或者财物")
    SEIZE = "seize", _("扣押财物")
    FREEZE = "freeze", _("冻结存款汇款")
    OTHER_MEASURE = "other_measure", _("其他行政强制措施")
    SURCHARGE = "surcharge", _("加处罚款或者滞纳金")
    TRANSFER = "transfer", _("划拨存款汇款")
    AUCTION = "auction", _("拍卖或者依法处理查封扣押的场所设施或者财物")
    RESTORE = "restore", _("排除妨碍恢复原状")
    SUBSTITUTE = "substitute", _("代履行")
    OTHER_ENFORCEMENT = "other_enforcement", _("其他强制执行方式")


class LicenceCategory(models.TextChoices):
    ORDINARY = "ordinary", _("普通")
    SPECIAL = "special", _("特许")
    RECOGNITION = "recognition", _("认可")
    APPROVAL = "approval", _("核准")
    REGISTRATION = "registration", _("登记")
    OTHER = "other", _("其他")


class DecisionStatus(models.TextChoices):
    DRAFT = "draft", _("未公开")
    PUBLISHED = "published", _("已公开")
    WITHDRAWN = "withdrawn", _("已撤回")


class Decision(models.Model):
    """A licence, penalty or coercion decision under enforcement publicity (行政执法公示)."""

    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("执法单位"), on_delete=models.PROTECT, related_name="decisions"
    )
    kind = models.CharField(_("类型"), max_length=16, choices=DecisionKind.choices)
    decision_number = models.CharField(_("决定文书号"), max_length=100)
    decision_date = models.DateField(_("决定日期"))

    party_name = models.CharField(_("行政相对人名称"), max_length=200)
    party_category = models.CharField(_("行政相对人类别"), max_length=24, choices=PartyCategory.choices)
    credit_code = models.CharField(
        _("统一社会信用代码"), max_length=18, blank=True, validators=[validate_credit_code], db_index=True
    )
    legal_representative = models.CharField(_("法定代表人"), max_length=100, blank=True)
    id_type = models.CharField(_("证件类型"), max_length=30, blank=True)
    # Encrypted at rest; the keyed hash finds a person's decisions without decrypting.
    id_number = EncryptedTextField(_("证件号码"), blank=True)
    id_number_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    party_address = EncryptedTextField(_("住址"), blank=True)
    party_phone = EncryptedTextField(_("联系电话"), blank=True)
    party_is_minor = models.BooleanField(
        _("当事人为未成年人"), default=False, help_text=_("未成年人的决定一律不公开。")
    )

    # Penalty (行政处罚) fields.
    violation_type = models.CharField(_("违法行为类型"), max_length=200, blank=True)
    violation_facts = models.TextField(_("违法事实"), blank=True, **CELL_TEXT)
    legal_basis = models.TextField(_("处罚依据"), blank=True, **CELL_TEXT)
    penalty_categories = models.CharField(_("处罚类别"), max_length=200, blank=True, help_text=_("以“、”分隔"))
    penalty_content = models.TextField(_("处罚内容"), blank=True, **CELL_TEXT)
    fine_amount = models.DecimalField(_("罚款金额（万元）"), max_digits=14, decimal_places=6, null=True, blank=True)
    confiscated_amount = models.DecimalField(
        _("没收违法所得、没收非法财物的金额（万元）"), max_digits=14, decimal_places=6, null=True, blank=True
    )
    suspended_licence = models.CharField(_("暂扣或吊销证照名称及编号"), max_length=200, blank=True)
    penalty_valid_until = models.DateField(_("处罚有效期"), null=True, blank=True)

    # Coercion (行政强制) fields; 违法行为类型, 违法事实 and 依据 are the penalty's.
    coercion_categories = models.CharField(_("强制类别"), max_length=200, blank=True, help_text=_("以“、”分隔"))
    coercion_content = models.TextField(_("强制内容"), blank=True, **CELL_TEXT)

    # Licence (行政许可) fields.
    licence_document_name = models.CharField(_("行政许可决定文书名称"), max_length=200, blank=True)
    licence_category = models.CharField(_("许可类别"), max_length=16, choices=LicenceCategory.choices, blank=True)
    licence_certificate_name = models.CharField(_("许可证书名称"), max_length=200, blank=True)
    licence_number = models.CharField(_("许可编号"), max_length=100, blank=True)
    licence_content = models.TextField(_("许可内容"), blank=True, **CELL_TEXT)
    valid_from = models.DateField(_("有效期自"), null=True, blank=True)
    valid_to = models.DateField(_("有效期至"), null=True, blank=True)
    licence_valid = models.BooleanField(_("当前状态有效"), default=True)

    authority_name = models.CharField(_("决定机关"), max_length=200, blank=True, help_text=_("留空则为执法单位名称"))
    authority_credit_code = models.CharField(
        _("决定机关统一社会信用代码"),
        max_length=18,
        blank=True,
        validators=[validate_credit_code],
        help_text=_("留空则为执法单位登记的统一社会信用代码（单位未登记则仍为空）"),
    )
    publicity_until = models.DateField(
        _("公示截止期"), blank=True, help_text=_("留空则按规定计算；到期后自动从公开页面移除，数据保留。")
    )
    remarks = models.TextField(_("备注"), blank=True, **CELL_TEXT)

    # Publication record.
    status = models.CharField(_("状态"), max_length=16, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT)
    publication_due = models.DateField(_("应公开日期"))
    first_published_at = models.DateTimeField(_("首次公开时间"), null=True, blank=True)
    published_on_time = models.BooleanField(_("按时公开"), null=True, blank=True)
    corrected_at = models.DateTimeField(_("更正时间"), null=True, blank=True)
    correction_note = models.TextField(_("更正说明"), blank=True)
    revoked_on = models.DateField(
        _("决定变更或撤销日期"), null=True, blank=True, help_text=_("决定被变更、撤销或确认违法的日期")
    )
    withdrawal_due = models.DateField(_("应撤回日期"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("撤回理由"), blank=True)

    # Bigrams of what the public may search: the party's name (never a natural person's),
    # the decision number and the credit code. Kept by services.decision_prepare.
    search_document = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(_("录入时间"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("录入人"), null=True, blank=True, on_delete=models.SET_NULL
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("执法决定")
        verbose_name_plural = _("执法决定")
        ordering = ["-decision_date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "decision_number"], name="decision_unique_number"),
        ]
        indexes = [
            # The public list and its date-range filter: published rows, newest first.
            models.Index(
                fields=["-decision_date", "-id"],
                condition=Q(status="published", party_is_minor=False),
                name="decision_public_idx",
            ),
            # The home page's newest decisions: published rows by when they were first made public.
            models.Index(
                fields=["-first_published_at", "-id"],
                condition=Q(status="published", party_is_minor=False),
                name="decision_newest_idx",
            ),
            models.Index(fields=["unit", "-decision_date"], name="decision_unit_date_idx"),
            models.Index(fields=["kind", "-decision_date"], name="decision_kind_date_idx"),
            models.Index(fields=["decision_number"], name="decision_number_idx"),
            # The daily scan: only decisions still unpublished (a few among millions).
            models.Index(
                fields=["publication_due"],
                condition=Q(first_published_at__isnull=True),
                name="decision_unpublished_idx",
            ),
            models.Index(
                fields=["withdrawal_due"],
                condition=Q(withdrawal_due__isnull=False, status="published"),
                name="decision_withdrawal_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.decision_number}"

    def get_absolute_url(self) -> str:
        return record_url("enforcement:detail", self.pk)
