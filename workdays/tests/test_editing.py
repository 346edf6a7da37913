"""Supervisors edit the calendar; due dates follow at once."""

from datetime import date

import pytest
from django.urls import reverse

from compliance.registry import DeadlineRule, register_rule, unregister_rule
from organizations.models import Unit
from workdays import add_working_days, has_holiday_data
from workdays.models import CalendarDay, CalendarYear, DayKind
from workdays.services import calendar_day_save

pytestmark = pytest.mark.django_db


def test_entering_next_years_holiday_changes_the_count_immediately(django_capture_on_commit_callbacks):
    start = date(2040, 9, 28)  # Friday
    assert add_working_days(start, 1) == date(2040, 10, 1)
    with django_capture_on_commit_callbacks(execute=True):
        calendar_day_save(day=CalendarDay(date=date(2040, 10, 1), kind=DayKind.HOLIDAY, name="国庆节"))
    assert add_working_days(start, 1) == date(2040, 10, 2)


def test_a_makeup_saturday_counts_as_a_working_day(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        calendar_day_save(day=CalendarDay(date=date(2040, 9, 29), kind=DayKind.MAKEUP_WORKDAY, name="国庆节"))
    assert add_working_days(date(2040, 9, 28), 1) == date(2040, 9, 29)


def test_editing_the_calendar_recomputes_stored_due_dates(django_capture_on_commit_callbacks):
    """A rule stores due dates on its records; a calendar edit must refresh them."""
    unit = Unit.objects.create(code="u", name="单位", kind="county_department")
    stored = {}

    def recompute() -> int:
        stored[unit.pk] = add_working_days(date(2040, 9, 28), 1)
        return 1

    register_rule(
        DeadlineRule(
            code="test.stored_due",
            title="t",
            overdue=lambda today: Unit.objects.none(),
            recompute_due_dates=recompute,
        )
    )
    try:
        with django_capture_on_commit_callbacks(execute=True):
            calendar_day_save(day=CalendarDay(date=date(2040, 10, 1), kind=DayKind.HOLIDAY, name="国庆节"))
    finally:
        unregister_rule("test.stored_due")
    assert stored[unit.pk] == date(2040, 10, 2)


def test_supervisor_enters_a_holiday_in_the_admin(client, supervisor, django_capture_on_commit_callbacks):
    client.force_login(supervisor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:workdays_calendarday_add"),
            {"date": "2040-10-01", "kind": DayKind.HOLIDAY, "name": "国庆节", "source": "manual"},
        )
    assert response.status_code == 302
    assert add_working_days(date(2040, 9, 28), 1) == date(2040, 10, 2)
    assert CalendarDay.objects.get(date=date(2040, 10, 1)).history.count() == 1


def test_editor_cannot_edit_the_calendar(client, editor_a):
    client.force_login(editor_a)
    response = client.get(reverse("admin:workdays_calendarday_add"))
    assert response.status_code == 403


def test_package_years_are_marked_as_having_data():
    assert has_holiday_data(2025)
    assert CalendarYear.objects.get(year=2004).has_data
    assert CalendarDay.objects.filter(date=date(2025, 10, 1), name="国庆节").exists()
