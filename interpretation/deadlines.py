"""Interpretation deadlines and indicators registered with the compliance registry."""

from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from compliance.registry import (
    DeadlineRule,
    Indicator,
    IndicatorValue,
    register_indicator,
    register_rule,
    share_by_unit,
)
from interpretation.models import DocumentKind, Interpretation, PolicyDocument, Status
from interpretation.rules import MULTI_FORMAT_TARGET_PERCENT, interpretation_due

MISSING_INTERPRETATION = "interpretation.missing"
MULTI_FORMAT_SHARE = "interpretation.multi_format_share"


def waiting_for_interpretation() -> QuerySet:
    """Published normative documents with no published interpretation (index policy_interpretation_due_idx)."""
    interpreted = Interpretation.objects.filter(document=OuterRef("pk"), status=Status.PUBLISHED)
    return PolicyDocument.objects.filter(status=Status.PUBLISHED, kind=DocumentKind.NORMATIVE).exclude(
        Exists(interpreted)
    )


def missing_interpretation(today: date) -> QuerySet:
    return waiting_for_interpretation().filter(interpretation_due__lt=today)


def recompute_due_dates() -> int:
    updated = 0
    documents = PolicyDocument.objects.filter(status=Status.PUBLISHED, kind=DocumentKind.NORMATIVE)
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


def register_rules() -> None:
    register_rule(
        DeadlineRule(
            code=MISSING_INTERPRETATION,
            title=_("行政规范性文件逾期未发布解读（三同步）"),
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
            target=f"≥ {MULTI_FORMAT_TARGET_PERCENT}%",
            compute=multi_format_share,
            offending=plain_text,
        )
    )


SYNCHRONISED = "interpretation.synchronised"


def synchronised(start: date, end: date) -> dict[int, IndicatorValue]:
    """Normative documents published in the period whose interpretation came within the limit."""
    in_time = Interpretation.objects.filter(
        document=OuterRef("pk"), status=Status.PUBLISHED, published_on__lte=OuterRef("interpretation_due")
    )
    documents = PolicyDocument.objects.filter(
        status=Status.PUBLISHED, kind=DocumentKind.NORMATIVE, published_on__range=(start, end)
    )
    return share_by_unit(documents, Q(Exists(in_time)))


def not_synchronised(unit_id: int, start: date, end: date) -> QuerySet:
    in_time = Interpretation.objects.filter(
        document=OuterRef("pk"), status=Status.PUBLISHED, published_on__lte=OuterRef("interpretation_due")
    )
    return PolicyDocument.objects.filter(
        unit=unit_id, status=Status.PUBLISHED, kind=DocumentKind.NORMATIVE, published_on__range=(start, end)
    ).exclude(Exists(in_time))


def plain_text(unit_id: int, start: date, end: date) -> QuerySet:
    return Interpretation.objects.filter(
        unit=unit_id, status=Status.PUBLISHED, form="text", published_on__range=(start, end)
    )


def register_indicators() -> None:
    register_indicator(
        Indicator(
            code=SYNCHRONISED,
            title=_("政策解读三同步率"),
            target="100%",
            compute=synchronised,
            offending=not_synchronised,
        )
    )
