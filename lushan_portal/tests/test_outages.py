"""Redis down: public pages answer, comments are kept, /healthz says what is down, all recovers.

Outages are real (a closed port, or a relay to the real Redis shut and reopened); nothing mocked.
"""

import logging
import time
from datetime import date

import pytest
import time_machine
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from compliance.registry import DeadlineRule, register_rule, unregister_rule
from decisions.models import Comment
from decisions.rules import COMMENTS_PER_WINDOW
from decisions.tests.factories import consultation
from enforcement.tests.factories import make_decision
from interpretation.tests.factories import published_document
from lushan_portal.celery import app as celery_app
from lushan_portal.tests.outage import RedisRelay, free_port, redis_caches
from organizations.seed import seed_units
from workdays import add_working_days, calendar, is_working_day
from workdays.models import CalendarDay, DayKind
from workdays.services import calendar_day_save

pytestmark = pytest.mark.django_db

A_WORKING_DAY = date(2025, 11, 12)  # a Wednesday


@pytest.fixture
def redis_down():
    with override_settings(CACHES=redis_caches(f"redis://127.0.0.1:{free_port()}/0")):
        yield


@pytest.fixture
def content(unit_a):
    seed_units()
    return {
        "decision": make_decision(unit_a, publish=True),
        "document": published_document(unit_a),
        "consultation": consultation(unit_a),
    }


def public_urls(content: dict) -> list[str]:
    return [
        "/",
        "/search/?q=鲁山",
        "/units/",
        "/policies/",
        content["document"].get_absolute_url(),
        "/api/policies/",
        "/enforcement/",
        f"/enforcement/{content['decision'].pk}/",
        "/api/enforcement/",
        "/consultations/",
        content["consultation"].get_absolute_url(),
        "/api/major-decisions/",
    ]


@time_machine.travel("2025-10-20 10:00 +0800", tick=False)
def test_with_redis_down_public_pages_answer_comments_are_kept_and_healthz_names_the_cache(
    client, content, redis_down, caplog
):
    for url in public_urls(content):
        assert client.get(url).status_code == 200, url

    # Without the shared counter the rate limit is not enforced, and says so: no comment is lost.
    url = reverse("decisions:consultation", args=[content["consultation"].pk])
    with caplog.at_level(logging.WARNING):
        for number in range(COMMENTS_PER_WINDOW + 1):
            assert client.post(url, {"body": f"第{number}条意见：建议增加停车位。"}).status_code == 302
    assert Comment.objects.count() == COMMENTS_PER_WINDOW + 1
    assert "Comment rate limit not enforced" in caplog.text

    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json() == {"status": "unavailable", "database": "ok", "cache": "down"}


def test_healthz_is_200_again_on_the_real_redis(client, redis_url):
    with override_settings(CACHES=redis_caches(f"redis://127.0.0.1:{free_port()}/0")):
        assert client.get("/healthz").status_code == 503
    with override_settings(CACHES=redis_caches(redis_url)):
        assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_the_calendar_reads_the_database_while_the_cache_is_down(redis_down, monkeypatch):
    monkeypatch.setattr(calendar, "VERSION_CHECK_SECONDS", 0.0)
    assert is_working_day(A_WORKING_DAY)
    # Another process adds a holiday; its version bump cannot reach the cache.
    CalendarDay.objects.create(date=A_WORKING_DAY, kind=DayKind.HOLIDAY, name="测试假日")
    assert not is_working_day(A_WORKING_DAY)


@pytest.fixture
def relay(redis_url):
    relay = RedisRelay(redis_url)
    relay.open()
    yield relay
    relay.shut()


def test_the_same_cache_recovers_when_redis_comes_back_without_a_restart(client, relay):
    with override_settings(CACHES=redis_caches(relay.url, retry_seconds=0.5)):
        cache.set("outage-test", "kept", timeout=60)
        assert client.get("/healthz").status_code == 200

        relay.shut()
        assert cache.get("outage-test", "miss") == "miss"
        assert client.get("/policies/").status_code == 200
        assert client.get("/healthz").json()["cache"] == "down"

        relay.open()
        # Within the retry wait nothing is attempted: a dead Redis costs requests nothing.
        accepted = relay.accepted
        assert cache.get("outage-test", "miss") == "miss"
        assert relay.accepted == accepted
        time.sleep(0.6)
        assert cache.get("outage-test") == "kept"
        assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_a_calendar_edit_recomputes_due_dates_at_once_while_redis_is_down(
    redis_down, django_capture_on_commit_callbacks
):
    recomputed = []
    rule = DeadlineRule(
        code="test.outage_due",
        title="t",
        overdue=lambda today: CalendarDay.objects.none(),
        recompute_due_dates=lambda: recomputed.append(add_working_days(date(2040, 9, 28), 1)) or 1,
    )
    register_rule(rule)
    # Not eager: queuing the task would need the broker, which is the Redis that is down.
    celery_app.conf.task_always_eager = False  # the autouse fixture in conftest restores it
    started = time.monotonic()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            calendar_day_save(day=CalendarDay(date=date(2040, 10, 1), kind=DayKind.HOLIDAY, name="国庆节"))
    finally:
        unregister_rule(rule.code)
    assert recomputed == [date(2040, 10, 2)]
    assert time.monotonic() - started < 2
