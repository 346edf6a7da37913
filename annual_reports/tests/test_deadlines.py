"""Deadlines: units' reports due 15 January, the county's on ANNUAL_REPORT_COUNTY_DUE, reminders
from 5 January (a reminder is a notice), calendar days (a due date on a weekend or in a holiday
stays where it is), and publishing resolves the alert."""

from datetime import date

import pytest

from annual_reports import rules, services
from annual_reports.deadlines import COUNTY_OVERDUE, COUNTY_REMINDER, UNIT_OVERDUE, UNIT_REMINDER
from compliance.models import Alert
from compliance.registry import rule
from compliance.scans import deadline_rule_scan

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def tracked_since_2021(settings):
    settings.ANNUAL_REPORT_FIRST_YEAR = 2021


def test_years_before_the_portal_are_not_chased(unit_a, settings):
    settings.ANNUAL_REPORT_FIRST_YEAR = 2026
    assert flagged(UNIT_OVERDUE, date(2026, 2, 1)) == set()  # the 2025 report was published elsewhere
    assert flagged(UNIT_OVERDUE, date(2027, 2, 1)) == {"civil-affairs"}


def flagged(code: str, today: date) -> set[str]:
    return set(rule(code).overdue(today).values_list("code", flat=True))


def test_units_are_reminded_from_5_january_and_overdue_after_15_january(unit_a, unit_b, county):
    assert flagged(UNIT_REMINDER, date(2026, 1, 4)) == set()
    assert flagged(UNIT_REMINDER, date(2026, 1, 5)) == {"civil-affairs", "education"}
    assert flagged(UNIT_REMINDER, date(2026, 1, 15)) == {"civil-affairs", "education"}  # the last day
    assert flagged(UNIT_OVERDUE, date(2026, 1, 15)) == set()
    assert flagged(UNIT_OVERDUE, date(2026, 1, 16)) == {"civil-affairs", "education"}  # the day after
    assert flagged(UNIT_REMINDER, date(2026, 1, 16)) == set()
    assert rule(UNIT_REMINDER).notice and not rule(UNIT_OVERDUE).notice


def test_calendar_days_a_due_date_on_a_weekend_or_after_a_holiday_stays(unit_a):
    # The plan names a date, not working days: 2022-01-15 was a Saturday and the report is still due that day
    # (a working-day rule would have moved it to Monday the 17th).
    assert rules.report_due(2021, county=False) == date(2022, 1, 15)
    assert flagged(UNIT_OVERDUE, date(2022, 1, 15)) == set()
    assert flagged(UNIT_OVERDUE, date(2022, 1, 17)) == {"civil-affairs"}


def test_the_county_report_follows_its_setting(office, settings, unit_a):
    assert flagged(COUNTY_OVERDUE, date(2026, 1, 31)) == set()
    assert flagged(COUNTY_OVERDUE, date(2026, 2, 1)) == {"gov-office"}
    settings.ANNUAL_REPORT_COUNTY_DUE = (3, 31)
    assert flagged(COUNTY_OVERDUE, date(2026, 2, 1)) == set()
    assert flagged(COUNTY_REMINDER, date(2026, 3, 31)) == {"gov-office"}
    assert flagged(COUNTY_OVERDUE, date(2026, 4, 1)) == {"gov-office"}


def test_publishing_resolves_the_alert(unit_a, editor_a, reviewer_a):
    deadline_rule_scan(rule=rule(UNIT_OVERDUE), today=date(2026, 2, 10))
    alert = Alert.objects.get(rule_code=UNIT_OVERDUE)
    assert (alert.unit_id, alert.due_date) == (unit_a.pk, date(2026, 1, 15))
    report = services.report_start(unit=unit_a, year=2025, by=editor_a)
    report.overview = "……"
    report.save()
    services.report_submit(report=report, by=editor_a)
    services.report_review(report=report, by=reviewer_a, approve=True)
    result = deadline_rule_scan(rule=rule(UNIT_OVERDUE), today=date(2026, 2, 11))
    assert result.resolved == 1
    alert.refresh_from_db()
    assert alert.resolved_at is not None


def test_a_malformed_county_due_day_stops_the_start(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from lushan_portal.env import env_month_day

    monkeypatch.setenv("ANNUAL_REPORT_COUNTY_DUE", "04-01")
    with pytest.raises(ImproperlyConfigured, match="ANNUAL_REPORT_COUNTY_DUE"):
        env_month_day("ANNUAL_REPORT_COUNTY_DUE", "01-31", latest=(3, 31))
    monkeypatch.setenv("ANNUAL_REPORT_COUNTY_DUE", "02-30")
    with pytest.raises(ImproperlyConfigured):
        env_month_day("ANNUAL_REPORT_COUNTY_DUE", "01-31", latest=(3, 31))
    monkeypatch.setenv("ANNUAL_REPORT_COUNTY_DUE", "03-31")
    assert env_month_day("ANNUAL_REPORT_COUNTY_DUE", "01-31", latest=(3, 31)) == (3, 31)
