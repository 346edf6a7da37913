"""Consultation pages come from the cache; moderation, the feedback report and the midnight close
show at once."""

import pytest
import time_machine

from decisions.models import Comment
from decisions.services import comment_moderate, feedback_publish
from decisions.tests.factories import consultation
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db


def test_moderation_and_the_feedback_report_show_on_the_next_visit(client, unit_a, django_assert_max_num_queries):
    decision = consultation(unit_a)
    url = decision.get_absolute_url()
    for page in ("/consultations/", url, "/decisions/2025/"):
        client.get(page)
        with django_assert_max_num_queries(0):
            assert client.get(page)["X-Page-Cache"] == "hit"

    client.post(url, {"body": "建议在小区内增设充电桩。"})
    assert "建议在小区内增设充电桩" not in client.get(url).content.decode()  # awaiting moderation
    comment_moderate(comment=Comment.objects.get(), approve=True)
    assert "建议在小区内增设充电桩" in client.get(url).content.decode()

    with time_machine.travel("2025-11-03 10:00 +0800", tick=False):
        assert client.get(url)["X-Page-Cache"] == "miss"  # a new day
        assert client.get(url)["X-Page-Cache"] == "hit"
        feedback_publish(
            decision=reviewed(decision),
            received=1,
            adopted=1,
            not_adopted=0,
            main_views="增设充电桩。",
            reasons="予以采纳。",
        )
        page = client.get(url).content.decode()
    assert "予以采纳。" in page


def test_the_comment_form_disappears_at_the_midnight_close(client, unit_a):
    decision = consultation(unit_a)  # the last day is 2025-10-30
    url = decision.get_absolute_url()
    with time_machine.travel("2025-10-30 23:59:00 +0800", tick=False):
        assert 'id="comment-form"' in client.get(url).content.decode()
        assert client.get(url)["X-Page-Cache"] == "hit"
    with time_machine.travel("2025-10-31 00:00:01 +0800", tick=False):
        assert 'id="comment-form"' not in client.get(url).content.decode()
