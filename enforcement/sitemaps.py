"""Enforcement decisions the public may see today, for /sitemap.xml."""

from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet

from enforcement.models import Decision
from enforcement.public import public_decisions


class DecisionSitemap(Sitemap):
    def items(self) -> QuerySet:
        return public_decisions().order_by("pk")

    def lastmod(self, decision: Decision) -> datetime | None:
        return decision.corrected_at or decision.first_published_at


SITEMAPS = {"enforcement": DecisionSitemap}
