"""What the public sees of a decision: one function, used by pages, API, feeds, CSV and search."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils import timezone

from enforcement.models import Decision, DecisionKind, DecisionStatus, PartyCategory
from enforcement.rules import NO_END_DATE
from lushan_portal.masking import Finding, find_personal_data, mask_person_name, scrub_text

CORRECTION_NOTE = "更正说明"
BOTH = (DecisionKind.LICENCE, DecisionKind.PENALTY, DecisionKind.COERCION)  # every kind
PENALTY = (DecisionKind.PENALTY,)
COERCION = (DecisionKind.COERCION,)
SANCTION = (DecisionKind.PENALTY, DecisionKind.COERCION)  # the violation and its legal basis
LICENCE = (DecisionKind.LICENCE,)


@dataclass(frozen=True)
class PublicField:
    key: str  # API key
    label: str  # the national column name (rules.md §4), also the CSV header
    kinds: tuple[str, ...]
    value: Callable[[Decision, "Masker"], object]
    source: str = ""  # the model attribute, for free text scrubbed by the masker
    kind_labels: tuple[tuple[str, str], ...] = ()  # (kind, label) where a kind names it otherwise

    def label_for(self, kind: str) -> str:
        return dict(self.kind_labels).get(kind, self.label)


class Masker:
    """Masks one decision's personal data."""

    def __init__(self, decision: Decision) -> None:
        self.person_behind = decision.party_category in (
            PartyCategory.NATURAL_PERSON,
            PartyCategory.INDIVIDUAL_BUSINESS,
        )
        self.names: list[str] = []
        if decision.party_category == PartyCategory.NATURAL_PERSON:
            self.names.append(decision.party_name)
        if self.person_behind:
            self.names.append(decision.legal_representative)
        self.id_number = decision.id_number

    def text(self, value: str) -> str:
        return scrub_text(value, names=self.names, identifiers=[self.id_number])

    def findings(self, value: str) -> list[Finding]:
        return find_personal_data(value, names=self.names, identifiers=[self.id_number])

    def name(self, value: str) -> str:
        return mask_person_name(value) if value in self.names else self.text(value)


def _date(value: date | None) -> str:
    if value is None:
        return ""
    if value == NO_END_DATE:
        return "长期"
    return value.isoformat()


def _amount(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


def _text_field(key: str, label: str, kinds: tuple[str, ...], **extra: object) -> PublicField:
    """Free text: the model attribute of the same name, scrubbed."""
    return PublicField(key, label, kinds, lambda d, m: m.text(getattr(d, key)), source=key, **extra)


PUBLIC_FIELDS = [
    PublicField("kind", "类型", BOTH, lambda d, m: d.get_kind_display()),
    PublicField("party_name", "行政相对人名称", BOTH, lambda d, m: m.name(d.party_name)),
    PublicField("party_category", "行政相对人类别", BOTH, lambda d, m: d.get_party_category_display()),
    PublicField(
        "credit_code",
        "统一社会信用代码",
        BOTH,
        lambda d, m: "" if d.party_category == PartyCategory.NATURAL_PERSON else d.credit_code,
    ),
    PublicField(
        "legal_representative",
        "法定代表人",
        BOTH,
        lambda d, m: m.name(d.legal_representative) if d.party_category != PartyCategory.NATURAL_PERSON else "",
    ),
    PublicField("decision_number", "决定文书号", BOTH, lambda d, m: d.decision_number),
    _text_field("violation_type", "违法行为类型", SANCTION),
    _text_field("violation_facts", "违法事实", SANCTION),
    _text_field("legal_basis", "处罚依据", SANCTION, kind_labels=((DecisionKind.COERCION, "强制依据"),)),
    PublicField("penalty_categories", "处罚类别", PENALTY, lambda d, m: d.penalty_categories),
    _text_field("penalty_content", "处罚内容", PENALTY),
    PublicField("fine_amount", "罚款金额（万元）", PENALTY, lambda d, m: _amount(d.fine_amount)),
    PublicField(
        "confiscated_amount",
        "没收违法所得、没收非法财物的金额（万元）",
        PENALTY,
        lambda d, m: _amount(d.confiscated_amount),
    ),
    _text_field("suspended_licence", "暂扣或吊销证照名称及编号", PENALTY),
    PublicField("penalty_valid_until", "处罚有效期", PENALTY, lambda d, m: _date(d.penalty_valid_until)),
    PublicField("coercion_categories", "强制类别", COERCION, lambda d, m: d.coercion_categories),
    _text_field("coercion_content", "强制内容", COERCION),
    _text_field("licence_document_name", "行政许可决定文书名称", LICENCE),
    PublicField("licence_category", "许可类别", LICENCE, lambda d, m: d.get_licence_category_display()),
    _text_field("licence_certificate_name", "许可证书名称", LICENCE),
    PublicField("licence_number", "许可编号", LICENCE, lambda d, m: d.licence_number),
    _text_field("licence_content", "许可内容", LICENCE),
    PublicField("valid_from", "有效期自", LICENCE, lambda d, m: _date(d.valid_from)),
    PublicField("valid_to", "有效期至", LICENCE, lambda d, m: _date(d.valid_to)),
    PublicField("licence_status", "当前状态", LICENCE, lambda d, m: "有效" if d.licence_valid else "无效"),
    PublicField("decision_date", "决定日期", BOTH, lambda d, m: _date(d.decision_date)),
    PublicField("publicity_until", "公示截止期", BOTH, lambda d, m: _date(d.publicity_until)),
    PublicField("authority_name", "决定机关", BOTH, lambda d, m: d.authority_name),
    PublicField("authority_credit_code", "决定机关统一社会信用代码", BOTH, lambda d, m: d.authority_credit_code),
    _text_field("remarks", "备注", BOTH),
]


def public_values(decision: Decision) -> dict[str, object]:
    """Every public field of any kind, masked; fields of the other kind are blank."""
    masker = Masker(decision)
    return {f.key: (f.value(decision, masker) if decision.kind in f.kinds else "") for f in PUBLIC_FIELDS}


def public_rows(decision: Decision) -> list[tuple[str, object]]:
    """(label, value) pairs for the decision's own kind, masked: the detail page."""
    masker = Masker(decision)
    return [(f.label_for(decision.kind), f.value(decision, masker)) for f in PUBLIC_FIELDS if decision.kind in f.kinds]


def masking_findings(decision: Decision) -> list[tuple[str, Finding]]:
    """(field label, finding) for each fragment of the decision's free text the public will see masked."""
    masker = Masker(decision)
    kind = decision.kind
    texts = [(f.label_for(kind), getattr(decision, f.source)) for f in PUBLIC_FIELDS if f.source and kind in f.kinds]
    texts.append((CORRECTION_NOTE, decision.correction_note))
    return [(label, finding) for label, text in texts for finding in masker.findings(text)]


def public_correction_note(decision: Decision) -> str:
    return Masker(decision).text(decision.correction_note)


# What a list row shows (the home page, the search): the title (public_title, masked), the unit and
# the date. A list reads these columns only: no long texts, no decryption of address or phone.
LISTED_FIELDS = (
    "kind",
    "decision_number",
    "decision_date",
    "party_name",
    "party_category",
    "legal_representative",  # Masker: a person's name behind an individual business
    "id_number",  # Masker: scrubbed from the name
    "unit__name",
    "unit__short_name",
)


def listed(decisions: QuerySet) -> QuerySet:
    return decisions.only(*LISTED_FIELDS)


def public_title(decision: Decision) -> str:
    return f"{decision.get_kind_display()}：{Masker(decision).name(decision.party_name)}（{decision.decision_number}）"


def visible_condition(today: date) -> Q:
    return Q(status=DecisionStatus.PUBLISHED, party_is_minor=False, publicity_until__gte=today)


def public_decisions(today: date | None = None) -> QuerySet:
    """Decisions the public may see today: published, not a minor's, within their publicity period."""
    today = today or timezone.localdate()
    return Decision.objects.filter(visible_condition(today)).select_related("unit")
