"""Load the benchmark database (if needed) and print the public pages the HTTP benchmarks request.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lushan_bench \\
        .venv/bin/python benchmarks/load_data.py [--rows 1000000 --items 10000 --publications 100000] [--targets]

Uses the loaders of enforcement_scale.py and catalog_scale.py (each skips what is already
loaded), runs ANALYZE, then with --targets prints one "label=path" line per public page:
home, site search 低保, enforcement list and search, a domain, a unit's column, an item, a
publication, a decision, and the API lists of publications and decisions.
"""

import argparse
from urllib.parse import quote

from harness import analyze, arguments, setup_django


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rows", type=int, default=1_000_000, help="enforcement decisions")
    parser.add_argument("--items", type=int, default=10_000, help="catalog items")
    parser.add_argument("--publications", type=int, default=100_000)
    parser.add_argument("--targets", action="store_true", help="print the pages as label=path lines")


def targets() -> list[tuple[str, str]]:
    from catalog.models import CatalogItem, Publication
    from enforcement.models import Decision

    item = CatalogItem.objects.select_related("catalog__unit", "catalog__domain").order_by("id").first()
    publication = Publication.objects.filter(status="published").order_by("-id").first()
    decision = (
        Decision.objects.filter(status="published").exclude(party_category="natural_person").order_by("-id").first()
    )
    return [
        ("home", "/"),
        ("search-dibao", f"/search/?q={quote('低保')}"),
        ("enforcement-list", "/enforcement/"),
        ("enforcement-search", f"/enforcement/?q={quote('商贸')}"),
        ("domain", f"/catalog/{item.catalog.domain.code}/"),
        ("unit-column", f"/units/{item.catalog.unit.code}/"),
        ("item", item.get_absolute_url()),
        ("publication", publication.get_absolute_url()),
        ("decision", decision.get_absolute_url()),
        ("api-publications", "/api/publications/"),  # "api" in the label: the harness asks for JSON
        ("api-decisions", "/api/enforcement/"),
    ]


def main() -> None:
    args = arguments(__doc__, add_arguments)
    setup_django()
    import catalog_scale
    import enforcement_scale

    enforcement_scale.load(args.rows)
    catalog_scale.load(args.items, args.publications)
    analyze()
    if args.targets:
        for label, path in targets():
            print(f"{label}={path}")


if __name__ == "__main__":
    main()
