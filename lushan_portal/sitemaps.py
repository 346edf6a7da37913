"""/sitemap.xml and /robots.txt: each app lists its own public pages; they are assembled here."""

from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from catalog.sitemaps import SITEMAPS as CATALOG
from decisions.sitemaps import SITEMAPS as DECISIONS
from enforcement.sitemaps import SITEMAPS as ENFORCEMENT
from interpretation.sitemaps import SITEMAPS as INTERPRETATION
from organizations.sitemaps import SITEMAPS as ORGANIZATIONS

# Never crawled: the back office, the supervisors' dashboard, login and account pages.
ROBOTS_DISALLOW = ("/admin/", "/dashboard/", "/accounts/")


class PageSitemap(Sitemap):
    """The home page and the public list pages."""

    def items(self) -> list[str]:
        return [
            "home",
            "catalog:domains",
            "organizations:unit_list",
            "interpretation:documents",
            "decisions:consultations",
            "enforcement:list",
        ]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {"pages": PageSitemap, **ORGANIZATIONS, **CATALOG, **INTERPRETATION, **DECISIONS, **ENFORCEMENT}


def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW), "Allow: /"]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
