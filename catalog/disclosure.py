"""What the catalog contributes to the 政府信息公开 column: the domains under the categories of the
Regulations' Art 20/21 (法定主动公开内容), the scope of proactive disclosure of a unit's 指南, and
when a unit's catalog changed (the 指南 must follow within a year). Registered from CatalogConfig.ready.
"""

from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from catalog.models import Catalog, CatalogStatus, Domain, Publication, PublicationStatus
from catalog.seed import DOMAINS
from lushan_portal import disclosure_index, disclosure_scope
from lushan_portal.links import record_url
from lushan_portal.pagecache import versioned

# Art 20 item (or Art 21) → the domains whose catalogs and publications answer it.
CATEGORY_DOMAINS: dict[str, tuple[str, ...]] = {
    "20-3": ("planning",),
    "20-7": ("budget",),
    "20-9": ("public-resources",),
    "20-10": ("major-projects",),
    "20-11": (
        "poverty-alleviation",
        "education",
        "health",
        "social-insurance",
        "employment",
        "social-assistance",
        "elderly-care",
    ),
    "20-12": ("disaster-relief",),
    "20-13": ("environment", "work-safety", "food-drug"),
    "21-county": (
        "municipal",
        "culture",
        "legal-services",
        "land-compensation",
        "housing-expropriation",
        "household-registration",
        "social-assistance",
        "affordable-housing",
    ),
    "21-township": (
        "farm-subsidies",
        "rural-housing",
        "land-compensation",
        "housing-expropriation",
        "social-assistance",
    ),
}
DOMAIN_NAMES = {code: name for code, name, _lead in DOMAINS}
TITLE = _("%(domain)s领域标准目录及公开信息")
OWNER = _("%(domain)s领域的县级牵头部门及各公开主体")


def publication_counts(unit_id: int | None) -> dict[str, int]:
    """Published information per domain code, of a unit or of every unit: one query, kept until
    the catalog section changes."""

    def build() -> dict[str, int]:
        rows = Publication.objects.filter(status=PublicationStatus.PUBLISHED)
        rows = rows if unit_id is None else rows.filter(unit_id=unit_id)
        return dict(rows.order_by().values("domain__code").annotate(n=Count("id")).values_list("domain__code", "n"))

    return versioned(f"catalog-disclosure-counts:{unit_id}", "catalog", build=build)


def _contribution(category: str, domain: str) -> disclosure_index.Contribution:
    def url(unit_code: str | None) -> str:
        if unit_code is None:
            return record_url("catalog:domain", domain)
        return record_url("catalog:unit_domain", unit_code, domain)

    def count(unit_id: int | None) -> int:
        return publication_counts(unit_id).get(domain, 0)

    name = DOMAIN_NAMES[domain]
    return disclosure_index.Contribution(
        category=category,
        title=TITLE % {"domain": name},
        owner=OWNER % {"domain": name},
        url=url,
        count=count,
    )


def guide_scope(unit_id: int | None) -> list[disclosure_scope.ScopeEntry]:
    """The unit's published catalogs (not the 未涉及 notes) with their items; for the county, each
    domain with the number of units that published it. One query."""
    if unit_id is None:
        published = Q(catalogs__status=CatalogStatus.PUBLISHED, catalogs__not_applicable=False)
        domains = Domain.objects.filter(is_active=True).annotate(n=Count("catalogs", filter=published))
        domains = domains.filter(n__gt=0).order_by("sort_order", "code")
        return [disclosure_scope.ScopeEntry(d.name, record_url("catalog:domain", d.code), d.n) for d in domains]
    catalogs = (
        Catalog.objects.filter(
            unit_id=unit_id, status=CatalogStatus.PUBLISHED, not_applicable=False, domain__is_active=True
        )
        .annotate(n=Count("items"), domain_name=F("domain__name"), domain_code=F("domain__code"))
        .annotate(unit_code=F("unit__code"))
        .order_by("domain__sort_order", "domain__code")
        .values("n", "domain_name", "domain_code", "unit_code")
    )
    return [
        disclosure_scope.ScopeEntry(
            c["domain_name"], record_url("catalog:unit_domain", c["unit_code"], c["domain_code"]), c["n"]
        )
        for c in catalogs
    ]


def catalog_changes() -> QuerySet:
    """Every catalog version that was published: the day the unit's catalog changed."""
    return (
        Catalog.objects.exclude(published_at=None)
        .annotate(change_unit=F("unit_id"), changed_at=F("published_at"))
        .values("change_unit", "changed_at")
    )


def register_disclosure() -> None:
    for category, domains in CATEGORY_DOMAINS.items():
        for domain in domains:
            disclosure_index.register_contribution(_contribution(category, domain))
    disclosure_scope.register_scope(guide_scope)
    disclosure_scope.register_changes(catalog_changes)
