"""The form and the status page for /sitemap.xml and the 网站地图 (applications themselves never)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class RequestPagesSitemap(Sitemap):
    def items(self) -> list[str]:
        return ["disclosure_requests:apply", "disclosure_requests:status"]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {"disclosure-requests": RequestPagesSitemap}
