"""The 政府信息公开 column for /sitemap.xml and the 网站地图: the county's and each unit's, and their 指南."""

from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from organizations.models import Unit
from organizations.selectors import public_units
from xxgk.models import Guide, GuideStatus


class ColumnSitemap(Sitemap):
    """/xxgk/ and every active unit's /units/<unit>/xxgk/."""

    def items(self) -> list[Unit | None]:
        return [None, *public_units().order_by("sort_order", "code")]

    def location(self, unit: Unit | None) -> str:
        return reverse("xxgk:unit", args=[unit.code]) if unit else reverse("xxgk:county")


class GuideSitemap(Sitemap):
    """The published 指南 pages."""

    def items(self) -> QuerySet:
        return Guide.objects.filter(status=GuideStatus.PUBLISHED, unit__is_active=True).select_related("unit")

    def lastmod(self, guide: Guide) -> datetime | None:
        return guide.published_at


SITEMAPS = {"xxgk": ColumnSitemap, "xxgk-guides": GuideSitemap}
