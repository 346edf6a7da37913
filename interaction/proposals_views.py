"""Public pages of 建议提案 (/proposals/, /proposals/<year>/, a reply) and 回应关切 (/responses/)."""

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from interaction.proposals_selectors import proposal_years, published_replies, search_year, year_overview
from interaction.responses_selectors import published_responses
from lushan_portal.pagecache import cached_page
from lushan_portal.pagination import peek_page

SECTION = "proposals"
PAGE_SIZE = 50
MAX_QUERY = 100


@cached_page(SECTION)
def proposal_years_page(request: HttpRequest) -> HttpResponse:
    return render(request, "interaction/proposal_years.html", {"years": proposal_years()})


@cached_page(SECTION)
def proposal_year_page(request: HttpRequest, year: int) -> HttpResponse:
    overview = year_overview(year)
    if not overview.totals["total"]:
        raise Http404("no proposals that year")
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY]
    page = peek_page(search_year(year, query), request.GET.get("page"), size=PAGE_SIZE)
    context = {
        "year": year,
        "overview": overview,
        "query": query,
        "page": page,
        "query_string": urlencode({"q": query}) if query else "",
    }
    return render(request, "interaction/proposal_year.html", context)


@cached_page(SECTION)
def proposal_detail_page(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    proposal = get_object_or_404(published_replies(), year=year, pk=pk)
    return render(request, "interaction/proposal_detail.html", {"proposal": proposal})


@cached_page(SECTION)
def responses_page(request: HttpRequest) -> HttpResponse:
    page = peek_page(published_responses(), request.GET.get("page"))
    return render(request, "interaction/responses.html", {"page": page, "query_string": ""})
