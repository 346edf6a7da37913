import logging

from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.cache import never_cache

from lushan_portal.cache import cache_probe
from lushan_portal.pagecache import ALL, cached_page, versioned
from lushan_portal.search import (
    MAX_QUERY_LENGTH,
    blank_filters,
    filter_forms,
    filters_requested,
    query_terms,
    render_filters,
    result_items,
    search_everything,
)
from lushan_portal.sections import home_sections
from lushan_portal.sitemaps import site_map_sections
from organizations.selectors import units_grouped

logger = logging.getLogger(__name__)

HEALTH_KEY = "healthz:probe"
ERROR_QUERY_NUL = "搜索词含有空字符（NUL），无法搜索，请删除后重试。"


def home_unit_groups() -> SafeString:
    """The home page's unit grid, rebuilt only when a unit changes (SITE)."""
    return versioned(
        "home-unit-groups",
        build=lambda: mark_safe(render_to_string("includes/home_unit_groups.html", {"groups": units_grouped()})),
    )


@cached_page(ALL)
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html", {"unit_groups": home_unit_groups(), "sections": home_sections.fragments()})


@cached_page(ALL)
def site_map(request: HttpRequest) -> HttpResponse:
    """网站地图: the site's sections for people, from the same registry as /sitemap.xml."""
    return render(request, "site_map.html", {"sections": site_map_sections()})


def favicon(request: HttpRequest) -> HttpResponsePermanentRedirect:
    """Browsers ask for /favicon.ico on pages without an icon link (the admin)."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


@cached_page(ALL)
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    if "\x00" in query:  # PostgreSQL text cannot hold it: a 400, not a 500 from the query
        context = {"query": "", "error": ERROR_QUERY_NUL, "filters": render_filters(filter_forms(request.GET))}
        return render(request, "search.html", context, status=400)
    if filters_requested(request.GET):
        bound = filter_forms(request.GET)
        filters = render_filters(bound)
    else:  # no filter set: nothing to validate, and the forms as every such search shows them
        bound, filters = [], blank_filters()
    results = search_everything(query, request.GET, bound)
    context = {
        "query": query,
        "filters": filters,
        "terms": query_terms(query),
        "results": [(section, rows, result_items(rows)) for section, rows in results],
        "total": sum(len(rows) for _section, rows in results),
    }
    return render(request, "search.html", context)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("healthz: database unreachable")
        return False


def _cache_ok() -> bool:
    try:
        return cache_probe(HEALTH_KEY)
    except Exception:  # a cache backend that raises (not ResilientRedisCache)
        logger.exception("healthz: cache unreachable")
        return False


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database and the cache answer; 503 naming each component that does not."""
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    healthy = all(checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **{k: "ok" if v else "down" for k, v in checks.items()}},
        status=200 if healthy else 503,
    )
