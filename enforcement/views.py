from datetime import date

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from enforcement.public import (
    PUBLIC_FIELDS,
    listed,
    public_correction_note,
    public_decisions,
    public_rows,
    public_title,
    public_values,
)
from enforcement.rules import PUBLICATION_WORKING_DAYS
from enforcement.selectors import decision_search
from lushan_portal.pagecache import cached_page
from lushan_portal.pagination import peek_page
from lushan_portal.spreadsheets import SafeCsvWriter
from workdays import explain_due_date

EXPORT_MAX_ROWS = 100_000


@cached_page("enforcement")
def decision_list(request: HttpRequest) -> HttpResponse:
    search = decision_search(request.GET)
    page = peek_page(listed(search.qs), request.GET.get("page")) if search.is_valid() else None
    # Each row's link, title, unit and date made here, not per row in the template.
    rows = [
        (decision.get_absolute_url(), public_title(decision), decision.unit.name, _day(decision.decision_date))
        for decision in (page.rows if page else [])
    ]
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filter": search, "page": page, "rows": rows, "query_string": query.urlencode()}
    return render(request, "enforcement/decision_list.html", context)


def _day(value: date | None) -> str:
    """As the |date:"Y-m-d" filter shows a date (empty when unknown)."""
    return value.strftime("%Y-%m-%d") if value else ""


@cached_page("enforcement")
def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(public_decisions(), pk=pk)
    context = {
        "decision": decision,
        "title": public_title(decision),
        "fields": public_rows(decision),
        "correction_note": public_correction_note(decision),
        "explanation": explain_due_date(decision.decision_date, PUBLICATION_WORKING_DAYS),
        "first_published_on": timezone.localdate(decision.first_published_at),
    }
    return render(request, "enforcement/decision_detail.html", context)


class Echo:
    def write(self, value: str) -> str:
        return value


def decision_export(request: HttpRequest) -> HttpResponse:
    """The current search as CSV (UTF-8 with BOM so that Excel opens it), masked like the page,
    with formula-like cells neutralised (the text came from editors' imports)."""
    search = decision_search(request.GET)
    if not search.is_valid():
        return HttpResponse("查询条件有误：" + "；".join(search.errors.as_text().split("\n")), status=400)
    writer = SafeCsvWriter(Echo())

    def lines():
        yield "\ufeff" + writer.writerow([field.label for field in PUBLIC_FIELDS])
        for decision in search.qs[:EXPORT_MAX_ROWS].iterator(chunk_size=2000):
            values = public_values(decision)
            yield writer.writerow([values[field.key] for field in PUBLIC_FIELDS])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="enforcement.csv"'
    return response
