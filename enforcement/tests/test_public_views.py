"""The public search, the decision page, CSV, API and feeds."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from enforcement.demo import credit_code
from enforcement.models import LicenceCategory
from enforcement.tests.factories import make_decision

pytestmark = pytest.mark.django_db

OTHER_CODE = credit_code("91410423MA47C1357")


def listed(client, **params: str) -> str:
    return client.get(reverse("enforcement:list"), params).content.decode()


@pytest.fixture
def decisions(unit_a, unit_b):
    return {
        "fine": make_decision(unit_a, publish=True, decision_number="甲罚1号", decision_date=date(2025, 9, 1)),
        "warning": make_decision(
            unit_b,
            publish=True,
            decision_number="乙罚2号",
            party_name="鲁山县另一家公司",
            credit_code=OTHER_CODE,
            penalty_categories="警告",
            decision_date=date(2025, 10, 9),
        ),
        "licence": make_decision(
            unit_b,
            publish=True,
            kind="licence",
            decision_number="乙许3号",
            penalty_categories="",
            licence_category=LicenceCategory.SPECIAL,
            licence_content="烟草专卖零售",
            decision_date=date(2025, 10, 10),
        ),
        "draft": make_decision(unit_a, decision_number="甲罚草稿"),
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"甲罚1号", "乙罚2号", "乙许3号"}),
        ({"q": OTHER_CODE}, {"乙罚2号"}),
        ({"q": OTHER_CODE.lower()}, {"乙罚2号"}),
        ({"q": "甲罚"}, {"甲罚1号"}),
        ({"q": "另一家"}, {"乙罚2号"}),
        ({"unit": "civil-affairs"}, {"甲罚1号"}),
        ({"kind": "licence"}, {"乙许3号"}),
        ({"penalty_category": "warning"}, {"乙罚2号"}),
        ({"licence_category": "special"}, {"乙许3号"}),
        ({"date_from": "2025-10-01", "date_to": "2025-10-09"}, {"乙罚2号"}),
    ],
)
def test_search_filters(client, decisions, params, expected):
    html = listed(client, **params)
    numbers = {"甲罚1号", "乙罚2号", "乙许3号", "甲罚草稿"}
    assert {n for n in numbers if n in html} == expected


def test_bad_filter_values_get_a_message_not_a_500(client, decisions):
    page = client.get(reverse("enforcement:list"), {"date_from": "昨天", "kind": "xx", "page": "abc"})
    assert page.status_code == 200
    assert "输入一个有效的日期" in page.content.decode()
    export = client.get(reverse("enforcement:export"), {"date_from": "昨天"})
    assert export.status_code == 400 and "查询条件有误" in export.content.decode()


def test_decision_page_shows_fields_and_how_the_due_date_was_counted(client, unit_a):
    decision = make_decision(unit_a, publish=True, decision_date=date(2025, 9, 26))
    html = client.get(decision.get_absolute_url()).content.decode()
    for text in [
        "行政相对人名称",
        "罚款金额（万元）",
        "2025-10-13",
        "10月1日（国庆节）",
        "10月11日（国庆节）",
        "逾期公开",
    ]:
        assert text in html, text


def test_csv_is_the_current_search_with_national_headers(client, decisions):
    response = client.get(reverse("enforcement:export"), {"kind": "penalty"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["类型", "行政相对人名称", "行政相对人类别"]
    assert sorted(row[rows[0].index("决定文书号")] for row in rows[1:]) == ["乙罚2号", "甲罚1号"]


def test_api_lists_with_filters_and_without_drafts(client, decisions):
    body = client.get("/api/enforcement/", {"kind": "penalty"}).json()
    assert {row["decision_number"] for row in body["results"]} == {"甲罚1号", "乙罚2号"}
    row = next(r for r in body["results"] if r["decision_number"] == "甲罚1号")
    assert row["unit"] == "civil-affairs" and row["fine_amount"] == "0.1" and row["publication_due"] == "2025-09-10"
    assert client.get(f"/api/enforcement/{decisions['draft'].pk}/").status_code == 404


def test_api_is_read_only(client, editor_a, decisions):
    client.force_login(editor_a)
    assert client.delete(f"/api/enforcement/{decisions['fine'].pk}/").status_code == 405


def test_feeds_list_new_decisions(client, decisions):
    atom = client.get("/feeds/enforcement/")
    rss = client.get("/feeds/enforcement/rss/")
    assert atom["Content-Type"].startswith("application/atom+xml") and "乙许3号" in atom.content.decode()
    assert rss["Content-Type"].startswith("application/rss+xml") and "甲罚1号" in rss.content.decode()
    assert "甲罚草稿" not in atom.content.decode()


@pytest.mark.parametrize("count", [3, 30])
def test_pages_stay_constant_in_queries(client, unit_a, count, django_assert_max_num_queries):
    decisions = [make_decision(unit_a, publish=True) for _ in range(count)]
    with django_assert_max_num_queries(3):
        client.get(reverse("enforcement:list"))
    with django_assert_max_num_queries(3):
        client.get(reverse("enforcement:list"), {"q": "鲁测罚", "unit": "civil-affairs"})
    with django_assert_max_num_queries(3):
        b"".join(client.get(reverse("enforcement:export")).streaming_content)
    with django_assert_max_num_queries(2):
        client.get("/api/enforcement/")
    with django_assert_max_num_queries(2):
        client.get("/feeds/enforcement/")
    with django_assert_max_num_queries(2):
        client.get(decisions[0].get_absolute_url())


def test_pages_of_twenty_without_counting(client, unit_a, unit_b):
    for _ in range(23):
        make_decision(unit_a, publish=True)
    for _ in range(2):
        make_decision(unit_b, publish=True)
    first = listed(client)
    assert "下一页" in first and "上一页" not in first
    assert "第 1–20 条，后面还有" in first and "共 " not in first  # no total before the last page
    second = listed(client, page="2")
    assert "上一页" in second and "下一页" not in second
    assert second.count("<tr>") == 1 + 5
    assert "共 25 条，本页为第 21–25 条" in second  # the last page knows the total without counting
    assert "共 2 条</p>" in listed(client, unit=unit_b.code)  # one page: its rows are the total
