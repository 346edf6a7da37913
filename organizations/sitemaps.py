"""Units' public pages for /sitemap.xml."""

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet

from organizations.selectors import public_units


class UnitSitemap(Sitemap):
    def items(self) -> QuerySet:
        return public_units().order_by("sort_order", "code")


SITEMAPS = {"units": UnitSitemap}
