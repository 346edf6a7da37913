"""建议提案 and 回应关切 for /sitemap.xml and the 网站地图: the lists, each year, each public reply."""

from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from interaction.models import Proposal, ReplyStatus


class ProposalPagesSitemap(Sitemap):
    def items(self) -> list[str]:
        return ["interaction:proposals", "interaction:responses"]

    def location(self, name: str) -> str:
        return reverse(name)


class ProposalYearSitemap(Sitemap):
    def items(self) -> list[int]:
        return list(Proposal.objects.order_by("-year").values_list("year", flat=True).distinct())

    def location(self, year: int) -> str:
        return reverse("interaction:proposal_year", args=[year])


class ProposalReplySitemap(Sitemap):
    def items(self) -> QuerySet:
        published = Proposal.objects.filter(reply_status=ReplyStatus.PUBLISHED)
        return published.only("pk", "year", "published_at", "corrected_at").order_by("pk")

    def location(self, proposal: Proposal) -> str:
        return reverse("interaction:proposal_detail", args=[proposal.year, proposal.pk])

    def lastmod(self, proposal: Proposal) -> datetime | None:
        return proposal.corrected_at or proposal.published_at


SITEMAPS = {
    "proposal-pages": ProposalPagesSitemap,
    "proposal-years": ProposalYearSitemap,
    "proposal-replies": ProposalReplySitemap,
}
