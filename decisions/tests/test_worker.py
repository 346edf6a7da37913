"""The window's reminder through a real Celery worker on Redis, on the real clock."""

from datetime import timedelta

import pytest
from django.utils import timezone

from compliance.models import Alert
from compliance.tasks import scan_deadlines
from decisions.deadlines import CLOSE_REMINDER
from decisions.models import Stage
from decisions.tests.factories import consultation
from lushan_portal.celery import app as celery_app

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def october_2025():
    """The worker runs on the real clock, so this test does too."""
    yield


def test_closing_soon_is_reminded_by_the_worker_and_the_stage_follows_time(worker, unit_a):
    today = timezone.localdate()
    decision = consultation(unit_a, opens_on=today - timedelta(days=28), closes_on=today + timedelta(days=2))
    assert decision.stage() == Stage.OPEN
    assert decision.stage(now=timezone.now() + timedelta(days=3)) == Stage.CLOSED
    celery_app.conf.task_always_eager = False
    report = scan_deadlines.apply_async(queue=worker).get(timeout=90)
    assert report[CLOSE_REMINDER]["raised"] == 1
    alert = Alert.objects.get(rule_code=CLOSE_REMINDER, object_id=decision.pk)
    assert alert.unit == unit_a and alert.due_date == decision.closes_on
