"""Published policy documents and their interpretations for /sitemap.xml."""

from datetime import date

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet

from interpretation.models import Interpretation, PolicyDocument
from interpretation.selectors import public_documents, public_interpretations


class DocumentSitemap(Sitemap):
    def items(self) -> QuerySet:
        return public_documents().order_by("pk")

    def lastmod(self, document: PolicyDocument) -> date | None:
        return document.published_on


class InterpretationSitemap(Sitemap):
    def items(self) -> QuerySet:
        return public_interpretations().order_by("pk")

    def lastmod(self, interpretation: Interpretation) -> date | None:
        return interpretation.published_on


SITEMAPS = {"policies": DocumentSitemap, "interpretations": InterpretationSitemap}
