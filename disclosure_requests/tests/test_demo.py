from io import StringIO

import pytest
from django.core.management import call_command

from disclosure_requests.models import Application, Status

pytestmark = pytest.mark.django_db


def test_the_demo_has_applications_in_every_state_and_loads_once(settings, tmp_path):
    settings.DEBUG = True
    out = StringIO()
    call_command("seed_demo", stdout=out)
    statuses = set(Application.objects.values_list("status", flat=True))
    assert {
        Status.PROCESSING,
        Status.AWAITING_RECEIPT,
        Status.CORRECTION,
        Status.CONSULTING,
        Status.REPLIED,
    } <= statuses
    assert Application.objects.filter(on_the_spot=True).count() == 2  # this year and last year at the counter
    assert Application.objects.filter(received_on=None, due_date=None).count() == 1
    assert "演示账号 counter / demo-2026" in out.getvalue()
    count = Application.objects.count()
    call_command("seed_demo", stdout=StringIO())
    assert Application.objects.count() == count == 11
