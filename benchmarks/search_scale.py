"""Site search and catalog search at county scale, on PostgreSQL.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lushan_bench \\
        .venv/bin/python benchmarks/search_scale.py [--items 10000 --publications 100000 --decisions 1000000]

Loads the catalog (catalog_scale.py) and the enforcement decisions (enforcement_scale.py) if
they are not there yet, runs ANALYZE, loads jieba's dictionary as a server process does at
start-up, then prints for several two-character words: the site search page (/search/), the
catalog item and publication searches alone (the site search's sections), and the API's
catalog-item search, each as median and 95th percentile over repeated in-process requests
(each one rendered: the page cache is off unless PAGE_CACHE_SECONDS is set), with its number
of queries. Goal (issue 14): p95 <= 50 ms for the site and catalog searches.
"""

import argparse
import statistics

from harness import count_queries, setup_django, timings

WORDS = ["低保", "救助", "处罚", "招生", "补偿"]


def p50_p95(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[max(0, round(len(ordered) * 0.95) - 1)]
    return f"p50 {statistics.median(ordered):7.2f} ms   p95 {p95:7.2f} ms"


def bench(repeat: int) -> None:
    from django.test import Client

    from catalog.search import items_matching, publications_matching
    from lushan_portal.search import RESULTS_PER_SECTION, query_terms

    client = Client()
    for word in WORDS:
        terms = query_terms(word)
        actions = {
            f"site search /search/?q={word}": lambda word=word: client.get("/search/", {"q": word}),
            f"  catalog items section '{word}'": lambda terms=terms: list(
                items_matching(terms, {})[:RESULTS_PER_SECTION]
            ),
            f"  publications section '{word}'": lambda terms=terms: list(
                publications_matching(terms, {})[:RESULTS_PER_SECTION]
            ),
            f"API /api/catalog-items/?q={word}": lambda word=word: client.get("/api/catalog-items/", {"q": word}),
        }
        for label, action in actions.items():
            result = action()
            assert getattr(result, "status_code", 200) == 200, label
            queries = count_queries(action)
            print(f"{label:40s} {p50_p95(timings(action, repeat=repeat))}   {queries} queries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=10_000, help="catalog items (default 10,000)")
    parser.add_argument("--publications", type=int, default=100_000, help="publications (default 100,000)")
    parser.add_argument("--decisions", type=int, default=1_000_000, help="enforcement decisions (default 1,000,000)")
    parser.add_argument("--repeat", type=int, default=40, help="timed requests per figure (default 40)")
    args = parser.parse_args()
    setup_django()
    import catalog_scale
    import enforcement_scale
    from django.db import connection

    from lushan_portal.text_search import warm_up

    catalog_scale.load(args.items, args.publications)
    if args.decisions:
        enforcement_scale.load(args.decisions)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # every table: a fresh machine may not have run autovacuum yet
    warm_up()  # as wsgi.py does when a server process starts
    bench(args.repeat)


if __name__ == "__main__":
    main()
