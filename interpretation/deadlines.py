"""Interpretation deadlines, indicators and incomplete records registered with the compliance registry."""

from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from compliance.registry import (
    DRILL_LIMIT,
    DeadlineRule,
    DrillRow,
    IncompleteRecords,
    Indicator,
    IndicatorValue,
    register_incomplete,
    register_indicator,
    register_rule,
)
from interpretation.models import SYNC_KINDS, Interpretation, PolicyDocument, Status
from interpretation.rules import CLEANING_YEARS, MULTI_FORMAT_TARGET_PERCENT, interpretation_due, sync_limit_days
from lushan_portal import pagecache

MISSING_INTERPRETATION = "interpretation.missing"
MULTI_FORMAT_SHARE = "interpretation.multi_format_share"
SYNCHRONISED = "interpretation.synchronised"
SYNC_UNKNOWN = "interpretation.sync_unknown"
INCOMPLETE_DOCUMENTS = "interpretation.documents"
INCOMPLETE_INTERPRETATIONS = "interpretation.interpretations"
CLEANING_OVERDUE = "interpretation.cleaning_overdue"


def due_for_cleaning() -> QuerySet:
    """Published normative documents in force with a cleaning date (index policy_cleaning_idx)."""
    return PolicyDocument.objects.filter(cleaning_due__isnull=False)


def cleaning_overdue(today: date) -> QuerySet:
    """In force more than CLEANING_YEARS since publication or the last review (规范性文件清理)."""
    return due_for_cleaning().filter(cleaning_due__lt=today)


def cleaning_unknown() -> QuerySet:
    """In force, but neither the publication nor a review date is known: counted apart, never alerted."""
    return PolicyDocument.objects.filter(
        status=Status.PUBLISHED,
        kind="normative",
        validity__in=["in_force", "amended"],
        published_on=None,
        last_reviewed_on=None,
    )


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
    if updated:  # the 三同步 due dates show on the public document pages
        pagecache.bump("interpretation")
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


def _due_passed() -> Q:
    """Judged: interpreted in time, or past the due date (late, or still missing)."""
    return _in_time() | Q(interpretation_due__lt=timezone.localdate())


def _sync_counts(start: date, end: date) -> list[dict]:
    return list(
        _documents_in(start, end)
        .order_by()
        .values("unit")
        .annotate(
            documents=Count("pk"),
            judged=Count("pk", filter=_due_passed() & ~_undecidable()),
            ok=Count("pk", filter=_in_time()),
            unknown=Count("pk", filter=_undecidable()),
            pending=Count("pk", filter=~_due_passed() & ~_undecidable()),
        )
    )


def synchronised(start: date, end: date) -> dict[int, IndicatorValue]:
    """Documents under 三同步 published in the period: interpretation within the limit / the
    documents whose limit has passed (late or still uninterpreted count as not in time).

    Documents still within their limit are left out (pending); undecidable pairs (日期不详)
    are left out of both sides and counted by SYNC_UNKNOWN.
    """
    return {
        row["unit"]: IndicatorValue(
            row["ok"], row["judged"], row["ok"] == row["judged"] if row["judged"] else None, row["pending"]
        )
        for row in _sync_counts(start, end)
    }


def sync_unknown(start: date, end: date) -> dict[int, IndicatorValue]:
    """How many pairs of the period cannot be judged (n 件无法判断); none is the target."""
    return {
        row["unit"]: IndicatorValue(row["unknown"], row["documents"], row["unknown"] == 0)
        for row in _sync_counts(start, end)
    }


def _sync_rule() -> str:
    return _("三同步：解读最迟于文件发布后 %(days)d 个工作日内发布（发布当日不计）") % {"days": sync_limit_days()}


def not_synchronised(unit_id: int, start: date, end: date) -> list[DrillRow]:
    """The period's documents past their limit without an interpretation in time. One query."""
    first = Interpretation.objects.filter(document=OuterRef("pk"), status=Status.PUBLISHED).order_by("published_on")
    documents = (
        _documents_in(start, end, unit_id)
        .exclude(_in_time())
        .exclude(_undecidable())
        .filter(interpretation_due__lt=timezone.localdate())
        .annotate(interpreted_on=Subquery(first.values("published_on")[:1]))
        .select_related("unit")
        .order_by("interpretation_due", "pk")
    )
    rows = []
    for document in documents[:DRILL_LIMIT]:
        late = document.interpreted_on
        if late is None:
            note = _("文件于 %(day)s 发布，尚未发布解读") % {"day": document.published_on}
            url = reverse("admin:interpretation_interpretation_add") + f"?document={document.pk}"
        else:
            note = _("文件于 %(day)s 发布，解读于 %(late)s 发布") % {"day": document.published_on, "late": late}
            url = reverse("admin:interpretation_policydocument_change", args=[document.pk])
        rows.append(
            DrillRow(
                title=str(document),
                rule=_sync_rule(),
                unit=document.unit.name,
                admin_url=url,
                due_on=document.interpretation_due,
                done_on=late,
                note=note,
                action=_("新增解读") if late is None else "",
            )
        )
    return rows


def undecidable(unit_id: int, start: date, end: date) -> list[DrillRow]:
    """Pairs that cannot be judged; the fix is the undated interpretation's 发布日期. One query."""
    undated = Interpretation.objects.filter(document=OuterRef("pk"), status=Status.PUBLISHED, published_on=None)
    documents = (
        _documents_in(start, end, unit_id)
        .filter(_undecidable())
        .annotate(undated_id=Subquery(undated.order_by("pk").values("pk")[:1]))
        .select_related("unit")
        .order_by("published_on", "pk")
    )
    return [
        DrillRow(
            title=str(document),
            rule=_sync_rule(),
            unit=document.unit.name,
            admin_url=reverse("admin:interpretation_interpretation_change", args=[document.undated_id]),
            note=_("文件于 %(day)s 发布；已发布的解读日期不详，无法判断是否三同步，请补充解读的发布日期")
            % {"day": document.published_on},
        )
        for document in documents[:DRILL_LIMIT]
    ]


def plain_text(unit_id: int, start: date, end: date) -> list[DrillRow]:
    """Plain-text interpretations of the period: the others' share is under the target."""
    interpretations = Interpretation.objects.filter(
        unit=unit_id, status=Status.PUBLISHED, form="text", published_on__range=(start, end)
    ).select_related("unit")
    return [
        DrillRow(
            title=str(interpretation),
            rule=_("多元化解读（文字以外的形式）不低于全年解读的 %(n)d%%") % {"n": MULTI_FORMAT_TARGET_PERCENT},
            unit=interpretation.unit.name,
            admin_url=reverse("admin:interpretation_interpretation_change", args=[interpretation.pk]),
            note=_("文字解读，发布于 %(day)s；可增加图表图解、政策问答等形式") % {"day": interpretation.published_on},
        )
        for interpretation in interpretations.order_by("published_on", "pk")[:DRILL_LIMIT]
    ]


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
    register_rule(
        DeadlineRule(
            code=CLEANING_OVERDUE,
            title=_("行政规范性文件施行超过%(n)d年未清理") % {"n": CLEANING_YEARS},
            overdue=cleaning_overdue,
            due_field="cleaning_due",  # calendar years: no open_deadlines, the holiday data is not needed
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
            judged_at_period_end=True,
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
