"""Enforcement pages come from the cache, and a publish, correction or withdrawal shows at once."""

from datetime import timedelta

import pytest
import time_machine

from enforcement.services import decision_correct, decision_withdraw
from enforcement.tests.factories import make_decision

pytestmark = pytest.mark.django_db


def test_publish_correct_and_withdraw_show_on_the_next_visit(client, unit_a, django_assert_max_num_queries):
    first = make_decision(unit_a, publish=True, decision_number="鲁测罚〔2025〕501号")
    detail = f"/enforcement/{first.pk}/"
    for url in ("/enforcement/", detail):
        client.get(url)
        with django_assert_max_num_queries(0):
            assert client.get(url)["X-Page-Cache"] == "hit"

    make_decision(unit_a, publish=True, decision_number="鲁测罚〔2025〕502号")
    assert "鲁测罚〔2025〕502号" in client.get("/enforcement/").content.decode()

    first.penalty_content = "罚款人民币800元。"
    decision_correct(decision=first, note="罚款金额更正。")
    page = client.get(detail).content.decode()
    assert "罚款人民币800元" in page and "罚款金额更正" in page

    decision_withdraw(decision=first, reason="决定已被撤销。")
    assert client.get(detail).status_code == 404
    assert "鲁测罚〔2025〕501号" not in client.get("/enforcement/").content.decode()


def test_a_decision_leaves_the_pages_when_its_publicity_period_ends(client, unit_a):
    decision = make_decision(unit_a, publish=True)
    url, last_day = f"/enforcement/{decision.pk}/", decision.publicity_until
    with time_machine.travel(f"{last_day.isoformat()} 23:59:00 +0800", tick=False):
        assert client.get(url).status_code == 200
        assert client.get(url)["X-Page-Cache"] == "hit"
    with time_machine.travel(f"{(last_day + timedelta(days=1)).isoformat()} 00:00:01 +0800", tick=False):
        assert client.get(url).status_code == 404
