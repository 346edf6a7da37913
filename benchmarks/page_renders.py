"""The public pages rendered in process on a page-cache miss, at county scale, on PostgreSQL.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lushan_bench REDIS_URL=redis://127.0.0.1:6379/8 \\
        .venv/bin/python benchmarks/page_renders.py [--repeat 200] [PATH ...]

Uses the database the other benchmarks load (benchmarks/load_data.py: 1,000,000 decisions,
100,000 publications, 10,000 items). Each page is requested with Django's test client and the
production settings, the page cache off (PAGE_CACHE_SECONDS=0: every request renders the page;
what pages keep per process under the section versions, pagecache.versioned, stays on, as in
production). Prints median and p95 over --repeat requests and the queries of one request. Set
REDIS_URL as in production: without it the in-process cache stands in for Redis.
"""

from harness import arguments, report, setup_django

PAGES = [
    "/",
    "/units/county-gov/",
    "/catalog/social-assistance/",
    "/enforcement/",
    "/enforcement/?q=%E8%AE%B8%E5%8F%AF",
    "/search/?q=%E4%BD%8E%E4%BF%9D",
]


def add_arguments(parser) -> None:
    parser.add_argument("--repeat", type=int, default=200, help="requests per page (default 200)")
    parser.add_argument(
        "paths",
        nargs="*",
        help="pages to render (default: home, a unit, a domain, the enforcement list and search, site search)",
    )


def main() -> None:
    options = arguments(__doc__, add_arguments)
    setup_django()
    from django.test import Client

    client = Client()
    for path in options.paths or PAGES:
        status = client.get(path).status_code
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
        report(path, lambda path=path: client.get(path), repeat=options.repeat, width=40)


if __name__ == "__main__":
    main()
