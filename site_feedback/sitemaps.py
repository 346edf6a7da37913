"""The public form for /sitemap.xml and the 网站地图."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class ReportFormSitemap(Sitemap):
    def items(self) -> list[str]:
        return ["site_feedback:report"]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {"site-feedback": ReportFormSitemap}
