"""Enforcement deadlines registered with the compliance registry."""

from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from compliance.registry import (
    DRILL_LIMIT,
    DeadlineRule,
    DrillRow,
    Indicator,
    IndicatorValue,
    on_time_by_unit,
    register_indicator,
    register_rule,
)
from enforcement.models import Decision, DecisionStatus
from enforcement.rules import publication_due

PUBLICATION_OVERDUE = "enforcement.publication_overdue"
WITHDRAWAL_OVERDUE = "enforcement.withdrawal_overdue"


def unpublished() -> QuerySet:
    """Decisions never made public (served by the partial index decision_unpublished_idx)."""
    return Decision.objects.filter(first_published_at__isnull=True).exclude(party_is_minor=True)


def publication_overdue(today: date) -> QuerySet:
    return unpublished().filter(publication_due__lt=today)


def revoked_still_public() -> QuerySet:
    return Decision.objects.filter(status=DecisionStatus.PUBLISHED, withdrawal_due__isnull=False)


def withdrawal_overdue(today: date) -> QuerySet:
    return revoked_still_public().filter(withdrawal_due__lt=today)


def recompute_publication_due() -> int:
    """After a calendar edit: one UPDATE per distinct decision date and kind among open decisions."""
    updated = 0
    for decided, kind in unpublished().order_by().values_list("decision_date", "kind").distinct():
        due = publication_due(decided, kind)
        updated += unpublished().filter(decision_date=decided, kind=kind).update(publication_due=due)
    return updated


def register_rules() -> None:
    register_rule(
        DeadlineRule(
            code=PUBLICATION_OVERDUE,
            title=_("执法决定逾期未公开（许可、处罚7个工作日，强制20个工作日）"),
            overdue=publication_overdue,
            due_field="publication_due",
            open_deadlines=unpublished,
            recompute_due_dates=recompute_publication_due,
        )
    )
    register_rule(
        DeadlineRule(
            code=WITHDRAWAL_OVERDUE,
            title=_("已变更或撤销的处罚决定逾期未撤回（3日）"),
            overdue=withdrawal_overdue,
            due_field="withdrawal_due",
            open_deadlines=revoked_still_public,
        )
    )


ON_TIME = "enforcement.on_time"
OVERDUE_NOW = "enforcement.overdue_now"


def on_time(start: date, end: date) -> dict[int, IndicatorValue]:
    """Decisions made in the period, published within their limit (7 working days, 20 for 行政强制) /
    those published plus those still unpublished past their due date (late). Decisions not yet due, and decisions
    about minors (never published), are left out. One aggregate query."""
    made = Decision.objects.filter(decision_date__range=(start, end)).exclude(
        party_is_minor=True, first_published_at__isnull=True
    )
    due = Q(first_published_at__isnull=False) | Q(publication_due__lt=timezone.localdate())
    return on_time_by_unit(made, on_time=Q(published_on_time=True), due=due)


PUBLICATION_RULES = {
    "licence": "行政许可、行政处罚决定自作出之日起7个工作日内公开（决定当日不计）",
    "penalty": "行政许可、行政处罚决定自作出之日起7个工作日内公开（决定当日不计）",
    "coercion": "行政强制决定自作出之日起20个工作日内公开（决定当日不计）",
}


def _drill_rows(decisions: QuerySet) -> list[DrillRow]:
    rows = []
    for decision in decisions.select_related("unit").order_by("publication_due", "pk")[:DRILL_LIMIT]:
        published = timezone.localdate(decision.first_published_at) if decision.first_published_at else None
        if published is None:
            note = _("尚未公开（决定日期 %(day)s）")
        else:
            note = _("已于 %(published)s 公开（决定日期 %(day)s）")
        rows.append(
            DrillRow(
                title=str(decision),
                rule=_(PUBLICATION_RULES.get(decision.kind, PUBLICATION_RULES["penalty"])),
                unit=decision.unit.name,
                admin_url=reverse("admin:enforcement_decision_change", args=[decision.pk]),
                due_on=decision.publication_due,
                done_on=published,
                note=note % {"published": published, "day": decision.decision_date},
            )
        )
    return rows


def published_late(unit_id: int, start: date, end: date) -> list[DrillRow]:
    """Decisions of the period published late, and those still unpublished past their due date."""
    late = Q(first_published_at__isnull=False, published_on_time=False)
    overdue = Q(first_published_at__isnull=True, publication_due__lt=timezone.localdate()) & ~Q(party_is_minor=True)
    return _drill_rows(Decision.objects.filter(late | overdue, unit=unit_id, decision_date__range=(start, end)))


def overdue_now(start: date, end: date) -> dict[int, IndicatorValue]:
    """Decisions unpublished past their due date today, per unit that has any decision.

    Two small queries: an index probe per unit, and a count over the unpublished partial
    index; never a pass over every decision.
    """
    from organizations.models import Unit

    enforcing = Unit.objects.filter(Exists(Decision.objects.filter(unit=OuterRef("pk")))).values_list("pk", flat=True)
    counts = dict(
        publication_overdue(timezone.localdate())
        .order_by()
        .values("unit")
        .annotate(n=Count("id"))
        .values_list("unit", "n")
    )
    return {unit: IndicatorValue(counts.get(unit, 0), 0, counts.get(unit, 0) == 0) for unit in enforcing}


def overdue_records(unit_id: int, start: date, end: date) -> list[DrillRow]:
    return _drill_rows(publication_overdue(timezone.localdate()).filter(unit=unit_id))


def register_indicators() -> None:
    register_indicator(
        Indicator(
            code=ON_TIME,
            title=_("执法决定按时公开率（许可、处罚7个工作日，强制20个工作日）"),
            short_title=_("执法按时率"),
            target="100%",
            compute=on_time,
            offending=published_late,
            additive=True,  # each decision counts in the month of its decision date
        )
    )
    register_indicator(
        Indicator(
            code=OVERDUE_NOW,
            title=_("执法决定当前逾期未公开"),
            short_title=_("执法逾期"),
            target="0",
            compute=overdue_now,
            offending=overdue_records,
            percent=False,
        )
    )
