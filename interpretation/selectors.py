"""Public reads and the rule checks shown per document and per unit and year."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Min, Q, QuerySet
from django.urls import reverse

from interpretation.models import (
    ENDED_STATES,
    NEWEST_FIRST,
    SYNC_KINDS,
    Form,
    Interpretation,
    PolicyDocument,
    Status,
    Validity,
    date_label,
)
from interpretation.rules import NOT_APPLICABLE, Share, SyncStatus, sync_status
from lushan_portal.legal_documents import EndedDocument

PUBLISHED_INTERPRETATIONS = Q(interpretations__status=Status.PUBLISHED)
UNDATED_INTERPRETATIONS = PUBLISHED_INTERPRETATIONS & Q(interpretations__published_on=None)


def published_documents() -> QuerySet:
    """Published documents, without the interpretation figures (what lists that do not show them read)."""
    return PolicyDocument.objects.filter(status=Status.PUBLISHED).select_related("unit")


def public_documents() -> QuerySet:
    """Published documents, with the date of the first published interpretation and how many are undated."""
    return (
        published_documents()
        .annotate(
            first_interpretation_on=Min("interpretations__published_on", filter=PUBLISHED_INTERPRETATIONS),
            undated_interpretations=Count("interpretations", filter=UNDATED_INTERPRETATIONS),
        )
        .order_by(*NEWEST_FIRST)  # an aggregate query drops Meta.ordering
    )


def public_interpretations() -> QuerySet:
    return Interpretation.objects.filter(status=Status.PUBLISHED, document__status=Status.PUBLISHED).select_related(
        "unit", "document", "document__unit"
    )


def newest_first(queryset: QuerySet) -> QuerySet:
    """Newest original date first; records of unknown date last (never sorted as today)."""
    return queryset.order_by(*NEWEST_FIRST)


def newest_interpretations(limit: int) -> QuerySet:
    """The latest published interpretations (the home page), through index interp_public_idx."""
    return newest_first(public_interpretations())[:limit]


def document_sync(document: PolicyDocument) -> SyncStatus:
    """三同步 status of a published document; other kinds say the rule does not apply."""
    if not document.under_sync_rule:
        return NOT_APPLICABLE
    return sync_status(
        document.published_on,
        document.first_interpretation_on,
        undated_interpretations=getattr(document, "undated_interpretations", 0),
    )


SIGNED_LABELS = {
    "signed": "解读与文件同步组织、同步审签",
    "not_signed": "有解读未与文件同步审签",
    "unstated": "未说明（有解读未说明是否同步审签）",
}


def signed_together(interpretations: list[Interpretation]) -> str:
    """同步审签 over a document's interpretations: any "no" wins, then any unknown (未说明)."""
    values = [i.signed_with_document for i in interpretations]
    if False in values:
        return "not_signed"
    return "unstated" if None in values else "signed"


@dataclass(frozen=True)
class DocumentChecks:
    sync: SyncStatus
    first_interpreter_ok: bool | None  # None: the rule does not apply
    expert_ok: bool | None
    signed_together: str | None  # 同步审签 (a SIGNED_LABELS key), for documents under 三同步 with interpretations

    @property
    def signed_label(self) -> str:
        return SIGNED_LABELS.get(self.signed_together, "")


def document_checks(document: PolicyDocument, interpretations: list[Interpretation]) -> DocumentChecks:
    first = None
    if document.needs_first_interpreter:
        first = bool(interpretations) and all(
            i.first_interpreter_name and i.first_interpreter_post for i in interpretations
        )
    expert = any(i.form == Form.EXPERT for i in interpretations) if document.specialised else None
    signed = signed_together(interpretations) if document.under_sync_rule and interpretations else None
    return DocumentChecks(
        sync=document_sync(document), first_interpreter_ok=first, expert_ok=expert, signed_together=signed
    )


def year_range(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def multi_format_shares(start: date, end: date, unit_ids: list[int] | None = None) -> dict[int, Share]:
    """Per unit: interpretations in any form but plain text / all, published in the period. One query."""
    rows = public_interpretations().filter(published_on__range=(start, end))
    if unit_ids is not None:
        rows = rows.filter(unit__in=unit_ids)
    grouped = rows.order_by().values("unit").annotate(total=Count("id"), multi=Count("id", filter=~Q(form=Form.TEXT)))
    return {row["unit"]: Share(multi_format=row["multi"], total=row["total"]) for row in grouped}


@dataclass(frozen=True)
class UnitYear:
    year: int
    share: Share
    documents: int
    synchronised: int
    late: int
    missing: int
    unknown: int  # 无法判断: an interpretation of unknown date might have been in time
    undated_documents: int  # published with 发布日期 unknown: in no year, counted apart
    undated_interpretations: int  # in no year's share, counted apart


def unit_year(unit_id: int, year: int) -> UnitYear:
    """The unit's figures for the year; records of unknown date are counted apart, never as in time."""
    start, end = year_range(year)
    in_year = Q(published_on__range=(start, end))
    documents = public_documents().filter(in_year | Q(published_on=None), unit=unit_id, kind__in=SYNC_KINDS)
    documents = documents.select_related(None).only("kind", "published_on")  # what document_sync reads
    rows = [(d.published_on, document_sync(d).code) for d in documents]
    statuses = [code for published_on, code in rows if published_on is not None]
    interpretations = (
        public_interpretations()
        .filter(in_year | Q(published_on=None), unit=unit_id)
        .aggregate(
            total=Count("id", filter=in_year),
            multi=Count("id", filter=in_year & ~Q(form=Form.TEXT)),
            undated=Count("id", filter=Q(published_on=None)),
        )
    )
    return UnitYear(
        year=year,
        share=Share(multi_format=interpretations["multi"], total=interpretations["total"]),
        documents=len(statuses),
        synchronised=statuses.count("synchronised"),
        late=statuses.count("late"),
        missing=statuses.count("missing"),
        unknown=statuses.count("unknown"),
        undated_documents=len(rows) - len(statuses),
        undated_interpretations=interpretations["undated"],
    )


@dataclass(frozen=True)
class ValidityNotice:
    """The banner on an amended, repealed or expired document's page (国办发〔2017〕47号)."""

    state: str  # 已修改, 已废止, 已失效
    verb: str  # 修改, 废止, 失效
    changed_on: str  # a date or 日期不详
    changer_title: str  # the changing document as named; blank for one that simply expired
    changer_url: str  # its page when it is public here; blank otherwise
    reason: str


VERBS = {Validity.AMENDED: "修改", Validity.REPEALED: "废止", Validity.EXPIRED: "失效"}


def validity_notice(document: PolicyDocument) -> ValidityNotice | None:
    """None for a document in force; one query for the changing document when it is in the portal."""
    if document.validity == Validity.IN_FORCE:
        return None
    changer = None
    if document.changed_by_document_id:
        changer = (
            PolicyDocument.objects.filter(pk=document.changed_by_document_id).only("title", "number", "status").first()
        )
    return ValidityNotice(
        state=document.get_validity_display(),
        verb=VERBS[document.validity],
        changed_on=date_label(document.validity_changed_on),
        changer_title=str(changer) if changer else document.changed_by_title,
        changer_url=changer.get_absolute_url() if changer and changer.status == Status.PUBLISHED else "",
        reason=document.validity_reason,
    )


def documents_changed_by(document: PolicyDocument) -> QuerySet:
    """The public documents this one amended or repealed."""
    return PolicyDocument.objects.filter(changed_by_document=document, status=Status.PUBLISHED).only(
        "title", "number", "validity"
    )


def ended_library_documents() -> list:
    """Published documents of the library that were repealed or expired (lushan_portal.legal_documents)."""
    rows = PolicyDocument.objects.filter(status=Status.PUBLISHED, validity__in=ENDED_STATES).order_by()
    fields = ("pk", "title", "number", "validity_changed_on", "validity")
    return [
        EndedDocument(
            f"interpretation:{pk}",
            title,
            number,
            ended_on,
            str(Validity(validity).label),
            reverse("interpretation:document", args=[pk]),
        )
        for pk, title, number, ended_on, validity in rows.values_list(*fields)
    ]
