"""The 政府信息公开 column (/xxgk/, /units/<unit>/xxgk/) and the 指南 page, as a visitor meets them."""

import re
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from catalog.tests.factories import published_catalog, published_publication
from conftest import make_unit
from lushan_portal import disclosure_index, pagecache
from lushan_portal.disclosure_index import CATEGORIES, RuleDocument
from organizations.models import UnitKind
from xxgk.services import guide_review, guide_save, guide_start, guide_submit
from xxgk.tests.factories import published_guide

pytestmark = pytest.mark.django_db

ENTRIES = ["政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报", "依申请公开"]
# The unit (or the county government and the openness office), its 指南, one count per app that
# contributes to the index (catalog, decisions; the policy library and enforcement add theirs;
# administration three: unit profiles under (二), power lists and service guides under (五)).
COLUMN_QUERIES = 13
GUIDE_QUERIES = 3  # the unit, its 指南's versions, the scope


@pytest.fixture(autouse=True)
def october_2025():
    with time_machine.travel("2025-10-20 10:00 +0800", tick=False):
        yield


@pytest.fixture
def county(db):
    return make_unit("county-gov", "鲁山县人民政府", UnitKind.COUNTY_GOVERNMENT)


@pytest.fixture
def township(db):
    return make_unit("xiatang", "鲁山县下汤镇人民政府", UnitKind.TOWNSHIP)


def headings(html: str) -> list[str]:
    return re.findall(r"<h2 id=\"[a-z]+-heading\">([^<]+)</h2>", html)


def entry_links(html: str) -> list[str]:
    nav = html.split('class="xxgk-entries"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<a href="#[a-z]+">([^<]+)</a>', nav)


@pytest.mark.parametrize("path", ["/xxgk/", "/units/civil-affairs/xxgk/"])
def test_the_five_entries_in_order_with_their_names(client, unit_a, county, path):
    html = client.get(path).content.decode()
    assert entry_links(html) == ENTRIES
    assert headings(html) == ENTRIES


def test_linked_from_the_main_navigation_and_every_unit_page(client, unit_a, township):
    home = client.get("/").content.decode()
    assert 'href="/xxgk/">政府信息公开</a>' in home
    for unit in (unit_a, township):
        assert f'href="/units/{unit.code}/xxgk/"' in client.get(f"/units/{unit.code}/").content.decode()


def test_an_unknown_unit_is_404(client):
    assert client.get("/units/nowhere/xxgk/").status_code == 404
    assert client.get("/units/nowhere/xxgk/zhinan/").status_code == 404


def test_the_index_shows_every_category_and_what_the_portal_holds(client, unit_a, reviewer_a, township):
    catalog = published_catalog(unit_a, reviewer_a)
    published_publication(catalog.items.first(), title="城乡低保对象名单", formed_on=date(2025, 10, 9))
    html = client.get("/units/civil-affairs/xxgk/").content.decode()
    department = [c for c in CATEGORIES if c.code != "21-township"]
    for category in department:
        assert str(category.title) in html, category.code
    assert "乡镇人民政府" not in html  # Art 21 as a county department
    link = reverse("catalog:unit_domain", args=["civil-affairs", "social-assistance"])
    assert html.count(f'<a href="{link}">社会救助领域标准目录及公开信息</a> （1 条）') == 2  # (十一) and Art 21
    assert "暂无财政预决算领域标准目录及公开信息，由财政预决算领域的县级牵头部门及各公开主体负责。" in html
    assert "暂无重大行政决策事项目录、公开征求意见及采纳情况，由各决策承办单位" in html
    assert "暂无本类信息" in html  # a category no app contributes to says so
    township_html = client.get("/units/xiatang/xxgk/").content.decode()
    assert "第二十一条（乡镇人民政府）" in township_html and "第二十一条（县级人民政府及其部门）" not in township_html


def test_each_registered_contribution_is_listed_under_its_category(client, unit_a):
    html = client.get("/xxgk/").content.decode()  # the county page shows Art 21 both ways
    rows = html.split('class="xxgk-index"', 1)[1].split("<tr>")[2:]
    by_category = {c.code: next(row for row in rows if f">{c.title}</th>" in row) for c in CATEGORIES}
    assert len(by_category) == len(CATEGORIES) == 17
    for contribution in disclosure_index.contributions():
        assert str(contribution.title) in by_category[contribution.category], contribution


def test_rules_none_published_say_who_owns_them_then_list_them(client, unit_a, monkeypatch):
    html = client.get("/units/civil-affairs/xxgk/").content.decode()
    assert "暂未发布政府信息公开制度，由鲁山县民政局负责。" in html
    documents = [
        RuleDocument("鲁山县民政局政府信息公开保密审查制度", "鲁民〔2024〕3号", date(2024, 3, 1), "/policies/1/"),
        RuleDocument("鲁山县民政局依申请公开办理规程", "", None, "/policies/2/"),
    ]
    monkeypatch.setattr(disclosure_index, "_rule_sources", [lambda unit_id: documents])
    pagecache.bump_all()  # the library's documents bump their own section when saved
    html = client.get("/units/civil-affairs/xxgk/").content.decode()
    assert "鲁民〔2024〕3号 · 2024-03-01" in html and "日期不详" in html


def test_the_guide_entry_and_the_application_entry(client, unit_a, reviewer_a):
    html = client.get("/units/civil-affairs/xxgk/").content.decode()
    assert "鲁山县民政局尚未在本平台发布政府信息公开指南，由鲁山县民政局负责编制。" in html
    assert 'href="/units/civil-affairs/ndbg/"' in html
    published_guide(unit_a, reviewer_a, application_notes="当面申请：县民政局一楼政务公开窗口。")
    html = client.get("/units/civil-affairs/xxgk/").content.decode()
    assert 'href="/units/civil-affairs/xxgk/zhinan/"' in html and "（第1版，2025-10-20 发布）" in html
    application = html.split('id="ysqgk"', 1)[1]
    for link in (reverse("disclosure_requests:apply"), reverse("disclosure_requests:status"), "zhinan/#apply"):
        assert link in application
    assert "县民政局一楼政务公开窗口" in application
    assert 'href="/xxgk/ndbg/"' in client.get("/xxgk/").content.decode()


def test_the_guide_page_generates_the_scope_and_shows_unknowns_as_pending(client, unit_a, reviewer_a):
    published_catalog(unit_a, reviewer_a)
    published_guide(unit_a, reviewer_a, fax="", postcode="")
    html = client.get("/units/civil-affairs/xxgk/zhinan/").content.decode()
    link = reverse("catalog:unit_domain", args=["civil-affairs", "social-assistance"])
    assert f'<a href="{link}">社会救助</a></th><td>3</td>' in html
    assert "<dt>传真</dt><dd>待补充</dd>" in html and "<dt>邮政编码</dt><dd>待补充</dd>" in html
    assert "<dd>0375-5050000</dd>" in html and "行政复议" in html
    assert reverse("disclosure_requests:apply") in html and reverse("disclosure_requests:status") in html


def test_old_versions_stay_readable(client, unit_a, editor_a, reviewer_a):
    published_guide(unit_a, reviewer_a)
    second = guide_start(unit=unit_a, by=editor_a)
    second.phone = "0375-5059999"
    guide_save(guide=second, by=editor_a)
    guide_review(guide=guide_submit(guide=second, by=editor_a), by=reviewer_a, approve=True)
    current = client.get("/units/civil-affairs/xxgk/zhinan/").content.decode()
    assert "0375-5059999" in current and 'href="?version=1"' in current
    old = client.get("/units/civil-affairs/xxgk/zhinan/?version=1").content.decode()
    assert "0375-5050000" in old and "已于 2025-10-20 被新版本替代" in old
    for bad in ("9", "x"):
        assert client.get(f"/units/civil-affairs/xxgk/zhinan/?version={bad}").status_code == 404


def test_a_draft_is_not_public(client, unit_a, editor_a):
    guide = guide_start(unit=unit_a, by=editor_a)
    guide.phone = "0375-5058888"
    guide_save(guide=guide, by=editor_a)
    html = client.get("/units/civil-affairs/xxgk/zhinan/").content.decode()
    assert "0375-5058888" not in html and "尚未在本平台发布" in html
    assert client.get(f"/units/civil-affairs/xxgk/zhinan/?version={guide.version}").status_code == 404


def test_the_county_column_shows_the_county_guide_and_every_units_records(client, county, unit_a, reviewer_a):
    catalog = published_catalog(unit_a, reviewer_a)
    published_publication(catalog.items.first(), title="城乡低保对象名单", formed_on=date(2025, 10, 9))
    html = client.get("/xxgk/").content.decode()
    assert "鲁山县人民政府尚未在本平台发布政府信息公开指南" in html
    assert f'<a href="{reverse("catalog:domain", args=["social-assistance"])}">社会救助领域' in html
    assert "第二十一条（乡镇人民政府）" in html and "第二十一条（县级人民政府及其部门）" in html
    guide = client.get("/xxgk/zhinan/").content.decode()
    assert "鲁山县人民政府政府信息公开指南" in guide


def test_pages_are_cached_and_a_published_guide_shows_on_the_next_visit(
    client, unit_a, editor_a, reviewer_a, django_assert_max_num_queries
):
    urls = ["/units/civil-affairs/xxgk/", "/units/civil-affairs/xxgk/zhinan/", "/xxgk/"]
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(0):
            assert client.get(url)["X-Page-Cache"] == "hit"
    published_guide(unit_a, reviewer_a)
    assert "0375-5050000" in client.get(urls[1]).content.decode()
    assert "（第1版，2025-10-20 发布）" in client.get(urls[0]).content.decode()


def test_query_counts_are_bounded(client, county, unit_a, unit_b, reviewer_a, township, django_assert_max_num_queries):
    published_catalog(unit_a, reviewer_a)
    published_guide(unit_a, reviewer_a)
    published_catalog(unit_a, reviewer_a, code="elderly-care")
    for url in ["/xxgk/", "/units/civil-affairs/xxgk/", "/units/xiatang/xxgk/"]:
        with django_assert_max_num_queries(COLUMN_QUERIES):
            assert client.get(url).status_code == 200
    for url in ["/xxgk/zhinan/", "/units/civil-affairs/xxgk/zhinan/", "/units/civil-affairs/xxgk/zhinan/?version=1"]:
        with django_assert_max_num_queries(GUIDE_QUERIES):
            assert client.get(url).status_code == 200


def test_listed_in_the_sitemaps(client, unit_a, reviewer_a):
    published_guide(unit_a, reviewer_a)
    xml = client.get("/sitemap.xml").content.decode()
    for path in ("/xxgk/</loc>", "/units/civil-affairs/xxgk/</loc>", "/units/civil-affairs/xxgk/zhinan/</loc>"):
        assert path in xml
    assert 'href="/xxgk/">政府信息公开</a>' in client.get("/sitemap/").content.decode()
