"""Catalog deadlines registered with the compliance registry."""

from datetime import date
from urllib.parse import urlencode

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.models import Catalog, CatalogItem, CatalogStatus, Domain, Publication, PublicationStatus, pending_q
from catalog.rules import WORKING_DAYS, due_date
from compliance.registry import (
    DRILL_LIMIT,
    DeadlineRule,
    DrillRow,
    IncompleteRecords,
    Indicator,
    IndicatorValue,
    on_time_by_unit,
    register_incomplete,
    register_indicator,
    register_rule,
)
from organizations.models import GRASSROOTS_KINDS, Unit

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
    """Published in the period, on time / published in the period plus the period's overdue
    drafts (due in it, still unpublished past the due date: late). Drafts not yet due are
    left out. One aggregate query."""
    today = timezone.localdate()
    candidates = Publication.objects.filter(
        Q(status=PublicationStatus.PUBLISHED, published_on__range=(start, end))
        | Q(status=PublicationStatus.DRAFT, due_on__range=(start, end))
    )
    return on_time_by_unit(
        candidates,
        on_time=Q(status=PublicationStatus.PUBLISHED, published_on_time=True),
        due=Q(status=PublicationStatus.PUBLISHED) | Q(due_on__lt=today),
    )


def late_publications(unit_id: int, start: date, end: date) -> list[DrillRow]:
    """Published late in the period, and the period's drafts past their due date. One query."""
    today = timezone.localdate()
    late = Q(status=PublicationStatus.PUBLISHED, published_on__range=(start, end), published_on_time=False)
    overdue = Q(status=PublicationStatus.DRAFT, due_on__range=(start, end), due_on__lt=today)
    publications = (
        Publication.objects.filter(late | overdue, unit=unit_id)
        .select_related("unit", "item")
        .order_by("due_on", "pk")[:DRILL_LIMIT]
    )
    rows = []
    for publication in publications:
        limit = (publication.time_limit or {}).get("text") or publication.item.time_limit_text
        if publication.status == PublicationStatus.DRAFT:
            note = _("尚未公开（信息形成于 %(formed)s）")
        else:
            note = _("已于 %(published)s 公开，晚于公开时限（信息形成于 %(formed)s）")
        rows.append(
            DrillRow(
                title=publication.title,
                rule=_("公开时限：%(limit)s（目录事项：%(item)s）") % {"limit": limit, "item": publication.item},
                unit=publication.unit.name,
                admin_url=reverse("admin:catalog_publication_change", args=[publication.pk]),
                due_on=publication.due_on,
                done_on=publication.published_on if publication.status != PublicationStatus.DRAFT else None,
                note=note % {"formed": publication.formed_on, "published": publication.published_on},
            )
        )
    return rows


def catalogs_published(start: date, end: date) -> dict[int, IndicatorValue]:
    """Domains with a published catalog (or a not-applicable note) as of the period's end:
    all 26 for townships and subdistricts (seed §1(三)), the led domains for departments."""
    domains = Domain.objects.filter(is_active=True).count()
    published = dict(
        _published_by(end).order_by().values("unit").annotate(n=Count("domain", distinct=True)).values_list("unit", "n")
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


def _published_by(end: date) -> QuerySet:
    return Catalog.objects.filter(
        status__in=[CatalogStatus.PUBLISHED, CatalogStatus.SUPERSEDED], published_at__date__lte=end
    )


def missing_catalogs(unit_id: int, start: date, end: date) -> list[DrillRow]:
    """The domains the unit has no catalog published for by the period's end, with the unit
    that compiles it, who reviews it, how far it got, and the admin page to add or finish it.
    Three queries."""
    unit = Unit.objects.get(pk=unit_id)
    domains = Domain.objects.filter(is_active=True).select_related("lead_unit")
    if unit.kind in GRASSROOTS_KINDS:
        rule = _("乡镇、街道发布全部领域的标准目录（不涉及的领域发布未涉及说明），2020年底前完成（国办发〔2019〕54号）")
    else:
        domains = domains.filter(lead_unit=unit_id)
        rule = _("县级牵头部门发布所牵头领域的标准目录，2020年底前完成（国办发〔2019〕54号）")
    missing = list(domains.exclude(pk__in=_published_by(end).filter(unit=unit_id).values("domain"))[:DRILL_LIMIT])
    started = {}
    for catalog in (
        Catalog.objects.filter(unit=unit_id, domain__in=[d.pk for d in missing])
        .exclude(status=CatalogStatus.SUPERSEDED)
        .order_by("version")
    ):
        started[catalog.domain_id] = catalog  # the newest version wins
    rows = []
    for domain in missing:
        catalog = started.get(domain.pk)
        reviewer = domain.lead_unit.name if domain.lead_unit and domain.lead_unit_id != unit_id else ""
        if catalog is None:
            state = _("待编制")
        elif catalog.status == CatalogStatus.PUBLISHED:
            state = _("于 %(day)s 发布，晚于本期期末") % {"day": timezone.localdate(catalog.published_at)}
        else:
            state = _("%(status)s（第 %(version)d 版）") % {
                "status": catalog.get_status_display(),
                "version": catalog.version,
            }
        responsible = _("负责编制：%(unit)s") % {"unit": unit.name}
        if reviewer:
            responsible += _("；审核：%(lead)s（牵头部门）") % {"lead": reviewer}
        if catalog is None:
            url = reverse("admin:catalog_catalog_add") + "?" + urlencode({"unit": unit_id, "domain": domain.pk})
        else:
            url = reverse("admin:catalog_catalog_change", args=[catalog.pk])
        rows.append(
            DrillRow(
                title=_("%(domain)s领域标准目录") % {"domain": domain.name},
                rule=rule,
                unit=unit.name,
                admin_url=url,
                note=f"{state}；{responsible}",
                action=_("新建目录") if catalog is None else "",
            )
        )
    return rows


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
            offending=missing_catalogs,
        )
    )
