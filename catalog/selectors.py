"""Reads of the public catalog data; one place for what the public may see."""

from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from catalog.models import OPEN_STATUSES, Catalog, CatalogItem, CatalogStatus, Domain, Publication, PublicationStatus
from lushan_portal.pagecache import versioned
from organizations.models import GRASSROOTS_KINDS, Unit

READABLE_CATALOG_STATUSES = (CatalogStatus.PUBLISHED, CatalogStatus.SUPERSEDED)


def active_domains() -> QuerySet:
    """The domains the public site lists, in their order."""
    return Domain.objects.filter(is_active=True).order_by(*Domain._meta.ordering)


def domains_with_counts() -> QuerySet:
    return (
        Domain.objects.filter(is_active=True)
        .select_related("lead_unit")
        .annotate(published_count=Count("catalogs", filter=Q(catalogs__status=CatalogStatus.PUBLISHED)))
        .order_by(*Domain._meta.ordering)  # an aggregate query drops Meta.ordering
    )


def published_catalogs() -> QuerySet:
    return Catalog.objects.filter(status=CatalogStatus.PUBLISHED).select_related("unit", "domain")


def readable_catalogs() -> QuerySet:
    """Published versions and the older versions they replaced (history stays readable)."""
    return Catalog.objects.filter(status__in=READABLE_CATALOG_STATUSES).select_related("unit", "domain")


def public_items() -> QuerySet:
    return CatalogItem.objects.filter(catalog__status=CatalogStatus.PUBLISHED).select_related(
        "catalog__unit", "catalog__domain"
    )


def public_publications() -> QuerySet:
    return Publication.objects.filter(status=PublicationStatus.PUBLISHED).select_related("unit", "domain")


# The public order of publications: the home page, the API (its cursor) and an item's page.
PUBLICATION_ORDER = ("-published_on", "-id")


def newest_publications(limit: int) -> QuerySet:
    """The latest publications (the home page): ``limit`` entries of publication_public_idx."""
    shown = ("title", "published_on", "unit__name", "unit__short_name")
    return (
        public_publications()
        .select_related(None)
        .select_related("unit")
        .only(*shown)
        .order_by(*PUBLICATION_ORDER)[:limit]
    )


def publications_of_item(item: CatalogItem) -> QuerySet:
    """Everything published under this item, in any version of the catalog."""
    return (
        public_publications()
        .filter(unit=item.catalog.unit_id, domain=item.catalog.domain_id, item_key=item.key)
        .order_by(*PUBLICATION_ORDER)
    )


# The state of a domain in a unit's column (专栏), and who is responsible for what is missing.
PUBLISHED = "published"  # the catalog is out
NOT_APPLICABLE = "not_applicable"  # 未涉及, published as a note
DRAFTING = "drafting"  # 编制中: a draft or a returned version
SUBMITTED = "submitted"  # 待审核
TO_COMPILE = "to_compile"  # 待编制 by this unit (a township for every domain, a department for the domains it leads)
LEAD_COMPILES = "lead_compiles"  # a county department's domain led by another (or by none yet): the lead compiles it
STATES = (PUBLISHED, NOT_APPLICABLE, DRAFTING, SUBMITTED, TO_COMPILE, LEAD_COMPILES)
STATE_LABELS = {
    PUBLISHED: _("已发布"),
    NOT_APPLICABLE: _("未涉及"),
    DRAFTING: _("编制中"),
    SUBMITTED: _("待审核"),
    TO_COMPILE: _("待编制"),
    LEAD_COMPILES: _("由牵头部门编制"),
}


@dataclass(frozen=True)
class ColumnEntry:
    unit: Unit
    domain: Domain
    state: str
    catalog: Catalog | None = None  # the published catalog, or the open draft
    lead_published: bool = False  # the domain's lead department has published its catalog

    @property
    def lead(self) -> Unit | None:
        return self.domain.lead_unit

    @property
    def guided_by_lead(self) -> bool:
        """Another unit leads the domain: the unit compiles under it, or it compiles for the unit."""
        return self.domain.lead_unit_id is not None and self.domain.lead_unit_id != self.unit.pk

    @property
    def missing(self) -> bool:
        """Nobody has published it yet: 待编制 (by the unit, or by the lead department for it)."""
        return self.state == TO_COMPILE or (self.state == LEAD_COMPILES and not self.lead_published)

    @property
    def state_label(self) -> str:
        if self.missing:
            return str(STATE_LABELS[TO_COMPILE])  # 待编制, whoever compiles it
        return str(STATE_LABELS[self.state])


def column_entry(unit: Unit, domain: Domain, catalog: Catalog | None, lead_published: bool) -> ColumnEntry:
    """The domain's state for the unit, from its published catalog or open draft (``catalog``)."""
    if catalog is not None and catalog.status == CatalogStatus.PUBLISHED:
        state = NOT_APPLICABLE if catalog.not_applicable else PUBLISHED
    elif catalog is not None:
        state = SUBMITTED if catalog.status == CatalogStatus.SUBMITTED else DRAFTING
    elif unit.kind in GRASSROOTS_KINDS or domain.lead_unit_id == unit.pk:
        state = TO_COMPILE
    else:
        state = LEAD_COMPILES
    return ColumnEntry(unit, domain, state, catalog, lead_published)


# What a column entry reads of a catalog (its state and link, the note of a domain not applicable).
ENTRY_CATALOG_FIELDS = ("unit", "domain", "status", "version", "not_applicable", "not_applicable_note")


def _current_catalogs(unit: Unit, domains: dict[int, Domain]) -> dict[int, Catalog]:
    """The unit's published catalog per domain of ``domains``, else its open draft. One query.

    The catalogs' links name the unit and the domain: both are attached from what the caller
    already holds rather than joined again."""
    catalogs: dict[int, Catalog] = {}
    statuses = [CatalogStatus.PUBLISHED, *OPEN_STATUSES]
    rows = Catalog.objects.filter(unit=unit, domain__in=list(domains), status__in=statuses)
    for catalog in rows.only(*ENTRY_CATALOG_FIELDS):
        catalog.unit, catalog.domain = unit, domains[catalog.domain_id]
        if catalogs.get(catalog.domain_id) is None or catalog.status == CatalogStatus.PUBLISHED:
            catalogs[catalog.domain_id] = catalog
    return catalogs


def _lead_published_domains(domain: Domain | None = None) -> set[int]:
    """Domains whose county lead department has published its catalog. One query."""
    led = published_catalogs().filter(unit=F("domain__lead_unit"))
    return set((led if domain is None else led.filter(domain=domain)).values_list("domain_id", flat=True))


def column_domains() -> tuple[list[Domain], set[int]]:
    """The active domains with their lead departments, and those whose lead has published: the
    same for every unit's column, so kept per process until the catalog section or a unit changes."""

    def build() -> tuple[list[Domain], set[int]]:
        domains = Domain.objects.filter(is_active=True).select_related("lead_unit")
        domains = domains.only("code", "name", "sort_order", "lead_unit__code", "lead_unit__name")
        return list(domains), _lead_published_domains()

    return versioned("catalog-column-domains", "catalog", build=build)


def unit_column(unit: Unit) -> list[ColumnEntry]:
    """Every active domain with its state for the unit: the 专栏. One query for the unit's
    catalogs (the domains and their leads are shared by every column, ``column_domains``)."""
    domains, led = column_domains()
    catalogs = _current_catalogs(unit, {domain.pk: domain for domain in domains})
    return [column_entry(unit, domain, catalogs.get(domain.pk), domain.pk in led) for domain in domains]


def unit_domain_entry(unit: Unit, domain: Domain) -> ColumnEntry:
    """One domain's state for the unit (its catalog page when nothing is published). Two queries."""
    catalog = _current_catalogs(unit, {domain.pk: domain}).get(domain.pk)
    return column_entry(unit, domain, catalog, domain.pk in _lead_published_domains(domain))


def column_counts(column: list[ColumnEntry]) -> dict[str, int]:
    """Domains per state; those the lead department compiles split into published and missing."""
    counts = {state: sum(entry.state == state for entry in column) for state in STATES}
    counts["lead_missing"] = sum(entry.state == LEAD_COMPILES and entry.missing for entry in column)
    counts["lead_published"] = counts[LEAD_COMPILES] - counts["lead_missing"]
    return counts
