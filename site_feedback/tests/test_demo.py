from io import StringIO

import pytest
from django.core.management import call_command

from compliance.models import Alert
from site_feedback.deadlines import ANSWER_OVERDUE
from site_feedback.models import ErrorReport, ReportStatus

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_answered_a_waiting_and_an_overdue_report(settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("seed_demo", stdout=out)
    statuses = sorted(ErrorReport.objects.values_list("status", flat=True))
    assert statuses == sorted([ReportStatus.ANSWERED, ReportStatus.RECEIVED, ReportStatus.RECEIVED])
    assert {report.unit.code for report in ErrorReport.objects.all()} == {"gov-office"}
    # The demo's scan runs last: the report received 20 days ago has its alert.
    assert Alert.objects.filter(rule_code=ANSWER_OVERDUE, resolved_at=None).count() == 1
    assert "演示账号 office / demo-2026" in out.getvalue()
