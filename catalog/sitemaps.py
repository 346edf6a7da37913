"""The catalog's public pages for /sitemap.xml: domains, units' catalogs, items, publications."""

from datetime import date, datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet

from catalog.models import Catalog, CatalogItem, Domain, Publication
from catalog.selectors import public_items, public_publications, published_catalogs


class DomainSitemap(Sitemap):
    def items(self) -> QuerySet:
        return Domain.objects.filter(is_active=True).order_by("sort_order", "code")


class CatalogSitemap(Sitemap):
    """A unit's published catalog of a domain (/units/<unit>/<domain>/)."""

    def items(self) -> QuerySet:
        return published_catalogs().order_by("pk")

    def lastmod(self, catalog: Catalog) -> datetime | None:
        return catalog.published_at


class ItemSitemap(Sitemap):
    def items(self) -> QuerySet:
        return public_items().order_by("pk")

    def lastmod(self, item: CatalogItem) -> datetime | None:
        return item.catalog.published_at


class PublicationSitemap(Sitemap):
    def items(self) -> QuerySet:
        return public_publications().order_by("pk")

    def lastmod(self, publication: Publication) -> date | None:
        return publication.published_on


SITEMAPS = {
    "domains": DomainSitemap,
    "catalogs": CatalogSitemap,
    "catalog-items": ItemSitemap,
    "publications": PublicationSitemap,
}
