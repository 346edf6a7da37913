"""The compliance dashboard at scale: 1,000,000 enforcement decisions and 100,000 publications.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lushan_bench \
        .venv/bin/python benchmarks/dashboard_scale.py

Loads the data of enforcement_scale.py and catalog_scale.py when missing, then times the
dashboard for all units and a year, a quarter and the trend page through the Django test
client: median, 95th percentile and the number of queries.
"""

from harness import count_queries, setup_django, summary, timings


def main() -> None:
    setup_django()
    import catalog_scale
    import enforcement_scale
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.utils import timezone

    enforcement_scale.load(1_000_000)
    catalog_scale.load(10_000, 100_000)
    user, _ = get_user_model().objects.get_or_create(username="bench-supervisor", defaults={"is_superuser": True})
    client = Client()
    client.force_login(user)
    year = timezone.localdate().year
    pages = {
        f"dashboard, all units, {year}": f"/dashboard/?period={year}",
        f"dashboard, all units, {year}-Q4": f"/dashboard/?period={year}-Q4",
        f"dashboard as CSV, {year}": f"/dashboard/?period={year}&format=csv",
        f"trend by month, {year}": f"/dashboard/trend/?year={year}",
    }
    for label, url in pages.items():
        assert client.get(url).status_code == 200, label
        queries = count_queries(lambda url=url: client.get(url))
        print(f"{label:34s} {summary(timings(lambda url=url: client.get(url), repeat=10))}   {queries} queries")


if __name__ == "__main__":
    main()
