from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from interpretation.filters import DocumentFilter
from interpretation.selectors import (
    document_checks,
    document_sync,
    documents_changed_by,
    newest_first,
    public_documents,
    public_interpretations,
    validity_notice,
)
from lushan_portal.pagecache import cached_page
from lushan_portal.pagination import peek_page


@cached_page("interpretation")
def document_list(request: HttpRequest) -> HttpResponse:
    search = DocumentFilter(request.GET, queryset=newest_first(public_documents()))
    valid = search.is_valid()
    page = peek_page(search.qs, request.GET.get("page")) if valid else None
    rows = [(document, document_sync(document)) for document in page.rows] if page else []
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filter": search, "page": page, "rows": rows, "query_string": query.urlencode()}
    # A refused parameter (a year of 100000) is a 400 showing the form's message.
    return render(request, "interpretation/document_list.html", context, status=200 if valid else 400)


@cached_page("interpretation")
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(public_documents().prefetch_related("attachments"), pk=pk)
    interpretations = list(
        public_interpretations().filter(document=document).order_by(F("published_on").asc(nulls_last=True), "id")
    )
    context = {
        "document": document,
        "interpretations": interpretations,
        "checks": document_checks(document, interpretations),
        "validity": validity_notice(document),
        "changed_documents": list(documents_changed_by(document)),
    }
    return render(request, "interpretation/document_detail.html", context)


@cached_page("interpretation")
def interpretation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    interpretation = get_object_or_404(public_interpretations().prefetch_related("images", "steps", "questions"), pk=pk)
    return render(request, "interpretation/interpretation_detail.html", {"interpretation": interpretation})
