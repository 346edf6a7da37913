"""Shared helpers for the benchmarks: arguments, Django set-up on PostgreSQL with production
settings, ANALYZE, timing and printing."""

import argparse
import csv
import io
import os
import secrets
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/lushan_bench"
ENVIRONMENT_HELP = f"""
environment:
  BENCH_DATABASE_URL  the benchmark's own database (default {DEFAULT_DATABASE_URL}); created and migrated if missing
  REDIS_URL           the cache, as in production (default: the in-process cache)
  FIELD_ENCRYPTION_KEY  the key the benchmark database was created with (default: the development key)
  PAGE_CACHE_SECONDS  default 0 here: every request renders the page (a cache miss); set it to
                      time repeat views served from the page cache instead

The benchmarks run with the production profile (PORTAL_ENV=production, DEBUG off; a random
SECRET_KEY for the run; no HTTPS redirect, since the test client speaks plain HTTP). The API's
limits per client are raised: the test client is one client asking many times.
"""


def arguments(doc: str, add: Callable[[argparse.ArgumentParser], None] | None = None) -> argparse.Namespace:
    """Parse the command line before anything touches a database: ``--help`` only prints."""
    parser = argparse.ArgumentParser(
        description=doc, epilog=ENVIRONMENT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    if add is not None:
        add(parser)
    return parser.parse_args()


def production_environment() -> None:
    """Production settings for an in-process run (the values a deployment gets from its environment)."""
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    os.environ["PORTAL_ENV"] = "production"
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    os.environ["SECURE_SSL_REDIRECT"] = "false"
    # A figure is the work of rendering the page: a page served from the cache would time Redis.
    os.environ.setdefault("PAGE_CACHE_SECONDS", "0")
    os.environ.setdefault("API_THROTTLE_ANON", "1000000/minute")
    os.environ.setdefault("API_THROTTLE_USER", "1000000/minute")
    if not os.environ.get("FIELD_ENCRYPTION_KEY"):
        sys.path.insert(0, str(ROOT))
        from lushan_portal.crypto_keys import development_key

        # The key a development-profile migrate used: the benchmark database is not real data.
        os.environ["FIELD_ENCRYPTION_KEY"] = development_key("development-only-key-never-used-in-production")


def setup_django() -> None:
    """Point Django at the benchmark database (its own, never the portal's) and migrate it."""
    sys.path.insert(0, str(ROOT))
    production_environment()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lushan_portal.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise SystemExit("The benchmarks run on PostgreSQL: set BENCH_DATABASE_URL=postgres://...")
    _create_database()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # production serves the hashed names
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    database = settings.DATABASES["default"]["NAME"]
    print(f"settings: PORTAL_ENV=production DEBUG={settings.DEBUG} cache={cache} database={database}")


def _create_database() -> None:
    from django.db import connection

    name = connection.settings_dict["NAME"]
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')


def analyze() -> None:
    """ANALYZE the whole database after loading: autovacuum may not have run yet on a fresh
    machine (production runs it), and the planner needs the statistics."""
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"ANALYZE in {time.perf_counter() - started:.1f} s")


def timings(action: Callable[[], object], repeat: int, warmup: int = 2) -> list[float]:
    for _ in range(warmup):
        action()
    result = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        result.append((time.perf_counter() - start) * 1000)
    return result


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[max(0, round(len(ordered) * 0.95) - 1)]
    return f"median {statistics.median(ordered):8.2f} ms   p95 {p95:8.2f} ms   (n={len(ordered)})"


def count_queries(action: Callable[[], object]) -> int:
    from django.db import connection

    queries = []

    def counting(execute, sql, params, many, context):  # Django's execute_wrapper signature
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counting):
        action()
    return len(queries)


def report(label: str, action: Callable[[], object], repeat: int, width: int = 34) -> None:
    """One figure: median and p95 over ``repeat`` runs, and the queries of one run."""
    queries = count_queries(action)
    print(f"{label:{width}s} {summary(timings(action, repeat=repeat))}   {queries} queries", flush=True)


def copy_rows(table: str, columns: list[str], rows: list[list[object]]) -> None:
    """Bulk-load ``rows`` into ``table`` with PostgreSQL's COPY (None as \\N)."""
    from django.db import connection

    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    buffer.seek(0)
    with connection.cursor() as cursor:
        sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"
        cursor.cursor.copy_expert(sql, buffer)
