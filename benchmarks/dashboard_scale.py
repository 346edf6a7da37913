"""The compliance dashboard at scale: 1,000,000 enforcement decisions and 100,000 publications.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lushan_bench \\
        .venv/bin/python benchmarks/dashboard_scale.py [--rows 1000000 --items 10000 --publications 100000]

Loads the data of enforcement_scale.py and catalog_scale.py when missing, runs ANALYZE,
freezes the month-end snapshots of the past months as the monthly beat task and
`manage.py snapshot_months` do in production, then times, as a supervisor through the Django
test client, the dashboard for all units (this year, a quarter, the CSV export), and the
trend page (this year and last year): median, 95th percentile and the number of queries.
"""

import argparse
import time

from harness import analyze, arguments, report, setup_django


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rows", type=int, default=1_000_000, help="enforcement decisions")
    parser.add_argument("--items", type=int, default=10_000, help="catalog items")
    parser.add_argument("--publications", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per page")


def freeze_past_months() -> None:
    from datetime import date

    from django.utils import timezone

    from compliance.snapshots import previous_month, snapshots_backfill

    today = timezone.localdate()
    first = date(today.year - 4, today.month, 1)  # the loaders spread records over four years
    started = time.perf_counter()
    written = snapshots_backfill(first, date(*previous_month(today), 1))
    changed = sum(1 for rows in written.values() if rows)
    print(f"snapshots: {changed} of {len(written)} months frozen now in {time.perf_counter() - started:.1f} s")


def main() -> None:
    args = arguments(__doc__, add_arguments)
    setup_django()
    import catalog_scale
    import enforcement_scale
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.utils import timezone

    enforcement_scale.load(args.rows)
    catalog_scale.load(args.items, args.publications)
    analyze()
    freeze_past_months()
    user, _ = get_user_model().objects.get_or_create(username="bench-supervisor", defaults={"is_superuser": True})
    client = Client()
    client.force_login(user)
    today = timezone.localdate()
    year, quarter = today.year, (today.month - 1) // 3 + 1
    pages = {
        f"dashboard, all units, {year}": f"/dashboard/?period={year}",
        f"dashboard, all units, {year}-Q{quarter}": f"/dashboard/?period={year}-Q{quarter}",
        f"dashboard as CSV, {year}": f"/dashboard/?period={year}&format=csv",
        f"trend by month, {year}": f"/dashboard/trend/?year={year}",
        f"trend by month, {year - 1}": f"/dashboard/trend/?year={year - 1}",
    }
    for label, url in pages.items():
        assert client.get(url).status_code == 200, label
        report(label, lambda url=url: client.get(url), repeat=args.repeat)


if __name__ == "__main__":
    main()
