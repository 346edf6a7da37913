"""Enforcement publicity at scale: 1,000,000 decisions on PostgreSQL.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lushan_bench \
        .venv/bin/python benchmarks/enforcement_scale.py [--rows 1000000]

Prints the daily scan next to the same selection as one raw SQL query (and their ratio),
then the public search page, the API list and a decision page: median and 95th percentile
over repeated requests through the Django test client, with their query counts.
"""

import csv
import io
import random
import time
from datetime import timedelta
from statistics import median

from harness import analyze, arguments, count_queries, report, setup_django, summary, timings

UNPUBLISHED_SHARE = 0.002  # open decisions: the rows the scan looks for


def load(rows: int) -> None:
    from django.db import connection
    from django.utils import timezone

    from enforcement.demo import credit_code
    from enforcement.models import Decision
    from enforcement.rules import default_publicity_until, publication_due
    from lushan_portal.text_search import bigram_document
    from organizations.models import Unit
    from organizations.seed import seed_units

    if Decision.objects.count() >= rows:
        print(f"{rows:,} decisions already loaded")
        return
    seed_units()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE enforcement_decision, compliance_alert RESTART IDENTITY CASCADE")
    units = list(Unit.objects.values_list("id", "name"))
    today = timezone.localdate()
    first_day = today - timedelta(days=4 * 365)
    days = [first_day + timedelta(days=offset) for offset in range((today - first_day).days)]
    due = {day: publication_due(day) for day in days}
    codes = [credit_code(f"91410423MA{n:07d}") for n in range(5000)]
    fields = [
        f for f in Decision._meta.concrete_fields if f.name != "id" and not f.null
    ]  # every NOT NULL column gets a value
    columns = [f.column for f in fields]
    rng = random.Random(2026)
    now = timezone.now().isoformat()
    started = time.perf_counter()
    batch = 100_000
    for start in range(0, rows, batch):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for n in range(start, min(start + batch, rows)):
            unit_id, unit_name = units[n % len(units)]
            decided = days[rng.randrange(len(days))]
            natural = n % 7 == 0
            unpublished = rng.random() < UNPUBLISHED_SHARE
            values = {
                "unit": unit_id,
                "kind": "penalty" if n % 3 else "licence",
                "decision_number": f"鲁基准〔{decided.year}〕{n}号",
                "decision_date": decided.isoformat(),
                "party_name": f"张{n % 997}" if natural else f"鲁山县第{n % 50000}号商贸有限公司",
                "party_category": "natural_person" if natural else "legal_person",
                "credit_code": "" if natural else codes[n % len(codes)],
                "party_is_minor": "f",
                "penalty_categories": "罚款" if n % 3 else "",
                "licence_category": "" if n % 3 else "ordinary",
                "licence_valid": "t",
                "authority_name": unit_name,
                "publicity_until": default_publicity_until(decided, natural_person=natural).isoformat(),
                "status": "draft" if unpublished else "published",
                "publication_due": due[decided].isoformat(),
                "created_at": now,
            }
            values["search_document"] = bigram_document(
                "" if natural else values["party_name"], values["decision_number"], values["credit_code"]
            )
            writer.writerow([values.get(f.name, "") for f in fields])
        buffer.seek(0)
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(
                f"COPY enforcement_decision ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv, NULL '\\N')", buffer
            )
    # first_published_at for published rows, in one statement.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE enforcement_decision SET published_on_time = true,"
            " first_published_at = (publication_due - 2)::timestamp AT TIME ZONE 'Asia/Shanghai'"
            " WHERE status = 'published'"
        )
        cursor.execute("VACUUM ANALYZE enforcement_decision")
    print(f"loaded {rows:,} decisions in {time.perf_counter() - started:.1f} s")


# The same work as the scan (resolve cleared alerts, then find overdue rows not yet alerted),
# hand-written: what the ORM scan is measured against.
RAW_RESOLVE = """
    UPDATE compliance_alert SET resolved_at = now()
    WHERE rule_code = %s AND content_type_id = %s AND resolved_at IS NULL AND object_id NOT IN (
        SELECT id FROM enforcement_decision
        WHERE first_published_at IS NULL AND NOT party_is_minor AND publication_due < %s)
"""
RAW_NEW = """
    SELECT id, unit_id, publication_due FROM enforcement_decision
    WHERE first_published_at IS NULL AND NOT party_is_minor AND publication_due < %s AND id NOT IN (
        SELECT object_id FROM compliance_alert WHERE rule_code = %s AND content_type_id = %s AND resolved_at IS NULL)
"""
RAW_OVERDUE = """
    SELECT id, unit_id, publication_due FROM enforcement_decision
    WHERE first_published_at IS NULL AND NOT party_is_minor AND publication_due < %s
"""


def bench_scan() -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone

    from compliance.models import Alert
    from compliance.registry import rule
    from compliance.scans import deadline_rule_scan
    from enforcement.deadlines import PUBLICATION_OVERDUE
    from enforcement.models import Decision

    today = timezone.localdate()
    overdue_rule = rule(PUBLICATION_OVERDUE)

    content_type = ContentType.objects.get_for_model(Decision).pk

    def raw() -> None:
        with connection.cursor() as cursor:
            cursor.execute(RAW_OVERDUE, [today])
            cursor.fetchall()

    def raw_same_work() -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(RAW_RESOLVE, [PUBLICATION_OVERDUE, content_type, today])
            cursor.execute(RAW_NEW, [today, PUBLICATION_OVERDUE, content_type])
            cursor.fetchall()

    Alert.objects.all().delete()
    first_queries = count_queries(lambda: deadline_rule_scan(rule=overdue_rule, today=today))
    raised = Alert.objects.filter(rule_code=PUBLICATION_OVERDUE).count()
    Alert.objects.all().delete()
    first_run = timings(lambda: deadline_rule_scan(rule=overdue_rule, today=today), repeat=1, warmup=0)
    steady = timings(lambda: deadline_rule_scan(rule=overdue_rule, today=today), repeat=20)
    raw_times = timings(raw, repeat=20)
    raw_work_times = timings(raw_same_work, repeat=20)
    queries = count_queries(lambda: deadline_rule_scan(rule=overdue_rule, today=today))
    raw_queries = count_queries(raw_same_work)
    print(f"\nscan, first run (raises {raised:,} alerts, {first_queries} queries): {first_run[0]:.2f} ms")
    print(f"scan, steady state:                {summary(steady)}   {queries} queries")
    print(f"raw SQL, the overdue selection:    {summary(raw_times)}   1 query")
    print(f"raw SQL, the scan's same work:     {summary(raw_work_times)}   {raw_queries} queries")
    print(f"ratio scan / raw selection (medians): {median(steady) / median(raw_times):.2f}x")
    print(f"ratio scan / raw same work (medians): {median(steady) / median(raw_work_times):.2f}x")


def bench_pages() -> None:
    from django.test import Client
    from django.utils import timezone

    from enforcement.models import Decision

    client = Client()
    some = Decision.objects.filter(status="published").exclude(party_category="natural_person").order_by("-id").first()
    pages = {
        "search page, no filter": ("/enforcement/", {}),
        "search page, by credit code": ("/enforcement/", {"q": some.credit_code}),
        "search page, by decision number": ("/enforcement/", {"q": some.decision_number}),
        "search page, by party name": ("/enforcement/", {"q": "第4242号商贸"}),
        "search page, 2 characters": ("/enforcement/", {"q": "商贸"}),
        "site search, 2 characters": ("/search/", {"q": "鑫源"}),
        "search page, unit + date range": (
            "/enforcement/",
            {"unit": some.unit.code, "date_from": (timezone.localdate() - timedelta(days=90)).isoformat()},
        ),
        "search page, page 50": ("/enforcement/", {"page": "50"}),
        "API list": ("/api/enforcement/", {}),
        "API list, licence category": ("/api/enforcement/", {"licence_category": "ordinary"}),
        "decision page": (some.get_absolute_url(), {}),
    }
    print()
    for label, (url, params) in pages.items():
        response = client.get(url, params)
        assert response.status_code == 200, (label, response.status_code)
        report(label, lambda url=url, params=params: client.get(url, params), repeat=30)


def main() -> None:
    args = arguments(__doc__, lambda parser: parser.add_argument("--rows", type=int, default=1_000_000))
    setup_django()
    load(args.rows)
    analyze()
    bench_scan()
    bench_pages()


if __name__ == "__main__":
    main()
