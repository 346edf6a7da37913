from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from catalog.models import CatalogItem, CatalogStatus, Domain
from catalog.pages import domain_rows, entry_detail
from catalog.selectors import (
    domains_with_counts,
    public_publications,
    publications_of_item,
    published_catalogs,
    readable_catalogs,
    unit_domain_entry,
)
from catalog.spreadsheet import catalog_csv, catalog_xlsx
from lushan_portal.pagecache import cached_page
from organizations.selectors import public_units


@cached_page("catalog")
def domain_list(request: HttpRequest) -> HttpResponse:
    return render(request, "catalog/domain_list.html", {"domains": domains_with_counts()})


@cached_page("catalog")
def domain_detail(request: HttpRequest, domain: str) -> HttpResponse:
    domain = get_object_or_404(Domain.objects.select_related("lead_unit"), code=domain, is_active=True)
    catalogs = published_catalogs().filter(domain=domain).order_by("unit__sort_order", "unit__code")
    # What each row shows and links to: not the catalogs' notes, nor the units' contact details.
    catalogs = catalogs.only(
        "version", "status", "not_applicable", "published_at", "unit__name", "unit__code", "domain__code"
    )
    return render(request, "catalog/domain_detail.html", {"domain": domain, "rows": domain_rows(catalogs)})


def _catalog_for(request: HttpRequest, unit: str, domain: str):
    unit = get_object_or_404(public_units(), code=unit)
    domain = get_object_or_404(Domain.objects.select_related("lead_unit"), code=domain, is_active=True)
    versions = readable_catalogs().filter(unit=unit, domain=domain).order_by("-version")
    wanted = request.GET.get("version", "")
    if wanted:
        if not wanted.isdigit():
            raise Http404("No such version")
        catalog = next((c for c in versions if c.version == int(wanted)), None)
    else:
        catalog = next((c for c in versions if c.status == CatalogStatus.PUBLISHED), None)
    return unit, domain, versions, catalog


@cached_page("catalog")
def unit_domain(request: HttpRequest, unit: str, domain: str) -> HttpResponse:
    unit, domain, versions, catalog = _catalog_for(request, unit, domain)
    if catalog is None and request.GET.get("version"):
        raise Http404("No such version")
    items = list(catalog.items.all()) if catalog else []
    entry = None if catalog else unit_domain_entry(unit, domain)  # what is missing, and who compiles it
    context = {"unit": unit, "domain": domain, "catalog": catalog, "items": items, "versions": versions, "entry": entry}
    context["entry_detail"] = entry_detail(entry) if entry else ""
    return render(request, "catalog/unit_domain.html", context)


@cached_page("catalog")
def unit_domain_export(request: HttpRequest, unit: str, domain: str, fmt: str) -> HttpResponse:
    if fmt not in ("xlsx", "csv"):
        raise Http404("Unknown format")
    unit, domain, _versions, catalog = _catalog_for(request, unit, domain)
    if catalog is None:
        raise Http404("No published catalog")
    items = list(catalog.items.all())
    filename = f"{unit.code}-{domain.code}-v{catalog.version}"
    if fmt == "xlsx":
        response = HttpResponse(
            catalog_xlsx(items, f"{unit.name}{domain.name}领域基层政务公开标准目录"),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(catalog_csv(items), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@cached_page("catalog")
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(
        CatalogItem.objects.select_related("catalog__unit", "catalog__domain"),
        pk=pk,
        catalog__status__in=[CatalogStatus.PUBLISHED, CatalogStatus.SUPERSEDED],
    )
    publications = publications_of_item(item)[:100]
    return render(request, "catalog/item_detail.html", {"item": item, "publications": publications})


@cached_page("catalog")
def publication_detail(request: HttpRequest, pk: int) -> HttpResponse:
    publication = get_object_or_404(public_publications().select_related("item").prefetch_related("attachments"), pk=pk)
    return render(request, "catalog/publication_detail.html", {"publication": publication})
