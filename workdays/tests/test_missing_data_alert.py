"""The daily check: an alert when a year with deadlines has no holiday data."""

from datetime import date

import pytest

from compliance.models import Alert
from compliance.scans import deadlines_scan_all
from workdays.models import CalendarYear
from workdays.rules import MISSING_HOLIDAY_DATA

pytestmark = pytest.mark.django_db


def open_alert_years() -> set[int]:
    return set(
        Alert.objects.filter(rule_code=MISSING_HOLIDAY_DATA, resolved_at=None).values_list("object_id", flat=True)
    )


def test_december_without_next_years_data_raises_one_alert_and_resolves_it():
    CalendarYear.objects.update_or_create(year=2027, defaults={"has_data": False})
    deadlines_scan_all(today=date(2026, 12, 1))
    assert open_alert_years() == {2027}
    deadlines_scan_all(today=date(2026, 12, 1))
    assert Alert.objects.filter(rule_code=MISSING_HOLIDAY_DATA).count() == 1
    CalendarYear.objects.filter(year=2027).update(has_data=True)
    deadlines_scan_all(today=date(2026, 12, 2))
    assert open_alert_years() == set()


def test_no_alert_in_june_when_no_deadline_reaches_next_year():
    CalendarYear.objects.update_or_create(year=2027, defaults={"has_data": False})
    deadlines_scan_all(today=date(2026, 6, 1))
    assert open_alert_years() == set()
