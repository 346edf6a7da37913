"""Interpretation deadlines, indicators and incomplete records registered with the compliance registry."""

from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from compliance.registry import (
    DeadlineRule,
    IncompleteRecords,
    Indicator,
    IndicatorValue,
    register_incomplete,
    register_indicator,
    register_rule,
)
from interpretation.models import SYNC_KINDS, Interpretation, PolicyDocument, Status
from interpretation.rules import MULTI_FORMAT_TARGET_PERCENT, interpretation_due

MISSING_INTERPRETATION = "interpretation.missing"
MULTI_FORMAT_SHARE = "interpretation.multi_format_share"
SYNCHRONISED = "interpretation.synchronised"
SYNC_UNKNOWN = "interpretation.sync_unknown"
INCOMPLETE_DOCUMENTS = "interpretation.documents"
INCOMPLETE_INTERPRETATIONS = "interpretation.interpretations"


def _under_sync_rule() -> QuerySet:
    return PolicyDocument.objects.filter(status=Status.PUBLISHED, kind__in=SYNC_KINDS)


def waiting_for_interpretation() -> QuerySet:
    """Published documents under 三同步 with no published interpretation (index policy_interpretation_due_idx).

    A document of unknown 发布日期 has no due date, so it never becomes overdue: it is 无法判断.
    """
    interpreted = Interpretation.objects.filter(document=OuterRef("pk"), status=Status.PUBLISHED)
    return _under_sync_rule().exclude(Exists(interpreted))


def missing_interpretation(today: date) -> QuerySet:
    return waiting_for_interpretation().filter(interpretation_due__lt=today)


def recompute_due_dates() -> int:
    updated = 0
    documents = _under_sync_rule().exclude(published_on=None)
    for published_on in documents.order_by().values_list("published_on", flat=True).distinct():
        updated += documents.filter(published_on=published_on).update(
            interpretation_due=interpretation_due(published_on)
        )
    return updated


def multi_format_share(start: date, end: date) -> dict[int, IndicatorValue]:
    from interpretation.selectors import multi_format_shares

    return {
        unit_id: IndicatorValue(numerator=share.multi_format, denominator=share.total, met=share.met)
        for unit_id, share in multi_format_shares(start, end).items()
    }


def _in_time() -> Q:
    return Q(
        Exists(
            Interpretation.objects.filter(
                document=OuterRef("pk"), status=Status.PUBLISHED, published_on__lte=OuterRef("interpretation_due")
            )
        )
    )


def _undecidable() -> Q:
    """Not in time by the known dates, but a published interpretation of unknown date exists."""
    undated = Interpretation.objects.filter(document=OuterRef("pk"), status=Status.PUBLISHED, published_on=None)
    return ~_in_time() & Q(Exists(undated))


def _documents_in(start: date, end: date, unit_id: int | None = None) -> QuerySet:
    documents = _under_sync_rule().filter(published_on__range=(start, end))
    return documents if unit_id is None else documents.filter(unit=unit_id)


def _sync_counts(start: date, end: date) -> list[dict]:
    return list(
        _documents_in(start, end)
        .order_by()
        .values("unit")
        .annotate(total=Count("pk"), ok=Count("pk", filter=_in_time()), unknown=Count("pk", filter=_undecidable()))
    )


def synchronised(start: date, end: date) -> dict[int, IndicatorValue]:
    """Documents under 三同步 published in the period whose interpretation came within the limit.

    Undecidable pairs (日期不详) are left out of both sides and counted by SYNC_UNKNOWN.
    """
    values = {}
    for row in _sync_counts(start, end):
        judged = row["total"] - row["unknown"]
        values[row["unit"]] = IndicatorValue(row["ok"], judged, row["ok"] == judged if judged else None)
    return values


def sync_unknown(start: date, end: date) -> dict[int, IndicatorValue]:
    """How many pairs of the period cannot be judged (n 件无法判断); none is the target."""
    return {
        row["unit"]: IndicatorValue(row["unknown"], row["total"], row["unknown"] == 0)
        for row in _sync_counts(start, end)
    }


def not_synchronised(unit_id: int, start: date, end: date) -> QuerySet:
    return _documents_in(start, end, unit_id).exclude(_in_time()).exclude(_undecidable())


def undecidable(unit_id: int, start: date, end: date) -> QuerySet:
    return _documents_in(start, end, unit_id).filter(_undecidable())


def plain_text(unit_id: int, start: date, end: date) -> QuerySet:
    return Interpretation.objects.filter(
        unit=unit_id, status=Status.PUBLISHED, form="text", published_on__range=(start, end)
    )


def incomplete_documents() -> QuerySet:
    return PolicyDocument.objects.filter(status=Status.PUBLISHED).filter(Q(signed_on=None) | Q(published_on=None))


def incomplete_interpretations() -> QuerySet:
    unstated = Q(signed_with_document=None, document__kind__in=SYNC_KINDS)
    return Interpretation.objects.filter(status=Status.PUBLISHED).filter(Q(published_on=None) | unstated)


def document_missing(document: PolicyDocument) -> list[str]:
    labels = [("signed_on", "成文日期（日期不详）"), ("published_on", "发布日期（日期不详）")]
    return [label for field, label in labels if getattr(document, field) is None]


def interpretation_missing(interpretation: Interpretation) -> list[str]:
    missing = ["发布日期（日期不详）"] if interpretation.published_on is None else []
    if interpretation.signed_with_document is None and interpretation.document.under_sync_rule:
        missing.append("同步审签（未说明）")
    return missing


def register_rules() -> None:
    register_rule(
        DeadlineRule(
            code=MISSING_INTERPRETATION,
            title=_("行政规范性文件、重要政策逾期未发布解读（三同步）"),
            overdue=missing_interpretation,
            due_field="interpretation_due",
            open_deadlines=waiting_for_interpretation,
            recompute_due_dates=recompute_due_dates,
        )
    )
    register_indicator(
        Indicator(
            code=MULTI_FORMAT_SHARE,
            title=_("多元化解读占比"),
            short_title=_("多元解读"),
            target=f"≥ {MULTI_FORMAT_TARGET_PERCENT}%",
            compute=multi_format_share,
            offending=plain_text,
        )
    )
    register_incomplete(
        IncompleteRecords(
            code=INCOMPLETE_DOCUMENTS,
            title=_("政策文件：日期不详"),
            records=incomplete_documents,
            missing=document_missing,
        )
    )
    register_incomplete(
        IncompleteRecords(
            code=INCOMPLETE_INTERPRETATIONS,
            title=_("政策解读：日期不详或同步审签未说明"),
            records=incomplete_interpretations,
            missing=interpretation_missing,
        )
    )


def register_indicators() -> None:
    register_indicator(
        Indicator(
            code=SYNCHRONISED,
            title=_("政策解读三同步率"),
            short_title=_("三同步率"),
            target="100%",
            compute=synchronised,
            offending=not_synchronised,
        )
    )
    register_indicator(
        Indicator(
            code=SYNC_UNKNOWN,
            title=_("三同步无法判断（日期不详）"),
            short_title=_("同步不详"),
            target=_("0 件"),
            compute=sync_unknown,
            offending=undecidable,
            percent=False,
        )
    )
