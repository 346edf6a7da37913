"""A Celery round trip through a real worker on Redis: the scan runs in another process."""

import pytest
from django.utils import timezone

from compliance.models import Alert
from compliance.tasks import scan_deadlines
from lushan_portal.celery import app as celery_app
from workdays.models import CalendarYear
from workdays.rules import MISSING_HOLIDAY_DATA

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_scan_runs_in_a_real_worker_and_its_alerts_reach_the_database(worker, settings):
    this_year = timezone.localdate().year
    CalendarYear.objects.update_or_create(year=this_year, defaults={"has_data": False})
    celery_app.conf.task_always_eager = False
    result = scan_deadlines.apply_async(queue=worker)
    report = result.get(timeout=90)
    assert report[MISSING_HOLIDAY_DATA]["raised"] >= 1
    assert Alert.objects.filter(rule_code=MISSING_HOLIDAY_DATA, object_id=this_year, resolved_at=None).exists()
    again = scan_deadlines.apply_async(queue=worker).get(timeout=90)
    assert again[MISSING_HOLIDAY_DATA] == {"raised": 0, "resolved": 0}
