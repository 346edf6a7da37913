"""The website self-inspection's nightly run at scale: every unit's 26 domain columns and 100,000
publications on PostgreSQL.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lushan_bench \\
        .venv/bin/python benchmarks/inspection_scale.py [--publications 100000]

Loads the catalog benchmark's data when missing (benchmarks/catalog_scale.py: every unit with a
published catalog per domain, publications spread over four years); one publication in a hundred
is not marked 补录 and so reads as back-dated (it was entered after its date), one in a thousand
mentions a serious wrong expression, and a month of probes every 5 minutes is recorded. Runs
ANALYZE, then times the nightly run twice (the first opens every finding, the second is the
steady state that finds the same ones), with its queries and its peak memory (tracemalloc), and
the crawler's reading of published links.
"""

import argparse
import resource
import time
import tracemalloc
from datetime import datetime, timedelta

from catalog_scale import load as load_catalog
from harness import analyze, arguments, count_queries, setup_django


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--items", type=int, default=10_000, help="catalog items (with the catalog data)")
    parser.add_argument("--publications", type=int, default=100_000)


def prepare() -> None:
    from django.conf import settings
    from django.db import connection
    from django.utils import timezone

    from inspection.models import Finding, LinkCheck, Probe, Run

    wrong = settings.INSPECTION_WRONG_EXPRESSIONS[0]
    with connection.cursor() as cursor:
        cursor.execute("UPDATE catalog_publication SET backfilled = (id %% 100 <> 0)", [])
        cursor.execute(
            "UPDATE catalog_publication SET body = body || %s WHERE id %% 1000 = 0 AND position(%s in body) = 0",
            [wrong, wrong],
        )
    Finding.objects.all().delete()
    Run.objects.all().delete()
    LinkCheck.objects.all().delete()
    Probe.objects.all().delete()
    now = timezone.now()
    start = datetime.combine(timezone.localdate().replace(day=1), datetime.min.time(), tzinfo=now.tzinfo)
    count = max(int((now - start).total_seconds() // 300), 1)
    Probe.objects.bulk_create(
        (Probe(at=start + timedelta(minutes=5 * n), url="https://example/", ok=n % 50 != 0, elapsed_ms=200)
         for n in range(count)),
        batch_size=5000,
    )  # fmt: skip
    print(f"prepared: 1 % of publications not 补录, 0.1 % with {wrong!r}, {count:,} probes this month")


def measure(label: str, action) -> None:
    """The time of one run as it is, then the peak of Python memory in another run (tracemalloc slows it)."""
    started = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - started
    tracemalloc.start()
    action()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    memory = f"peak {peak / 2**20:7.1f} MiB (process {maxrss:.0f} MiB)"
    print(f"{label:38s} {seconds:8.2f} s   {memory}   {result}", flush=True)


def main() -> None:
    args = arguments(__doc__, add_arguments)
    setup_django()
    load_catalog(args.items, args.publications)
    prepare()
    analyze()
    from inspection.crawler import content_links
    from inspection.models import Finding
    from inspection.services import inspection_run

    Finding.objects.all().delete()
    started = time.perf_counter()
    queries = count_queries(inspection_run)
    opened = Finding.objects.filter(resolved_at=None).count()
    print(f"{'nightly run (opens the findings)':38s} {time.perf_counter() - started:8.2f} s   {queries} queries, "
          f"{opened:,} open findings")  # fmt: skip
    measure("nightly run (steady state)", lambda: f"{count_queries(inspection_run)} queries")
    measure("crawler: links in published content", lambda: f"{sum(len(x) for x in content_links()[:2])} links")


if __name__ == "__main__":
    main()
