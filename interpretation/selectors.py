"""Public reads and the rule checks shown per document and per unit and year."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Min, Q, QuerySet

from interpretation.models import DocumentKind, Form, Interpretation, PolicyDocument, Status
from interpretation.rules import Share, SyncStatus, sync_status

PUBLISHED_INTERPRETATIONS = Q(interpretations__status=Status.PUBLISHED)


def public_documents() -> QuerySet:
    """Published documents, each with the date of its first published interpretation."""
    return (
        PolicyDocument.objects.filter(status=Status.PUBLISHED)
        .select_related("unit")
        .annotate(first_interpretation_on=Min("interpretations__published_on", filter=PUBLISHED_INTERPRETATIONS))
    )


def public_interpretations() -> QuerySet:
    return Interpretation.objects.filter(status=Status.PUBLISHED, document__status=Status.PUBLISHED).select_related(
        "unit", "document"
    )


def document_sync(document: PolicyDocument) -> SyncStatus | None:
    """三同步 status of a published normative document (None for other documents)."""
    if document.kind != DocumentKind.NORMATIVE:
        return None
    return sync_status(document.published_on, document.first_interpretation_on)


@dataclass(frozen=True)
class DocumentChecks:
    sync: SyncStatus | None
    first_interpreter_ok: bool | None  # None: the rule does not apply
    expert_ok: bool | None
    signed_together: bool | None  # 同步审签, for normative documents with interpretations


def document_checks(document: PolicyDocument, interpretations: list[Interpretation]) -> DocumentChecks:
    first = None
    if document.needs_first_interpreter:
        first = bool(interpretations) and all(
            i.first_interpreter_name and i.first_interpreter_post for i in interpretations
        )
    expert = any(i.form == Form.EXPERT for i in interpretations) if document.specialised else None
    signed = None
    if document.kind == DocumentKind.NORMATIVE and interpretations:
        signed = all(i.signed_with_document for i in interpretations)
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


def unit_year(unit_id: int, year: int) -> UnitYear:
    start, end = year_range(year)
    share = multi_format_shares(start, end, [unit_id]).get(unit_id, Share(0, 0))
    documents = public_documents().filter(unit=unit_id, kind=DocumentKind.NORMATIVE, published_on__range=(start, end))
    statuses = [document_sync(d).code for d in documents]
    return UnitYear(
        year=year,
        share=share,
        documents=len(statuses),
        synchronised=statuses.count("synchronised"),
        late=statuses.count("late"),
        missing=statuses.count("missing"),
    )
