"""The comment window: 30 days, closing at midnight county time, enforced on the server."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from decisions.models import Comment, MajorDecision, Stage
from decisions.rules import days_left, window_days
from decisions.services import decision_save
from decisions.tests.factories import consultation

pytestmark = pytest.mark.django_db


def test_29_days_are_refused_without_a_reason_30_accepted(unit_a):
    with pytest.raises(ValidationError, match="不少于30日"):
        consultation(unit_a, opens_on=date(2025, 10, 1), closes_on=date(2025, 10, 29))
    assert window_days(date(2025, 10, 1), date(2025, 10, 30)) == 30
    assert consultation(unit_a, opens_on=date(2025, 10, 1), closes_on=date(2025, 10, 30)).pk
    shortened = consultation(
        unit_a, opens_on=date(2025, 10, 1), closes_on=date(2025, 10, 20), shortened_reason="上级限期报批"
    )
    assert shortened.is_shortened


def test_classified_decisions_have_no_consultation(unit_a):
    with pytest.raises(ValidationError, match="涉密"):
        decision_save(
            decision=MajorDecision(
                unit=unit_a,
                year=2025,
                title="涉密",
                classified=True,
                opens_on=date(2025, 10, 1),
                closes_on=date(2025, 10, 30),
            )
        )


def post(client, decision, **data):
    return client.post(reverse("decisions:consultation", args=[decision.pk]), {"body": "建议加装电梯。", **data})


def test_comments_accepted_until_the_last_second_of_the_last_day(client, unit_a):
    decision = consultation(unit_a)
    with time_machine.travel("2025-10-30 23:59:59 +0800", tick=False):
        assert post(client, decision).status_code == 302
        assert decision.stage() == Stage.OPEN
    with time_machine.travel("2025-10-31 00:00:00 +0800", tick=False):
        refused = post(client, decision)
        assert refused.status_code == 400
        assert "不在征求意见期内" in refused.content.decode()
        assert decision.stage() == Stage.CLOSED
        assert "征求意见期已结束" in client.get(decision.get_absolute_url()).content.decode()
    assert Comment.objects.count() == 1


def test_days_left_follow_the_county_calendar_near_midnight(unit_a):
    # 16:30 UTC on the 29th is already 00:30 on the 30th in Shanghai: the last day.
    with time_machine.travel("2025-10-29 16:30 +0000", tick=False):
        assert days_left(date(2025, 10, 30)) == 1
    with time_machine.travel("2025-10-29 15:30 +0000", tick=False):
        assert days_left(date(2025, 10, 30)) == 2


def test_the_window_opens_by_itself(client, unit_a):
    decision = consultation(unit_a, opens_on=date(2025, 10, 21), closes_on=date(2025, 11, 19))
    assert decision.stage() == Stage.UPCOMING
    assert post(client, decision).status_code == 404  # not yet public
    with time_machine.travel("2025-10-21 00:00:01 +0800", tick=False):
        assert decision.stage() == Stage.OPEN
        assert post(client, decision).status_code == 302


def test_a_forged_id_is_refused_and_nothing_stored(client, unit_a):
    assert client.post("/consultations/99999/", {"body": "x"}).status_code == 404
    response = client.post("/api/major-decisions/abc/comments/", {"body": "x"}, content_type="application/json")
    assert response.status_code == 404
    assert not Comment.objects.exists()
