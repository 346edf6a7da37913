"""The hot lists read an index, never the whole table (issue 14: home sorted 1 M decisions).

A few thousand rows per table and ANALYZE are enough for PostgreSQL's planner to prefer a
matching index for a first page; without one it plans a sequential scan and a sort, which is
what these tests catch. Two views: each selector's named index (``queryset.explain()``), and
every query a page runs, EXPLAINed as it was sent. PostgreSQL only; CI without it fails.
"""

import re
from datetime import date, timedelta

import pytest
import time_machine
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.models import Domain, Publication
from catalog.selectors import newest_publications
from catalog.tests.factories import default_items, published_catalog, published_publication
from conftest import need_service
from decisions.models import MajorDecision
from decisions.selectors import open_consultations
from decisions.tests.factories import consultation
from enforcement.models import Decision
from enforcement.selectors import decision_search, newest_decisions
from enforcement.tests.factories import make_decision
from interpretation.models import Interpretation
from interpretation.selectors import newest_interpretations
from interpretation.tests.factories import published_document, published_interpretation
from organizations.models import Role, Unit
from organizations.seed import seed_units
from organizations.services import membership_grant

pytestmark = pytest.mark.django_db

ROWS = 3000
TODAY = date(2025, 10, 20)
# Tables loaded with thousands of rows here: the home page's lists must read their indexes.
COUNTY_TABLES = {
    "enforcement_decision",
    "catalog_publication",
    "interpretation_interpretation",
    "interpretation_policydocument",
    "decisions_majordecision",
}
# The tables that reach 100,000s and millions of rows: no query of a hot page may scan them.
# (Policies, interpretations and consultations stay in the thousands: their API lists keep
# page numbers and a COUNT.)
LARGE_TABLES = {"enforcement_decision", "catalog_publication"}
SEQ_SCAN = re.compile(r"Seq Scan on (\w+)")


@pytest.fixture(autouse=True)
def october_2025():
    with time_machine.travel("2025-10-20 10:00 +0800", tick=False):
        yield


def clone(instance, count: int, vary) -> None:
    """``count`` copies of a saved record, each changed by ``vary(copy, n)``: thousands of rows in one INSERT."""
    model = type(instance)
    values = {field.attname: getattr(instance, field.attname) for field in model._meta.concrete_fields}
    copies = []
    for n in range(count):
        copy = model(**{**values, model._meta.pk.attname: None})
        vary(copy, n)
        copies.append(copy)
    model.objects.bulk_create(copies, batch_size=1000)


@pytest.fixture
def lead_reviewer(django_user_model, unit_a):
    """A reviewer of 县民政局 (unit_a), the lead department of 社会救助."""
    from catalog.seed import seed_domains

    seed_domains()
    user = django_user_model.objects.create_user("lead-reviewer")
    membership_grant(user=user, unit=unit_a, role=Role.REVIEWER)
    return user


@pytest.fixture
def county_scale(unit_a, lead_reviewer):
    """Thousands of decisions, publications, interpretations and consultations, analysed."""
    need_service(connection.vendor == "postgresql", "PostgreSQL (DATABASE_URL) for query plans")
    seed_units()
    units = list(Unit.objects.values_list("pk", flat=True))
    domains = list(Domain.objects.values_list("pk", flat=True))
    start = timezone.now() - timedelta(days=ROWS)

    def decision(copy: Decision, n: int) -> None:
        copy.decision_number = f"鲁规模罚〔2025〕{n}号"
        copy.unit_id = units[n % len(units)]
        copy.decision_date = TODAY - timedelta(days=n % 1500)
        copy.first_published_at = start + timedelta(days=n)
        copy.status = "published" if n % 50 else "draft"
        copy.first_published_at = None if copy.status == "draft" else copy.first_published_at

    clone(make_decision(unit_a, publish=True), ROWS, decision)

    catalog = published_catalog(unit_a, lead_reviewer, items=default_items())
    item = catalog.items.first()
    publication = published_publication(item, title="低保对象名单", formed_on=TODAY)

    def publication_copy(copy: Publication, n: int) -> None:
        copy.title = f"第{n}批低保对象名单"
        copy.unit_id, copy.domain_id = units[n % len(units)], domains[n % len(domains)]
        copy.published_on = TODAY - timedelta(days=n % 2000)
        copy.status = "published" if n % 50 else "draft"

    clone(publication, ROWS, publication_copy)

    document = published_document(unit_a)

    def document_copy(copy, n: int) -> None:
        copy.number = f"鲁民〔2025〕{n + 2}号"
        copy.validity = "repealed" if n % 20 == 0 else "in_force"  # the library's states

    clone(document, ROWS // 10, document_copy)
    documents = list(type(document).objects.values_list("pk", flat=True))

    def interpretation(copy: Interpretation, n: int) -> None:
        copy.title = f"解读{n}"
        copy.document_id = documents[n % len(documents)]
        copy.published_on = None if n % 97 == 0 else TODAY - timedelta(days=n % 2000)

    clone(published_interpretation(document, published_on=TODAY), ROWS, interpretation)

    def consultation_copy(copy: MajorDecision, n: int) -> None:
        copy.title = f"事项{n}"
        copy.opens_on = TODAY - timedelta(days=40 + n)
        copy.closes_on = TODAY - timedelta(days=10 + n)  # all closed but the original

    clone(
        consultation(unit_a, opens_on=TODAY - timedelta(days=5), closes_on=TODAY + timedelta(days=25)),
        ROWS,
        consultation_copy,
    )

    with connection.cursor() as cursor:
        for table in sorted(COUNTY_TABLES):
            cursor.execute(f"ANALYZE {table}")


def plan_of(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def scans(plan: str, tables: set[str]) -> set[str]:
    return {table for table in SEQ_SCAN.findall(plan) if table in tables}


HOT_LISTS = [
    ("home: newest decisions", lambda: newest_decisions(5), "decision_newest_idx"),
    ("home: newest publications", lambda: newest_publications(8), "publication_public_idx"),
    ("home: newest interpretations", lambda: newest_interpretations(5), "interp_public_idx"),
    ("home: open consultations", lambda: open_consultations()[:5], "decision_window_idx"),
    ("enforcement list, first page", lambda: decision_search(QueryDict()).qs[:21], "decision_public_idx"),
    ("enforcement list by kind", lambda: decision_search(QueryDict("kind=penalty")).qs[:21], "decision_kind_date_idx"),
]


def repealed_documents():
    from interpretation.filters import DocumentFilter
    from interpretation.selectors import newest_first, public_documents

    return DocumentFilter(QueryDict("validity=repealed"), queryset=newest_first(public_documents())).qs


HOT_PAGES = [
    "/",
    "/enforcement/",
    "/enforcement/?kind=licence",
    "/enforcement/?unit=civil-affairs",
    "/api/enforcement/",
    "/api/enforcement/?kind=penalty",
    "/api/publications/",
    "/api/publications/?domain=social-assistance",
    "/api/publications/?unit=civil-affairs",
]


def test_each_hot_list_reads_its_index(county_scale):
    # One loaded county for every list (loading is the slow part); each failure names its list.
    for label, queryset, index in HOT_LISTS:
        plan = queryset().explain()
        assert index in plan, f"{label} does not use {index}:\n{plan}"
        assert not scans(plan, COUNTY_TABLES), f"{label} scans a table:\n{plan}"


def test_the_policy_list_by_validity_reads_its_index(county_scale):
    """The documents' side; the list's interpretation figures are an aggregate over a small table."""
    plan = repealed_documents()[:21].explain()
    assert "policy_validity_idx" in plan, plan
    assert "interpretation_policydocument" not in scans(plan, COUNTY_TABLES), plan


def test_no_hot_page_scans_a_large_table(client, county_scale):
    for url in HOT_PAGES:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200, url
        selects = [query["sql"] for query in captured.captured_queries if query["sql"].startswith("SELECT")]
        assert selects, url
        for sql in selects:
            plan = plan_of(sql)
            assert not scans(plan, LARGE_TABLES), f"{url} scans a large table:\n{sql}\n{plan}"
