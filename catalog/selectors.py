"""Reads of the public catalog data; one place for what the public may see."""

from django.db.models import Count, Q, QuerySet

from catalog.models import Catalog, CatalogItem, CatalogStatus, Domain, Publication, PublicationStatus

READABLE_CATALOG_STATUSES = (CatalogStatus.PUBLISHED, CatalogStatus.SUPERSEDED)


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
    return public_publications().order_by(*PUBLICATION_ORDER)[:limit]


def publications_of_item(item: CatalogItem) -> QuerySet:
    """Everything published under this item, in any version of the catalog."""
    return (
        public_publications()
        .filter(unit=item.catalog.unit_id, domain=item.catalog.domain_id, item_key=item.key)
        .order_by(*PUBLICATION_ORDER)
    )


def unit_column(unit_id: int) -> list[tuple[Domain, Catalog | None]]:
    """Every active domain with the unit's published catalog for it (or None): the 专栏."""
    catalogs = {c.domain_id: c for c in published_catalogs().filter(unit=unit_id)}
    return [(domain, catalogs.get(domain.pk)) for domain in Domain.objects.filter(is_active=True)]
