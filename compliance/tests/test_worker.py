"""A Celery round trip through a real worker on Redis: the scan runs in another process."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from compliance.models import Alert
from compliance.tasks import scan_deadlines
from conftest import need_service
from lushan_portal.celery import app as celery_app
from workdays.models import CalendarYear
from workdays.rules import MISSING_HOLIDAY_DATA

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def test_database_url() -> str:
    """The URL of the database this test runs on, for the worker process to share."""
    need_service(connection.vendor == "postgresql", "PostgreSQL (DATABASE_URL) for a worker to share")
    params = connection.settings_dict
    auth = params["USER"] + (f":{params['PASSWORD']}" if params["PASSWORD"] else "")
    return f"postgres://{auth}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/{params['NAME']}"


test_database_url.__test__ = False


@pytest.fixture
def worker(redis_url):
    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "DATABASE_URL": test_database_url(), "REDIS_URL": redis_url, "DB_CONN_MAX_AGE": "0"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lushan_portal",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            "--loglevel=INFO",
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield queue
    process.terminate()
    output, _ = process.communicate(timeout=30)
    print(output)


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
