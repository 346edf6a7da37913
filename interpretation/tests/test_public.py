from datetime import date

import pytest
from django.urls import reverse

from interpretation.models import Interpretation, PolicyDocument
from interpretation.services import document_save, record_withdraw
from interpretation.tests.factories import published_document, published_interpretation

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(unit_a, unit_b):
    first = published_document(unit_a)
    published_interpretation(first, published_on=date(2025, 9, 26))
    second = published_document(
        unit_b,
        title="鲁山县义务教育招生方案",
        number="鲁教〔2025〕3号",
        kind="other",
        published_on=date(2024, 6, 3),
        body="第一条 学区划分……",
    )
    return first, second


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"鲁民〔2025〕1号", "鲁教〔2025〕3号"}),
        ({"unit": "civil-affairs"}, {"鲁民〔2025〕1号"}),
        ({"year": "2024"}, {"鲁教〔2025〕3号"}),
        ({"kind": "normative"}, {"鲁民〔2025〕1号"}),
        ({"q": "招生"}, {"鲁教〔2025〕3号"}),
        ({"q": "低保"}, {"鲁民〔2025〕1号"}),
    ],
)
def test_document_list_filters(client, documents, params, expected):
    html = client.get(reverse("interpretation:documents"), params).content.decode()
    assert {n for n in ["鲁民〔2025〕1号", "鲁教〔2025〕3号"] if n in html} == expected


def test_document_and_interpretation_link_to_each_other(client, documents):
    document = documents[0]
    interpretation = document.interpretations.get()
    page = client.get(document.get_absolute_url()).content.decode()
    assert interpretation.get_absolute_url() in page and "同步发布" in page
    back = client.get(interpretation.get_absolute_url()).content.decode()
    assert document.get_absolute_url() in back


def test_drafts_and_withdrawn_records_are_not_public(client, unit_a, documents):
    draft = document_save(
        document=PolicyDocument(
            unit=unit_a,
            kind="normative",
            title="草稿文件",
            body="x",
            signed_on=date(2025, 10, 1),
            disclosure="proactive",
        )
    )
    assert client.get(draft.get_absolute_url()).status_code == 404
    interpretation = documents[0].interpretations.get()
    record_withdraw(record=interpretation, reason="内容有误")
    assert client.get(interpretation.get_absolute_url()).status_code == 404
    assert "缺少解读" in client.get(documents[0].get_absolute_url()).content.decode()


def test_api_and_feeds(client, documents):
    body = client.get("/api/policies/", {"unit": "civil-affairs"}).json()
    assert [row["number"] for row in body["results"]] == ["鲁民〔2025〕1号"]
    assert body["results"][0]["sync_status"] == "synchronised"
    interpretations = client.get("/api/interpretations/", {"form": "text", "year": "2025"}).json()
    assert len(interpretations["results"]) == 1
    assert "鲁山县最低生活保障审核确认办法" in client.get("/feeds/policies/").content.decode()
    assert "解读text" in client.get("/feeds/interpretations/rss/").content.decode()


@pytest.mark.parametrize("count", [2, 20])
def test_list_pages_stay_constant_in_queries(client, unit_a, count, django_assert_max_num_queries):
    for n in range(count):
        document = published_document(unit_a, number=f"鲁民〔2025〕{n + 10}号")
        published_interpretation(document, published_on=date(2025, 9, 26), form="qa")
    with django_assert_max_num_queries(2):
        client.get(reverse("interpretation:documents"))
    with django_assert_max_num_queries(3):
        client.get("/api/policies/")
    with django_assert_max_num_queries(5):
        client.get("/api/interpretations/")
    with django_assert_max_num_queries(2):
        client.get("/feeds/interpretations/")
    # The unit page gathers every app's sections: +3 for the unit profile panel (administration: the
    # profile, the reform history, whether a power list exists).
    with django_assert_max_num_queries(9):
        client.get(reverse("organizations:unit_detail", args=[unit_a.code]))


def test_admin_scoping_and_refusals(client, editor_a, editor_b, unit_a, documents):
    document = documents[0]
    interpretation = document.interpretations.get()
    client.force_login(editor_b)
    for name, obj in [("policydocument", document), ("interpretation", interpretation)]:
        assert client.get(reverse(f"admin:interpretation_{name}_change", args=[obj.pk])).status_code == 404
        assert client.get(reverse(f"admin:interpretation_{name}_withdraw", args=[obj.pk])).status_code == 404
    response = client.post(
        reverse("admin:interpretation_interpretation_add"),
        {"document": document.pk, "form": "text", "title": "越权解读", "images-TOTAL_FORMS": "0",
         "images-INITIAL_FORMS": "0", "steps-TOTAL_FORMS": "0", "steps-INITIAL_FORMS": "0",
         "questions-TOTAL_FORMS": "0", "questions-INITIAL_FORMS": "0"},
    )  # fmt: skip
    assert response.status_code == 200 and not Interpretation.objects.filter(title="越权解读").exists()
    client.force_login(editor_a)
    assert client.post(reverse("admin:interpretation_policydocument_delete", args=[document.pk])).status_code == 403
    withdraw = reverse("admin:interpretation_policydocument_withdraw", args=[document.pk])
    assert "该字段是必填项" in client.post(withdraw, {"reason": ""}).content.decode()
    client.post(withdraw, {"reason": "文件已废止"})
    document.refresh_from_db()
    assert document.status == "withdrawn" and document.withdrawal_reason == "文件已废止"


def test_admin_refuses_an_interpretation_without_the_first_interpreter(client, editor_a, unit_a):
    document = published_document(unit_a, number="鲁民〔2025〕9号", executive_meeting=True, concerns_public=True)
    client.force_login(editor_a)
    response = client.post(
        reverse("admin:interpretation_interpretation_add"),
        {"document": document.pk, "unit": unit_a.pk, "form": "text", "title": "解读", "signed_with_document": "True",
         "images-TOTAL_FORMS": "0", "images-INITIAL_FORMS": "0", "steps-TOTAL_FORMS": "0",
         "steps-INITIAL_FORMS": "0", "questions-TOTAL_FORMS": "0", "questions-INITIAL_FORMS": "0"},
    )  # fmt: skip
    assert "不符合“第一解读人”要求" in response.content.decode()
    assert not Interpretation.objects.exists()
