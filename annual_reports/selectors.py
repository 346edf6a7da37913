"""Reads for the public pages: published reports only (a superseded version stays readable)."""

from django.db.models import QuerySet
from django.http import Http404

from annual_reports.layout import Tables, tables
from annual_reports.models import PUBLIC_STATUSES, AnnualReport, ReportStatus
from annual_reports.services import report_figures
from organizations.models import Unit


def public_reports() -> QuerySet:
    return AnnualReport.objects.filter(status__in=PUBLIC_STATUSES).select_related("unit__parent")


def county_reports() -> QuerySet:
    """The county government's reports, newest year first, the current version of each."""
    return public_reports().filter(is_county=True, status=ReportStatus.PUBLISHED).order_by("-year")


def unit_reports(unit: Unit) -> QuerySet:
    """A unit's reports, newest year first, with each year's earlier versions after the current one."""
    return public_reports().filter(is_county=False, unit=unit).order_by("-year", "-version")


def public_report(*, year: int, unit: Unit | None = None, version: int | None = None) -> AnnualReport:
    """The current published version of a year's report (or the version asked for); 404 if none."""
    reports = public_reports().filter(year=year, is_county=unit is None)
    if unit is not None:
        reports = reports.filter(unit=unit)
    reports = reports.filter(version=version) if version else reports.filter(status=ReportStatus.PUBLISHED)
    report = reports.first()
    if report is None:
        raise Http404("No such report")
    return report


def report_tables(report: AnnualReport) -> Tables:
    corrections = list(report.corrections.values_list("cell", "value", "reason"))
    return tables(report_figures(report), corrections, report.fee_amount)


def other_versions(report: AnnualReport) -> list[AnnualReport]:
    return list(
        public_reports()
        .filter(unit=report.unit_id, is_county=report.is_county, year=report.year)
        .exclude(pk=report.pk)
        .order_by("-version")
    )
