"""/sitemap.xml, /robots.txt and the 网站地图 (/sitemap/): each app lists its own public pages;
they are assembled here, once for crawlers and once for people."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from administration.guides_sitemaps import SITEMAPS as ADMINISTRATION_GUIDES
from catalog.sitemaps import SITEMAPS as CATALOG
from decisions.sitemaps import SITEMAPS as DECISIONS
from disclosure_requests.sitemaps import SITEMAPS as DISCLOSURE_REQUESTS
from enforcement.sitemaps import SITEMAPS as ENFORCEMENT
from interaction.proposals_sitemaps import SITEMAPS as PROPOSALS
from interaction.sitemaps import SITEMAPS as INTERACTION
from interpretation.sitemaps import SITEMAPS as INTERPRETATION
from organizations.sitemaps import SITEMAPS as ORGANIZATIONS
from site_feedback.sitemaps import SITEMAPS as SITE_FEEDBACK
from xxgk.sitemaps import SITEMAPS as XXGK

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
            "api-root",
            "site_map",
        ]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    **ORGANIZATIONS,
    **CATALOG,
    **INTERPRETATION,
    **DECISIONS,
    **ENFORCEMENT,
    **SITE_FEEDBACK,
    **DISCLOSURE_REQUESTS,
    **XXGK,
    **INTERACTION,
    **PROPOSALS,
    **ADMINISTRATION_GUIDES,
}


def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW), "Allow: /"]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@dataclass(frozen=True)
class MapSection:
    """A section of the 网站地图: its page, and the registry's sitemap whose entries it lists.

    Only sitemaps of a few dozen entries are listed (units, domains, catalog years); the
    records (publications, decisions…) are reached from their section's page.
    """

    title: str
    url_name: str | None = None
    sitemap: str | None = None
    label: Callable[[object], str] = str


def _year_label(year: int) -> str:
    return _("%(year)s年重大行政决策事项目录") % {"year": year}


SITE_MAP_SECTIONS = [
    MapSection(_("首页"), "home"),
    MapSection(_("公开单位"), "organizations:unit_list", "units", lambda unit: unit.name),
    MapSection(_("基层政务公开标准目录"), "catalog:domains", "domains", lambda domain: domain.name),
    MapSection(_("政策文件与解读"), "interpretation:documents"),
    MapSection(_("重大行政决策公开征求意见"), "decisions:consultations"),
    MapSection(_("重大行政决策事项目录"), None, "decision-years", _year_label),
    MapSection(_("行政执法公示"), "enforcement:list"),
    MapSection(_("站内搜索"), "search"),
    MapSection(_("数据接口"), "api-root"),
    MapSection(_("政府信息公开"), "xxgk:county"),
    MapSection(_("办事指南"), "administration:guides"),
    MapSection(_("重点任务和民生实事"), "administration:tasks_index"),
    MapSection(_("督查审计问题整改"), "administration:rectifications"),
    MapSection(_("政府信息公开申请"), "disclosure_requests:apply"),
    MapSection(_("政府信息公开申请查询"), "disclosure_requests:status"),
    MapSection(
        _("政民互动（县长信箱、部门信箱、咨询留言）"), "interaction:mailboxes", "mailboxes", lambda box: box.name
    ),
    MapSection(_("留言办理进度查询"), "interaction:status"),
    MapSection(_("我为政府网站找错"), "site_feedback:report"),
    MapSection(_("建议提案办理结果"), "interaction:proposals"),
    MapSection(_("回应关切"), "interaction:responses"),
]


def site_map_sections() -> list[dict]:
    """Each section with its link and its entries [(label, url)]; one query per listed sitemap."""
    sections = []
    for section in SITE_MAP_SECTIONS:
        entries = []
        if section.sitemap:
            sitemap = SITEMAPS[section.sitemap]()
            entries = [(section.label(item), sitemap.location(item)) for item in sitemap.items()]
        url = reverse(section.url_name) if section.url_name else ""
        if url or entries:
            sections.append({"title": section.title, "url": url, "entries": entries})
    return sections
