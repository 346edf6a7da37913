"""依申请公开: applications, the pauses of their clock, the extension, fees, the reply, and
reconsideration or litigation against it. Never public: applicants see their own through the
number and query code; staff see their unit's.

The enums carry the annual report's words exactly (国办公开办函〔2021〕30号, rules.md §3, §9): the
applicant columns of table 三, its outcome rows, and table 四's columns.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from disclosure_requests import rules
from lushan_portal.attachments import FileTypeValidator
from lushan_portal.crypto import EncryptedTextField
from lushan_portal.private_files import private_storage, random_name

validate_id_image = FileTypeValidator(rules.ID_IMAGE_TYPES, "JPG、PNG 图片或 PDF 文件", rules.ID_IMAGE_MAX_BYTES)
validate_letter = FileTypeValidator((".pdf", ".doc", ".docx", ".ofd", ".wps"), "PDF、Word 或 OFD 文件")


def id_image_path(instance: object, filename: str) -> str:
    return random_name("requests/id", filename)


def request_document_path(instance: object, filename: str) -> str:
    return random_name("requests/documents", filename)


class Channel(models.TextChoices):
    ONLINE = "online", _("本平台在线申请")
    COUNTER = "counter", _("当面提交")
    REGISTERED_MAIL = "registered_mail", _("邮政快递、挂号信")
    ORDINARY_LETTER = "ordinary_letter", _("平常信函")
    FAX = "fax", _("传真")
    EMAIL = "email", _("电子邮件")
    OTHER_ONLINE = "other_online", _("其他互联网渠道")

    @classmethod
    def basis(cls, channel: str) -> str:
        """The Art 31 rule applied to ``channel``, as shown on the status page and in the admin."""
        return str(RECEIPT_BASIS[channel])


RECEIPT_BASIS = {
    Channel.ONLINE: _("通过本平台在线提交的，平台当即出具申请编号确认收到，以提交之日为收到申请之日。"),
    Channel.COUNTER: _("当面提交的，以提交之日为收到申请之日（条例第三十一条第一项）。"),
    Channel.REGISTERED_MAIL: _("以邮寄方式提交的，以行政机关签收之日为收到申请之日（条例第三十一条第二项）。"),
    Channel.ORDINARY_LETTER: _(
        "以平常信函等无需签收的邮寄方式提交的，以与申请人确认之日为收到申请之日（条例第三十一条第二项）。"
    ),
    Channel.FAX: _("通过传真提交的，以双方确认之日为收到申请之日（条例第三十一条第三项）。"),
    Channel.EMAIL: _("通过电子邮件提交的，以双方确认之日为收到申请之日（条例第三十一条第三项）。"),
    Channel.OTHER_ONLINE: _("通过其他互联网渠道提交的，以双方确认之日为收到申请之日（条例第三十一条第三项）。"),
}


class ApplicantType(models.TextChoices):
    NATURAL_PERSON = "natural_person", _("自然人")
    ORGANIZATION = "organization", _("法人或其他组织")


class OrganizationKind(models.TextChoices):
    COMMERCIAL = "commercial", _("商业企业")
    RESEARCH = "research", _("科研机构")
    PUBLIC_INTEREST = "public_interest", _("社会公益组织")
    LEGAL_SERVICE = "legal_service", _("法律服务机构")
    OTHER = "other", _("其他")


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", _("居民身份证")
    PASSPORT = "passport", _("护照")
    HK_MACAO = "hk_macao", _("港澳居民来往内地通行证")
    TAIWAN = "taiwan", _("台湾居民来往大陆通行证")
    FOREIGN_PERMANENT = "foreign_permanent", _("外国人永久居留身份证")
    OTHER = "other", _("其他有效身份证件")


class FormWanted(models.TextChoices):
    PAPER = "paper", _("纸质")
    EMAIL = "email", _("电子邮件")
    DISC = "disc", _("光盘")
    INSPECTION = "inspection", _("当面查阅")


class Delivery(models.TextChoices):
    POST = "post", _("邮寄")
    EMAIL = "email", _("电子邮件")
    PICKUP = "pickup", _("自行领取")


class Status(models.TextChoices):
    AWAITING_RECEIPT = "awaiting_receipt", _("待确认收到日期")
    PROCESSING = "processing", _("办理中")
    CORRECTION = "correction", _("待补正")
    CONSULTING = "consulting", _("征求意见中")
    FEE = "fee", _("待缴纳信息处理费")
    REASONS = "reasons", _("待说明理由")
    REPLIED = "replied", _("已答复")
    WITHDRAWN = "withdrawn", _("已撤回")


OPEN_STATUSES = (
    Status.AWAITING_RECEIPT,
    Status.PROCESSING,
    Status.CORRECTION,
    Status.CONSULTING,
    Status.FEE,
    Status.REASONS,
)


# Personal data: encrypted at rest and kept out of the history tables.
PERSONAL_FIELDS = [
    "name", "id_number", "id_image", "agent_name", "agent_id_number", "phone", "address", "email", "query_code_hash",
]  # fmt: skip


class Application(models.Model):
    """One application for government information, from any channel, handled by ``unit``."""

    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("受理机关"), on_delete=models.PROTECT, related_name="disclosure_requests"
    )
    registered_at_unit = models.ForeignKey(
        "organizations.Unit",
        verbose_name=_("登记窗口单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registered_disclosure_requests",
        help_text=_("在窗口（如县政务服务中心政务公开专区）登记的，为登记的单位；在线申请为空。"),
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    channel = models.CharField(_("申请方式"), max_length=20, choices=Channel.choices)
    # Art 31: arrived_on is the day handed in, signed for, or the letter/fax/e-mail arrived;
    # confirmed_on is the day both sides (or the office and the applicant) confirmed it.
    arrived_on = models.DateField(_("提交或送达日期"), null=True, blank=True)
    confirmed_on = models.DateField(_("确认日期"), null=True, blank=True)
    confirmation_record = models.TextField(
        _("确认记录"), blank=True, help_text=_("与申请人确认的方式、时间和经办人，例如：电话确认，经办人张某。")
    )
    received_on = models.DateField(
        _("收到申请日期"),
        null=True,
        blank=True,
        help_text=_("按条例第三十一条确定；平常信函未确认前为空（日期不详）。"),
    )
    reference = models.CharField(_("申请编号"), max_length=20, unique=True, null=True, blank=True, editable=False)
    query_code_hash = models.CharField(max_length=64, blank=True, editable=False)

    applicant_type = models.CharField(_("申请人类型"), max_length=16, choices=ApplicantType.choices)
    organization_kind = models.CharField(
        _("法人或其他组织类别"), max_length=16, choices=OrganizationKind.choices, blank=True
    )
    name = EncryptedTextField(_("申请人姓名或名称"))
    id_type = models.CharField(_("证件类型"), max_length=20, choices=IdType.choices, blank=True)
    id_number = EncryptedTextField(_("证件号码"), blank=True)
    id_number_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    id_image = models.FileField(
        _("身份证件图片"),
        storage=private_storage,
        upload_to=id_image_path,
        blank=True,
        validators=[validate_id_image],
        help_text=_("加密保存，仅受理机关可以查看。"),
    )
    id_image_erased_at = models.DateTimeField(_("证件图片删除时间"), null=True, blank=True)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    agent_name = EncryptedTextField(_("联系人或代理人姓名"), blank=True)
    agent_id_number = EncryptedTextField(_("联系人或代理人证件号码"), blank=True)
    phone = EncryptedTextField(_("联系电话"), blank=True)
    address = EncryptedTextField(_("通信地址"), blank=True)
    postcode = models.CharField(_("邮政编码"), max_length=6, blank=True)
    email = EncryptedTextField(_("电子邮箱"), blank=True)
    # Keyed hash of the normalised identity (ID number, else credit code, else name and contact):
    # finds an applicant's other applications (repeat detection) without decrypting.
    applicant_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)

    description = models.TextField(_("所需政府信息的名称或内容描述"))
    document_number = models.CharField(_("文号"), max_length=200, blank=True)
    other_features = models.TextField(_("其他特征描述"), blank=True)
    form_wanted = models.CharField(_("获取信息的方式（载体形式）"), max_length=16, choices=FormWanted.choices)
    delivery = models.CharField(_("获取信息的途径"), max_length=16, choices=Delivery.choices)

    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.PROCESSING)
    due_date = models.DateField(
        _("答复期限"), null=True, blank=True, help_text=_("由收到日期、中止期间和延期计算；补正期间为空。")
    )
    due_explanation = models.TextField(_("期限计算说明"), blank=True, editable=False)
    # Art 35: for an excessive application the agency may set a longer reasonable deadline.
    reasonable_deadline = models.DateField(_("延迟答复的合理期限"), null=True, blank=True)
    reasonable_deadline_reason = models.TextField(_("确定合理期限的理由"), blank=True)
    on_the_spot = models.BooleanField(_("当场答复"), default=False)
    withdrawn_on = models.DateField(_("撤回日期"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("撤回说明"), blank=True)
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    history = HistoricalRecords(excluded_fields=PERSONAL_FIELDS)

    class Meta:
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The due-soon and overdue lists: open applications of a unit by due date.
            models.Index(fields=["unit", "due_date"], condition=Q(closed_on__isnull=True), name="request_open_due_idx"),
            # The annual figures: received in a year (new) and still open at its start (carried over).
            models.Index(fields=["unit", "received_on"], name="request_unit_received_idx"),
            models.Index(fields=["received_on", "closed_on"], name="request_received_closed_idx"),
            # The staff list, newest first.
            models.Index(fields=["unit", "-created_at"], name="request_unit_created_idx"),
            # The supervisors' list of every unit, in the admin's order (newest first).
            models.Index(fields=["-created_at", "-id"], name="request_created_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(applicant_type="organization") | Q(organization_kind=""),
                name="request_org_kind_only_for_organizations",
                violation_error_message=_("自然人申请无需选择组织类别。"),
            ),
            models.CheckConstraint(
                condition=~Q(applicant_type="organization") | ~Q(organization_kind=""),
                name="request_org_kind_required",
                violation_error_message=_("请选择法人或其他组织的类别。"),
            ),
        ]

    def __str__(self) -> str:
        return _("依申请公开 %(reference)s") % {"reference": self.reference or "—"}

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def receipt_basis(self) -> str:
        return Channel.basis(self.channel) if self.channel else ""

    @property
    def applicant_column(self) -> str:
        """The annual report's column: 自然人 or the organisation's kind."""
        return (
            ApplicantType.NATURAL_PERSON
            if self.applicant_type == ApplicantType.NATURAL_PERSON
            else self.organization_kind
        )


class PauseKind(models.TextChoices):
    CORRECTION = "correction", _("补正")
    THIRD_PARTY = "third_party", _("征求第三方意见")
    CO_AGENCY = "co_agency", _("征求其他机关意见")
    FEE = "fee", _("信息处理费缴纳")
    REASONS = "reasons", _("要求说明理由")


class PauseOutcome(models.TextChoices):
    CORRECTED = "corrected", _("已补正")
    NOT_CORRECTED = "not_corrected", _("逾期未补正")
    ANSWERED = "answered", _("已答复意见")
    THIRD_PARTY_SILENT = "third_party_silent", _("第三方逾期未提出意见，由本机关依法决定")
    DEEMED_CONSENT = "deemed_consent", _("其他机关逾期未提出意见，视为同意")
    PAID = "paid", _("已缴费")
    NOT_PAID = "not_paid", _("逾期未缴费")
    REASONS_GIVEN = "reasons_given", _("已说明理由")
    NO_REASONS = "no_reasons", _("未说明理由")
    OTHER = "other", _("其他")


class Pause(models.Model):
    """An interval on the application's clock: from the notice (start) to the answer (end).

    补正 restarts the clock from the corrected application's receipt (``end``); the other kinds
    are not counted (Art 32–35, 42). ``end`` is empty while the pause is open.
    """

    application = models.ForeignKey(
        Application, verbose_name=_("申请"), on_delete=models.PROTECT, related_name="pauses"
    )
    kind = models.CharField(_("类型"), max_length=16, choices=PauseKind.choices)
    start = models.DateField(_("开始日期"), help_text=_("告知书或征求意见书发出之日。"))
    end = models.DateField(_("结束日期"), null=True, blank=True, help_text=_("收到补正、意见或缴费之日；进行中为空。"))
    deadline = models.DateField(_("期限"), null=True, blank=True, help_text=_("补正、答复意见或缴费的最后一日。"))
    addressee = models.CharField(_("对象"), max_length=200, blank=True, help_text=_("第三方或其他机关名称。"))
    notice_text = EncryptedTextField(_("告知书或征求意见书内容"), blank=True)
    document = models.FileField(
        _("文书"), storage=private_storage, upload_to=request_document_path, blank=True, validators=[validate_letter]
    )
    outcome = models.CharField(_("结果"), max_length=20, choices=PauseOutcome.choices, blank=True)
    outcome_note = models.TextField(_("结果说明"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("经办人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["notice_text", "document"])

    class Meta:
        verbose_name = _("中止或补正")
        verbose_name_plural = _("中止或补正")
        ordering = ["application", "start", "pk"]
        constraints = [
            # Art 30: one correction notice per application.
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(kind="correction"),
                name="request_one_correction",
                violation_error_message=_("补正告知只能发出一次（条例第三十条）。"),
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="pause_end_after_start",
                violation_error_message=_("结束日期不能早于开始日期。"),
            ),
        ]
        indexes = [
            # Open pauses past their deadline (third-party answer overdue, correction not received).
            models.Index(fields=["deadline"], condition=Q(end__isnull=True), name="pause_open_deadline_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.start:%Y-%m-%d}"


class Extension(models.Model):
    """Art 33: once, approved by the office head (a reviewer of the unit), with notice to the applicant."""

    application = models.OneToOneField(
        Application, verbose_name=_("申请"), on_delete=models.PROTECT, related_name="extension"
    )
    working_days = models.PositiveSmallIntegerField(
        _("延长工作日数"),
        default=rules.EXTENSION_WORKING_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(rules.EXTENSION_WORKING_DAYS)],
    )
    reason = models.TextField(_("延期理由"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("批准人"), on_delete=models.PROTECT, related_name="+"
    )
    approved_on = models.DateField(_("批准日期"))
    notified_on = models.DateField(_("告知申请人日期"), null=True, blank=True)
    notice_text = EncryptedTextField(_("延期告知书内容"), blank=True)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["notice_text"])

    class Meta:
        verbose_name = _("延期答复")
        verbose_name_plural = _("延期答复")

    def __str__(self) -> str:
        return _("延期%(days)d个工作日") % {"days": self.working_days}


class Fee(models.Model):
    """Art 42: 信息处理费, only for excessive applications; recorded with its notice and payment."""

    application = models.OneToOneField(
        Application, verbose_name=_("申请"), on_delete=models.PROTECT, related_name="fee"
    )
    notice_on = models.DateField(_("收费通知日期"))
    amount = models.DecimalField(_("金额（元）"), max_digits=10, decimal_places=2, validators=[MinValueValidator(0)])
    due_on = models.DateField(_("缴费期限"))
    paid_on = models.DateField(_("缴费日期"), null=True, blank=True)
    basis = models.TextField(_("收费依据和计算方式"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("信息处理费")
        verbose_name_plural = _("信息处理费")

    def __str__(self) -> str:
        return f"{self.amount} 元"


class ReplyKind(models.TextChoices):
    """Table 三's outcome rows （一）–（六）."""

    DISCLOSED = "disclosed", _("予以公开")
    PARTIAL = "partial", _("部分公开")
    REFUSED = "refused", _("不予公开")
    UNAVAILABLE = "unavailable", _("无法提供")
    NOT_PROCESSED = "not_processed", _("不予处理")
    OTHER = "other", _("其他处理")


class ReplyReason(models.TextChoices):
    """Table 三's numbered cells under （三）–（六）, with the annual report's words."""

    STATE_SECRET = "state_secret", _("属于国家秘密")
    LAW_PROHIBITS = "law_prohibits", _("其他法律行政法规禁止公开")
    SAFETY_STABILITY = "safety_stability", _("危及“三安全一稳定”")
    THIRD_PARTY_RIGHTS = "third_party_rights", _("保护第三方合法权益")
    INTERNAL_AFFAIRS = "internal_affairs", _("属于三类内部事务信息")
    PROCESS_INFO = "process_info", _("属于四类过程性信息")
    ENFORCEMENT_FILE = "enforcement_file", _("属于行政执法案卷")
    ADMIN_QUERY = "admin_query", _("属于行政查询事项")
    NOT_HELD = "not_held", _("本机关不掌握相关政府信息")
    NEEDS_CREATION = "needs_creation", _("没有现成信息需要另行制作")
    STILL_UNCLEAR = "still_unclear", _("补正后申请内容仍不明确")
    PETITION = "petition", _("信访举报投诉类申请")
    REPEATED = "repeated", _("重复申请")
    PUBLICATION = "publication", _("要求提供公开出版物")
    EXCESSIVE = "excessive", _("无正当理由大量反复申请")
    CONFIRM_OR_REISSUE = "confirm_or_reissue", _("要求行政机关确认或重新出具已获取信息")
    NO_CORRECTION = "no_correction", _("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")
    FEE_NOT_PAID = "fee_not_paid", _("申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")
    OTHER = "other", _("其他")


# Which numbered cells belong to which row; 予以公开 and 部分公开 have none.
REASONS_BY_KIND: dict[str, tuple[str, ...]] = {
    ReplyKind.DISCLOSED: (),
    ReplyKind.PARTIAL: (),
    ReplyKind.REFUSED: (
        ReplyReason.STATE_SECRET,
        ReplyReason.LAW_PROHIBITS,
        ReplyReason.SAFETY_STABILITY,
        ReplyReason.THIRD_PARTY_RIGHTS,
        ReplyReason.INTERNAL_AFFAIRS,
        ReplyReason.PROCESS_INFO,
        ReplyReason.ENFORCEMENT_FILE,
        ReplyReason.ADMIN_QUERY,
    ),
    ReplyKind.UNAVAILABLE: (ReplyReason.NOT_HELD, ReplyReason.NEEDS_CREATION, ReplyReason.STILL_UNCLEAR),
    ReplyKind.NOT_PROCESSED: (
        ReplyReason.PETITION,
        ReplyReason.REPEATED,
        ReplyReason.PUBLICATION,
        ReplyReason.EXCESSIVE,
        ReplyReason.CONFIRM_OR_REISSUE,
    ),
    ReplyKind.OTHER: (ReplyReason.NO_CORRECTION, ReplyReason.FEE_NOT_PAID, ReplyReason.OTHER),
}
# 不予公开 and 无法提供 state the legal ground and the applicant's remedies.
KINDS_NEEDING_GROUND = (ReplyKind.REFUSED, ReplyKind.UNAVAILABLE)


class SentRoute(models.TextChoices):
    EMAIL = "email", _("电子邮件")
    POST = "post", _("邮寄")
    IN_PERSON = "in_person", _("当面送达")


class SentStatus(models.TextChoices):
    DRAFT = "draft", _("未发送")
    SENT = "sent", _("已发送")
    FAILED = "failed", _("发送失败")


class Reply(models.Model):
    """The agency's answer: one per application, counted in one cell of table 三."""

    application = models.OneToOneField(
        Application, verbose_name=_("申请"), on_delete=models.PROTECT, related_name="reply"
    )
    kind = models.CharField(_("办理结果"), max_length=16, choices=ReplyKind.choices)
    reason = models.CharField(_("具体情形"), max_length=24, choices=ReplyReason.choices, blank=True)
    legal_ground = models.TextField(_("法律依据"), blank=True)
    reconsideration_body = models.CharField(_("行政复议机关"), max_length=200, blank=True)
    reconsideration_days = models.PositiveSmallIntegerField(_("申请复议期限（日）"), default=rules.RECONSIDERATION_DAYS)
    litigation_court = models.CharField(_("行政诉讼管辖法院"), max_length=200, blank=True)
    litigation_months = models.PositiveSmallIntegerField(_("起诉期限（月）"), default=rules.LITIGATION_MONTHS)
    right_agency = models.CharField(
        _("负责公开该信息的机关"),
        max_length=200,
        blank=True,
        help_text=_("本机关不掌握但能确定负责机关的，写明其名称和联系方式。"),
    )
    disclosed_url = models.URLField(_("已公开信息的网址"), max_length=500, blank=True)
    letter_text = EncryptedTextField(_("答复告知书内容"), blank=True)
    letter_document = models.FileField(
        _("答复告知书（签章件）"),
        storage=private_storage,
        upload_to=request_document_path,
        blank=True,
        validators=[validate_letter],
    )
    replied_on = models.DateField(_("答复日期"), null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("答复人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sent_route = models.CharField(_("送达方式"), max_length=16, choices=SentRoute.choices, blank=True)
    sent_status = models.CharField(_("送达状态"), max_length=16, choices=SentStatus.choices, default=SentStatus.DRAFT)
    sent_at = models.DateTimeField(_("发送时间"), null=True, blank=True)
    # The day the letter went out: e-mailed, posted or handed over (post and hand-over have a date,
    # no time); empty while not sent.
    sent_on = models.DateField(_("送达或寄出日期"), null=True, blank=True)
    tracking_number = models.CharField(_("邮件单号"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["letter_text", "letter_document"])

    class Meta:
        verbose_name = _("答复")
        verbose_name_plural = _("答复")
        indexes = [models.Index(fields=["replied_on"], name="reply_replied_on_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["disclosed", "partial"], reason="")
                | (~Q(kind__in=["disclosed", "partial"]) & ~Q(reason="")),
                name="reply_reason_matches_kind",
                violation_error_message=_("请选择与办理结果相符的具体情形。"),
            ),
        ]

    def __str__(self) -> str:
        label = self.get_kind_display()
        return f"{label}（{self.get_reason_display()}）" if self.reason else label


class ReviewKind(models.TextChoices):
    RECONSIDERATION = "reconsideration", _("行政复议")
    LITIGATION_DIRECT = "litigation_direct", _("行政诉讼（未经复议直接起诉）")
    LITIGATION_AFTER_REVIEW = "litigation_after_review", _("行政诉讼（复议后起诉）")


class ReviewOutcome(models.TextChoices):
    UPHELD = "upheld", _("维持")
    CORRECTED = "corrected", _("纠正")
    OTHER = "other", _("其他")
    PENDING = "pending", _("尚未审结")


class Review(models.Model):
    """Reconsideration or litigation against a reply: table 四."""

    application = models.ForeignKey(
        Application, verbose_name=_("申请"), on_delete=models.PROTECT, related_name="reviews"
    )
    kind = models.CharField(_("类型"), max_length=24, choices=ReviewKind.choices)
    body = models.CharField(_("复议机关或法院"), max_length=200, blank=True)
    filed_on = models.DateField(_("申请或起诉日期"), null=True, blank=True)
    outcome = models.CharField(_("结果"), max_length=16, choices=ReviewOutcome.choices, default=ReviewOutcome.PENDING)
    decided_on = models.DateField(_("决定或判决日期"), null=True, blank=True)
    copy_received_on = models.DateField(
        _("收到申请书或起诉状副本日期"), null=True, blank=True, help_text=_("答复或答辩期限由此起算；不详的留空。")
    )
    answer_due = models.DateField(_("答复或答辩期限"), null=True, blank=True, editable=False)
    answered_on = models.DateField(_("提交答复或答辩状日期"), null=True, blank=True)
    note = models.TextField(_("说明"), blank=True)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("行政复议和行政诉讼")
        verbose_name_plural = _("行政复议和行政诉讼")
        ordering = ["application", "filed_on", "pk"]
        indexes = [models.Index(fields=["filed_on"], name="review_filed_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.get_outcome_display()}"

    @property
    def is_litigation(self) -> bool:
        return self.kind != ReviewKind.RECONSIDERATION
