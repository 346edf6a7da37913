"""Public pages: the county's reports by year, a unit's reports, one report in the national
layout (prints on A4), and its tables as xlsx. Served from the page cache (section
``annual_reports``, bumped by every save of a report)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from annual_reports.apps import SECTION
from annual_reports.layout import T3_HEADER, T4_HEADER
from annual_reports.selectors import county_reports, other_versions, public_report, report_tables, unit_reports
from annual_reports.services import openness_office
from annual_reports.spreadsheet import report_xlsx
from lushan_portal.pagecache import cached_page
from organizations.selectors import public_units

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _version(request: HttpRequest) -> int | None:
    raw = request.GET.get("version", "")
    return int(raw) if raw.isdigit() and 0 < int(raw) < 1000 else None


@cached_page(SECTION)
def county_list(request: HttpRequest) -> HttpResponse:
    office = openness_office()
    county_name = office.parent.name if office is not None and office.parent else None
    return render(request, "annual_reports/county_list.html", {"reports": county_reports(), "county_name": county_name})


@cached_page(SECTION)
def unit_list(request: HttpRequest, unit: str) -> HttpResponse:
    unit = get_object_or_404(public_units(), code=unit)
    return render(request, "annual_reports/unit_list.html", {"unit": unit, "reports": unit_reports(unit)})


def _report_page(request: HttpRequest, report) -> HttpResponse:
    context = {
        "report": report,
        "tables": report_tables(report),
        "versions": other_versions(report),
        "t3_orgs": T3_HEADER[1:-1],
        "t4_header": T4_HEADER,
    }
    return render(request, "annual_reports/report.html", context)


@cached_page(SECTION)
def county_report(request: HttpRequest, year: int) -> HttpResponse:
    return _report_page(request, public_report(year=year, version=_version(request)))


@cached_page(SECTION)
def unit_report(request: HttpRequest, unit: str, year: int) -> HttpResponse:
    unit = get_object_or_404(public_units(), code=unit)
    return _report_page(request, public_report(year=year, unit=unit, version=_version(request)))


def _xlsx(report) -> HttpResponse:
    response = HttpResponse(report_xlsx(report.title, report_tables(report)), content_type=XLSX)
    owner = "county" if report.is_county else report.unit.code
    response["Content-Disposition"] = f'attachment; filename="ndbg-{owner}-{report.year}-v{report.version}.xlsx"'
    return response


def county_tables(request: HttpRequest, year: int) -> HttpResponse:
    return _xlsx(public_report(year=year, version=_version(request)))


def unit_tables(request: HttpRequest, unit: str, year: int) -> HttpResponse:
    unit = get_object_or_404(public_units(), code=unit)
    return _xlsx(public_report(year=year, unit=unit, version=_version(request)))
