"""Service guides, tasks and rectifications for /sitemap.xml."""

from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from administration.guides_selectors import published_guides
from administration.models import ServiceGuide
from administration.tasks_selectors import task_years


class GuideListSitemap(Sitemap):
    def items(self) -> list[str]:
        return ["administration:guides", "administration:rectifications"]

    def location(self, name: str) -> str:
        return reverse(name)


class GuideSitemap(Sitemap):
    def items(self) -> QuerySet:
        return published_guides().filter(unit__is_active=True).order_by("pk")

    def lastmod(self, guide: ServiceGuide) -> datetime | None:
        return guide.corrected_at or guide.published_at


class TaskYearSitemap(Sitemap):
    def items(self) -> list[int]:
        return task_years()

    def location(self, year: int) -> str:
        return reverse("administration:tasks", args=[year])


SITEMAPS = {"guide-pages": GuideListSitemap, "guides": GuideSitemap, "task-years": TaskYearSitemap}
