"""The link checker: the portal's own pages every night, the outbound links of published content weekly.

Internal: every page of /sitemap.xml and every link to the site in published content, then the
site's links found on those pages (never /admin/, /dashboard/, /accounts/, as robots.txt says),
at most ``CRAWL_MAX_PAGES`` a night, the least recently checked first. Outbound: exactly the
links written in published content, one request per host at a time with a pause between two
(``INSPECTION_CRAWL_DELAY_MS``); a redirect to another host is not followed. Each link keeps the
pages it is on, so a broken one is told to the page's owner.
"""

import logging
import time
import xml.etree.ElementTree as ElementTree
from collections import defaultdict, deque
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

from django.db import transaction
from django.utils import timezone

from inspection import rules
from inspection.http import Answer, get
from inspection.models import LinkCheck, LinkScope
from lushan_portal import site_inspection as registry
from lushan_portal.sitemaps import ROBOTS_DISALLOW

logger = logging.getLogger(__name__)

MAX_URL = LinkCheck._meta.get_field("url").max_length
MAX_SOURCES = 20
CHUNK = 5000  # pages kept per link: enough to find and fix it
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@dataclass(frozen=True)
class CrawlResult:
    checked: int
    broken: int
    seconds: float


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)
        self._in_title = tag == "title"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False


def _clean(url: str, base: str) -> str | None:
    url = urldefrag(urljoin(base, url.strip()))[0]
    return url if urlsplit(url).scheme in ("http", "https") else None


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def content_links() -> tuple[dict[str, list[dict]], dict[str, list[dict]], dict[str, dict]]:
    """(internal links, outbound links) of published content with the records they are in, and
    each record's page (its path) with its owner, for links found later on that page."""
    base = rules.site_url()
    host = urlsplit(base).hostname
    internal: dict[str, list[dict]] = defaultdict(list)
    outbound: dict[str, list[dict]] = defaultdict(list)
    owners: dict[str, dict] = {}
    for source in registry.content_sources():
        for record in source.records():
            where = {"title": record.title, "url": record.url, "unit_id": record.unit_id, "admin_url": record.admin_url}
            owners[_path(urljoin(base, record.url))] = where
            for link in record.links:
                url = _clean(link, urljoin(base, record.url))
                if url is None:
                    continue
                target = internal if urlsplit(url).hostname == host else outbound
                if len(url) <= MAX_URL and len(target[url]) < MAX_SOURCES:
                    target[url].append(where)
    return internal, outbound, owners


def sitemap_pages(base: str) -> list[str]:
    """The <loc>s of /sitemap.xml (following a sitemap index on the same host)."""
    host = urlsplit(base).hostname
    pending, pages = [urljoin(base, "sitemap.xml")], []
    seen: set[str] = set()
    while pending:
        url = pending.pop()
        if url in seen or urlsplit(url).hostname != host:
            continue
        seen.add(url)
        answer = get(url, timeout=rules.CRAWL_TIMEOUT_SECONDS)
        if answer.broken:
            logger.warning("sitemap %s: %s", url, answer.status or answer.error)
            continue
        root = ElementTree.fromstring(answer.body)
        locs = [loc.text.strip() for loc in root.iter(f"{SITEMAP_NS}loc") if loc.text]
        (pending if root.tag == f"{SITEMAP_NS}sitemapindex" else pages).extend(locs)
    return pages


def _crawlable(url: str, host: str | None) -> bool:
    parts = urlsplit(url)
    return parts.hostname == host and not parts.path.startswith(ROBOTS_DISALLOW) and len(url) <= MAX_URL


def _oldest_first(urls: list[str]) -> list[str]:
    """Never-checked links first, then the least recently checked: a capped night moves on."""
    checked = {}
    for start in range(0, len(urls), CHUNK):  # under SQLite's limit of variables per query
        rows = LinkCheck.objects.filter(url__in=urls[start : start + CHUNK]).values_list("url", "checked_at")
        checked.update(rows)
    epoch = timezone.now().replace(year=2000)
    return sorted(urls, key=lambda url: checked.get(url) or epoch)


def crawl_internal(*, limit: int | None = None) -> CrawlResult:
    started = time.monotonic()
    base = rules.site_url()
    host = urlsplit(base).hostname
    limit = limit or rules.CRAWL_MAX_PAGES
    links, _outbound, owners = content_links()
    sitemap_source = {"title": "网站地图", "url": "/sitemap.xml", "unit_id": None, "admin_url": ""}
    sources: dict[str, list[dict]] = defaultdict(list)
    for url, where in links.items():  # what editors wrote first: the links most likely to break
        if _crawlable(url, host):
            sources[url].extend(where)
    for page in sitemap_pages(base):
        if _crawlable(page, host):
            sources[page].append(sitemap_source)
    queue = deque(_oldest_first(list(sources)))
    queued = set(queue)
    answers: dict[str, Answer] = {}
    delay = rules.INTERNAL_CRAWL_DELAY_MS / 1000
    while queue and len(answers) < limit:
        url = queue.popleft()
        answer = get(url, timeout=rules.CRAWL_TIMEOUT_SECONDS)
        answers[url] = answer
        if not answer.broken and "html" in answer.headers.get("content-type", ""):
            parser = _Links()
            parser.feed(answer.body.decode("utf-8", errors="replace"))
            page = owners.get(_path(url)) or {
                "title": parser.title.strip()[:100] or _path(url),
                "url": _path(url),
                "unit_id": None,
                "admin_url": "",
            }
            for href in parser.hrefs:
                target = _clean(href, url)
                # Links with a query (filters, pages, exports, login's ?next=) are views of pages already
                # in the sitemap: following them would multiply the crawl without finding new pages.
                if target and _crawlable(target, host) and not urlsplit(target).query:
                    if len(sources[target]) < MAX_SOURCES and page not in sources[target]:
                        sources[target].append(page)
                    if target not in queued:
                        queued.add(target)
                        queue.append(target)
        if delay:
            time.sleep(delay)
    complete = not queue
    broken = _store(LinkScope.INTERNAL, answers, sources, complete=complete)
    return CrawlResult(len(answers), broken, time.monotonic() - started)


def crawl_outbound() -> CrawlResult:
    started = time.monotonic()
    _internal, links, _owners = content_links()
    delay = rules.crawl_delay_seconds()
    last_at: dict[str, float] = {}
    answers: dict[str, Answer] = {}
    for url in sorted(links):
        host = urlsplit(url).hostname or ""
        wait = last_at.get(host, 0) + delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        answers[url] = get(url, timeout=rules.CRAWL_TIMEOUT_SECONDS, read_body=False)
        last_at[host] = time.monotonic()
    broken = _store(LinkScope.OUTBOUND, answers, links, complete=True)
    return CrawlResult(len(answers), broken, time.monotonic() - started)


def _store(scope: str, answers: dict[str, Answer], sources: dict[str, list[dict]], *, complete: bool) -> int:
    """Keep each link's last answer; when the whole scope was checked, forget links no longer carried."""
    now = timezone.now()
    with transaction.atomic():
        existing = {row.url: row for row in LinkCheck.objects.filter(url__in=list(answers))}
        new, changed = [], []
        for url, answer in answers.items():
            row = existing.get(url) or LinkCheck(url=url)
            row.scope, row.status, row.error = scope, answer.status, answer.error[:300]
            row.broken, row.sources, row.checked_at = answer.broken, sources.get(url, [])[:MAX_SOURCES], now
            (changed if row.pk else new).append(row)
        LinkCheck.objects.bulk_create(new, batch_size=1000)
        fields = ["scope", "status", "error", "broken", "sources", "checked_at"]
        LinkCheck.objects.bulk_update(changed, fields, batch_size=1000)
        if complete:
            LinkCheck.objects.filter(scope=scope).exclude(url__in=list(answers)).delete()
    return sum(answer.broken for answer in answers.values())
