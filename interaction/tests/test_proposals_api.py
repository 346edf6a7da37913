"""The public API gives what the pages give: published replies and responses, never a draft, a
withdrawn one, nor the internal assessment; constant in queries."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from interaction.models import Severity
from interaction.proposals_services import proposal_publish, proposal_withdraw
from interaction.responses_services import response_publish
from interaction.tests.proposals_factories import make_concern, make_proposal, make_response, replied
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db
COUNTY = ZoneInfo("Asia/Shanghai")


def published(unit, **fields):
    proposal = replied(make_proposal(unit, public_interest=True, **fields), date(2026, 6, 1))
    return proposal_publish(proposal=reviewed(proposal))


@pytest.mark.parametrize("size", [2, 20])
def test_published_replies_only(client, unit_a, django_assert_max_num_queries, size):
    shown = [published(unit_a) for _ in range(size)]
    replied(make_proposal(unit_a, title="未公开的答复"), date(2026, 6, 1))
    proposal_withdraw(proposal=shown[0], reason="有误")
    with django_assert_max_num_queries(6):
        answer = client.get("/api/proposal-replies/", {"year": 2026}).json()
    assert answer["count"] == size - 1
    assert "未公开的答复" not in str(answer)
    assert answer["results"][0]["unit"] == "civil-affairs" and answer["results"][0]["result_class"] == "B"
    assert client.get(f"/api/proposal-replies/{shown[0].pk}/").status_code == 404


@pytest.mark.parametrize("size", [2, 20])
def test_published_responses_without_severity(client, unit_a, django_assert_max_num_queries, size):
    seen = datetime(2026, 10, 3, 22, 0, tzinfo=COUNTY)
    concern = make_concern(unit_a, seen, Severity.EMERGENCY, topic="城区内涝", seen_where="内部监测")
    for hour in range(size):
        response = make_response(concern, seen + timedelta(hours=hour + 1))
        response_publish(response=reviewed(response, unit_field="concern__unit"))
    make_response(concern, seen + timedelta(minutes=30), title="草稿")
    with django_assert_max_num_queries(6):
        answer = client.get("/api/concern-responses/").json()
    assert answer["count"] == size
    first = answer["results"][0]
    assert first["topic"] == "城区内涝" and "severity" not in first and "草稿" not in str(answer)
    assert "重大突发事件" not in str(answer) and "内部监测" not in str(answer)
