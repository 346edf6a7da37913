"""The demo publishes last year's reports for the county and two units, and runs twice unchanged."""

from io import StringIO

import pytest
from django.core.management import call_command

from annual_reports.models import AnnualReport, ReportStatus

pytestmark = pytest.mark.django_db


def test_the_demo_publishes_last_year_s_reports(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    published = AnnualReport.objects.filter(year=2025, status=ReportStatus.PUBLISHED)
    assert published.filter(is_county=True).count() == 1
    assert published.filter(is_county=False).count() == 2
    assert AnnualReport.objects.filter(status=ReportStatus.SUPERSEDED).count() == 1
    assert client.get("/xxgk/ndbg/2025/").status_code == 200
    assert client.get("/units/civil-affairs/ndbg/2025/").status_code == 200
    count = AnnualReport.objects.count()
    call_command("seed_demo", stdout=StringIO())
    assert AnnualReport.objects.count() == count
