"""Consultations and the yearly major-decision catalogs for /sitemap.xml."""

from datetime import date

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from decisions.models import MajorDecision
from decisions.selectors import public_consultations


class ConsultationSitemap(Sitemap):
    def items(self) -> QuerySet:
        return public_consultations().order_by("pk")

    def lastmod(self, decision: MajorDecision) -> date | None:
        return decision.report_published_on or decision.published_on or decision.opens_on


class YearSitemap(Sitemap):
    """One page per year that has a decision catalog (/decisions/<year>/)."""

    def items(self) -> list[int]:
        years = MajorDecision.objects.order_by("-year").values_list("year", flat=True).distinct()
        return list(years)

    def location(self, year: int) -> str:
        return reverse("decisions:year", args=[year])


SITEMAPS = {"consultations": ConsultationSitemap, "decision-years": YearSitemap}
