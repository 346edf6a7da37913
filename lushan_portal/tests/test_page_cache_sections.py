"""The pages that gather across sections (home, search, feeds, sitemap) read every section's version:
a change in any of them shows at once."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from enforcement.services import decision_withdraw
from enforcement.tests.factories import make_decision
from interpretation.tests.factories import published_document, published_interpretation

pytestmark = pytest.mark.django_db

NUMBER = "鲁测罚〔2025〕777号"


@pytest.fixture(autouse=True)
def october_2025():
    with time_machine.travel("2025-10-20 10:00 +0800", tick=False):
        yield


def test_home_search_feeds_and_sitemap_follow_a_publish_and_a_withdrawal(client, unit_a, django_assert_max_num_queries):
    urls = ["/", reverse("search") + "?q=测试商贸", "/feeds/enforcement/", "/sitemap.xml"]
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(0):
            assert client.get(url)["X-Page-Cache"] == "hit", url

    decision = make_decision(unit_a, publish=True, decision_number=NUMBER)
    link = f"/enforcement/{decision.pk}/"
    for url in urls:
        assert link in client.get(url).content.decode(), url

    decision_withdraw(decision=decision, reason="决定已被撤销。")
    for url in urls:
        assert link not in client.get(url).content.decode(), url


def test_the_home_page_shows_a_new_interpretation_at_once(client, unit_a):
    document = published_document(unit_a)
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    published_interpretation(document, published_on=date(2025, 10, 20), title="图解低保审核确认办法")
    assert "图解低保审核确认办法" in client.get("/").content.decode()


def test_the_api_guide_is_kept_apart_for_html_and_json(client):
    assert client.get("/api/")["X-Page-Cache"] == "miss"
    as_json = client.get("/api/", HTTP_ACCEPT="application/json")
    assert as_json["X-Page-Cache"] == "miss" and as_json["Content-Type"] == "application/json"
    assert client.get("/api/", HTTP_ACCEPT="application/json")["Content-Type"] == "application/json"
    assert client.get("/api/")["Content-Type"].startswith("text/html")
    assert "Accept" in client.get("/api/")["Vary"]
