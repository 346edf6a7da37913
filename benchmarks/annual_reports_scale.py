"""The annual reports of every unit for a year at county scale, on PostgreSQL.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lushan_bench \\
        .venv/bin/python benchmarks/annual_reports_scale.py [--decisions 1000000 --applications 100000 --repeat 10]

Loads (when missing) the enforcement decisions with enforcement_scale.py's loader and the
disclosure applications with requests_scale.py's, runs ANALYZE, then times: the figures of every
unit for last year and this year (annual_reports.figures.compute_many: a fixed number of queries,
not one per unit, let alone per cell), the county's figures, the cross-sums of every unit's
tables, and one published report's page and xlsx rendered afresh (page cache off). Prints which
figure providers are registered: a code without one (未提供) costs nothing and is named.
"""

import argparse

from harness import analyze, arguments, report, setup_django


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--decisions", type=int, default=1_000_000, help="enforcement decisions")
    parser.add_argument("--applications", type=int, default=100_000, help="disclosure applications")
    parser.add_argument("--repeat", type=int, default=10, help="timed runs per figure")


def load(decisions: int, applications: int) -> None:
    import enforcement_scale
    import requests_scale

    enforcement_scale.load(decisions)
    requests_scale.load(applications)


def published_report(year: int):
    """One unit's report on ``year``, published (made once, kept for the next runs)."""
    from django.contrib.auth import get_user_model

    from annual_reports import services
    from annual_reports.models import AnnualReport, ReportStatus
    from organizations.models import Unit

    found = AnnualReport.objects.filter(year=year, status=ReportStatus.PUBLISHED, is_county=False).first()
    if found is not None:
        return found
    admin, _created = get_user_model().objects.get_or_create(username="bench-admin", is_superuser=True)
    unit = Unit.objects.get(code="civil-affairs")
    report = AnnualReport.objects.filter(unit=unit, year=year).first()
    report = report or services.report_start(unit=unit, year=year, by=admin)
    report.overview = "基准测试"
    report.save()
    services.report_submit(report=report, by=admin)
    return services.report_review(report=report, by=admin, approve=True)


def bench(repeat: int) -> None:
    from django.test import Client
    from django.utils import timezone

    from annual_reports.checks import cross_sum_errors
    from annual_reports.figures import PROVIDER_CODES, compute, compute_many, registered_codes
    from organizations.models import Unit

    present, _missing = registered_codes()
    print("providers:", ", ".join(f"{code} {'✓' if code in present else '未提供'}" for code in PROVIDER_CODES))
    units = list(Unit.objects.filter(is_active=True).values_list("id", flat=True))
    today = timezone.localdate()
    for year in (today.year - 1, today.year):
        report(f"every unit ({len(units)}), {year}", lambda year=year: compute_many(year, units), repeat, 40)
        report(f"the county, {year}", lambda year=year: compute(year, None), repeat, 40)
    many = compute_many(today.year - 1, units)
    report("cross-sums of every unit's tables", lambda: [cross_sum_errors(s) for s in many.values()], repeat, 40)
    published = published_report(today.year - 1)
    client = Client()
    page = published.get_absolute_url()
    assert client.get(page).status_code == 200
    report("report page (cache off)", lambda: client.get(page), repeat, 40)
    report("tables.xlsx", lambda: client.get(f"{page}tables.xlsx"), repeat, 40)


def main() -> None:
    args = arguments(__doc__, add_arguments)
    setup_django()
    load(args.decisions, args.applications)
    analyze()
    bench(args.repeat)


if __name__ == "__main__":
    main()
