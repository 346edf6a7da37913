"""Catalog deadlines registered with the compliance registry."""

from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from catalog.models import CatalogItem, CatalogStatus, Publication, PublicationStatus, pending_q
from catalog.rules import WORKING_DAYS, due_date
from compliance.registry import (
    DeadlineRule,
    IncompleteRecords,
    Indicator,
    IndicatorValue,
    register_incomplete,
    register_indicator,
    register_rule,
    share_by_unit,
)

PUBLICATION_OVERDUE = "catalog.publication_overdue"


def unpublished() -> QuerySet:
    """Information formed but not yet published (partial index publication_unpublished_idx)."""
    return Publication.objects.filter(status=PublicationStatus.DRAFT, due_on__isnull=False)


def overdue(today: date) -> QuerySet:
    return unpublished().filter(due_on__lt=today)


def recompute_due_dates() -> int:
    """After a calendar edit: one UPDATE per (formation date, limit) among unpublished rows,
    counted by the clause each publication was given (Publication.time_limit)."""
    updated = 0
    working = unpublished().filter(time_limit__unit=WORKING_DAYS)
    groups = working.order_by().values_list("formed_on", "time_limit__days").distinct()
    for formed_on, days in groups:
        rows = working.filter(formed_on=formed_on, time_limit__days=days)
        updated += rows.update(due_on=due_date(formed_on, WORKING_DAYS, days))
    return updated


ITEMS_PENDING = "catalog.items_pending"


def pending_items() -> QuerySet:
    """Items of current catalogs (not superseded versions) with a tick group 待补充."""
    return CatalogItem.objects.filter(pending_q()).exclude(catalog__status=CatalogStatus.SUPERSEDED)


def register_incomplete_items() -> None:
    register_incomplete(
        IncompleteRecords(
            code=ITEMS_PENDING,
            title=_("标准目录事项待补充（公开对象、公开方式或公开层级）"),
            records=pending_items,
            missing=lambda item: item.pending_fields,
            unit_field="catalog__unit_id",
        )
    )


def register_rules() -> None:
    register_rule(
        DeadlineRule(
            code=PUBLICATION_OVERDUE,
            title=_("信息形成后逾期未公开（按目录事项公开时限）"),
            overdue=overdue,
            due_field="due_on",
            open_deadlines=unpublished,
            recompute_due_dates=recompute_due_dates,
        )
    )


ON_TIME = "catalog.publications_on_time"
CATALOGS = "catalog.catalogs_published"


def publications_on_time(start: date, end: date) -> dict[int, IndicatorValue]:
    published = Publication.objects.filter(status=PublicationStatus.PUBLISHED, published_on__range=(start, end))
    return share_by_unit(published, Q(published_on_time=True))


def late_publications(unit_id: int, start: date, end: date) -> QuerySet:
    return Publication.objects.filter(unit=unit_id, published_on__range=(start, end), published_on_time=False)


def catalogs_published(start: date, end: date) -> dict[int, IndicatorValue]:
    """Domains with a published catalog (or a not-applicable note) as of the period's end:
    all 26 for townships and subdistricts (seed §1(三)), the led domains for departments."""
    from catalog.models import Catalog, CatalogStatus, Domain
    from organizations.models import GRASSROOTS_KINDS, Unit

    domains = Domain.objects.filter(is_active=True).count()
    published = dict(
        Catalog.objects.filter(
            status__in=[CatalogStatus.PUBLISHED, CatalogStatus.SUPERSEDED], published_at__date__lte=end
        )
        .order_by()
        .values("unit")
        .annotate(n=Count("domain", distinct=True))
        .values_list("unit", "n")
    )
    led = dict(
        Domain.objects.filter(is_active=True, lead_unit__isnull=False)
        .order_by()
        .values("lead_unit")
        .annotate(n=Count("id"))
        .values_list("lead_unit", "n")
    )
    values = {}
    for unit_id, kind in Unit.objects.filter(is_active=True).values_list("pk", "kind"):
        needed = domains if kind in GRASSROOTS_KINDS else led.get(unit_id, 0)
        if needed:
            done = min(published.get(unit_id, 0), needed)
            values[unit_id] = IndicatorValue(done, needed, done >= needed)
    return values


def register_indicators() -> None:
    register_indicator(
        Indicator(
            code=ON_TIME,
            title=_("公开信息按时公开率（目录时限）"),
            short_title=_("信息按时率"),
            target="100%",
            compute=publications_on_time,
            offending=late_publications,
        )
    )
    register_indicator(
        Indicator(
            code=CATALOGS,
            title=_("标准目录发布（领域数）"),
            short_title=_("目录发布"),
            target=_("全部领域"),
            compute=catalogs_published,
        )
    )
