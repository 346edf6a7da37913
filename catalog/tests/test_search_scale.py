"""Search at scale: stored vectors (PostgreSQL), bounded ranking, constant queries, the rebuild command."""

from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.models import CatalogItem, Publication
from catalog.search import items_matching, publications_matching
from catalog.services import item_prepare, publication_prepare, publication_save
from catalog.tests.factories import published_catalog, published_publication
from conftest import need_service
from lushan_portal import text_search
from lushan_portal.search import RESULTS_PER_SECTION, query_terms, sections

pytestmark = pytest.mark.django_db


@pytest.fixture
def postgresql():
    """The stored vectors and their plans are PostgreSQL's: in CI a missing PostgreSQL fails."""
    need_service(connection.vendor == "postgresql", "PostgreSQL (DATABASE_URL) for stored search vectors")


@pytest.fixture
def approval(unit_a, lead_reviewer):
    return published_catalog(unit_a, lead_reviewer).items.get(level1="最低生活保障", level2="审批信息")


def search_page(client, word: str) -> str:
    return client.get(reverse("search"), {"q": word}).content.decode()


def test_search_follows_an_edit_and_forgets_the_old_words(client, approval):
    publication = published_publication(approval, title="危房改造补助名单", formed_on=date(2025, 10, 9))
    assert "危房改造补助名单" in search_page(client, "危房")
    publication.title = "农村住房安全补助名单"
    publication_save(publication=publication)
    assert "农村住房安全补助名单" in search_page(client, "住房")
    assert "补助名单" not in search_page(client, "危房")


def test_an_older_title_match_ranks_above_newer_body_matches(client, approval, monkeypatch):
    monkeypatch.setattr(text_search, "CANDIDATES", 3)  # fewer candidates than matches
    published_publication(approval, title="临时救助资金发放公示", formed_on=date(2025, 9, 1))
    for n in range(6):
        published_publication(
            approval, title=f"第{n}期民政简报", body="本期介绍临时救助工作。", formed_on=date(2025, 10, 1)
        )
    html = search_page(client, "救助")
    assert html.index("临时救助资金发放公示") < html.index("民政简报")
    assert "<mark>救助</mark>" in html


def test_search_queries_stay_constant_with_more_matches(client, approval):
    published_publication(approval, title="低保公示", formed_on=date(2025, 10, 1))

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("search"), {"q": "低保"}).status_code == 200
        return len(captured)

    queries()  # the search form's units are read once and kept while they do not change
    published_publication(approval, title="低保公示（一）", formed_on=date(2025, 10, 1))
    few = queries()  # each measure after a publication: the form's domains are read again
    for n in range(RESULTS_PER_SECTION + 5):
        published_publication(approval, title=f"低保公示{n}", formed_on=date(2025, 10, 1))
    assert queries() == few
    # One query per section (the bounded ranking is a subquery of it) and the filter form's
    # two lists of choices (domains, units): nothing per result.
    assert few <= len(sections()) + 2


def test_rebuild_command_restores_lost_documents_and_is_idempotent(client, approval):
    published_publication(approval, title="特困人员供养名单", formed_on=date(2025, 10, 9))
    Publication.objects.update(search_title="", search_body="")
    CatalogItem.objects.update(search_document="")
    assert "特困人员供养名单" not in search_page(client, "特困")
    assert "最低生活保障 › 审批信息" not in search_page(client, "低保")

    call_command("rebuild_search_documents", stdout=(first := _Output()))
    assert "catalog.publication: 1 条分词文档已更新" in first.text
    assert "catalog.catalogitem: 3 条分词文档已更新" in first.text
    assert "特困人员供养名单" in search_page(client, "特困")
    assert "最低生活保障 › 审批信息" in search_page(client, "低保")

    call_command("rebuild_search_documents", stdout=(second := _Output()))
    assert second.text.count("0 条分词文档已更新，0 条检索向量已补齐") == second.text.count("\n") > 0


def test_rebuild_command_fills_missing_vectors(postgresql, approval):
    publication = published_publication(approval, title="特困人员供养名单", formed_on=date(2025, 10, 9))
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")  # triggers off: a row written around them
        Publication.objects.update(search_vector=None)
        cursor.execute("SET session_replication_role = origin")
    assert not publications_matching(query_terms("特困"), {}).exists()
    call_command("rebuild_search_documents", "catalog.publication", stdout=(output := _Output()))
    assert "catalog.publication: 0 条分词文档已更新，1 条检索向量已补齐" in output.text
    assert list(publications_matching(query_terms("特困"), {})) == [publication]


class _Output:
    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        pass


# --- Query plans on PostgreSQL: the GIN indexes serve the match, no sequential scan --------

WORDS = ["招生", "预算", "养老", "就业", "补偿", "安置", "资助", "中标"]


@pytest.fixture
def many_rows(approval):
    """6,000 publications and 3,000 items; '危房' in one of each, the other words in 1/8."""
    catalog = approval.catalog
    items = []
    for n in range(3000):
        word = "危房" if n == 7 else WORDS[n % len(WORDS)]
        item = CatalogItem(catalog=catalog, position=10 + n, level1=f"{word}事项", level2=f"{word}信息{n}")
        item_prepare(item)
        items.append(item)
    CatalogItem.objects.bulk_create(items)
    publications = []
    for n in range(6000):
        word = "危房" if n == 7 else WORDS[n % len(WORDS)]
        publication = Publication(
            item=approval, title=f"{word}信息公示第{n}号", body=f"现将{word}情况公开如下。", formed_on=date(2025, 9, 1)
        )
        publication_prepare(publication)
        publication.status, publication.published_on = "published", date(2025, 9, 2)
        publications.append(publication)
    Publication.objects.bulk_create(publications)
    with connection.cursor() as cursor:
        # What autovacuum does in production (VACUUM cannot run in the test's transaction):
        # move fresh entries out of the GIN pending lists, and gather statistics.
        for index in ("publication_vector_gin", "catalogitem_vector_gin"):
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
        for table in ("catalog_publication", "catalog_catalogitem", "catalog_catalog", "organizations_unit"):
            cursor.execute(f"ANALYZE {table}")


def plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize("word", ["危房", "招生"])
def test_search_queries_never_scan_the_big_tables(postgresql, many_rows, word, monkeypatch):
    monkeypatch.setattr(text_search, "CANDIDATES", 20)  # in proportion to these small tables
    terms = query_terms(word)
    plans = {
        "site search, publications": plan(publications_matching(terms, {})[:RESULTS_PER_SECTION]),
        "site search, items": plan(items_matching(terms, {})[:RESULTS_PER_SECTION]),
    }
    if word == "危房":  # a rare word: every search finds it through the GIN indexes
        plans["API, publications"] = plan(publications_matching(terms, {}, bounded=False)[:RESULTS_PER_SECTION])
        plans["API, items"] = plan(items_matching(terms, {}, bounded=False)[:RESULTS_PER_SECTION])
    for label, text in plans.items():
        assert "Seq Scan on catalog_publication" not in text, f"{label}:\n{text}"
        assert "Seq Scan on catalog_catalogitem" not in text, f"{label}:\n{text}"
        assert "to_tsvector" not in text, f"{label}:\n{text}"
        if word == "危房":
            assert "_vector_gin" in text, f"{label}:\n{text}"
