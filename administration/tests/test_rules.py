"""The numbers of tasks: reporting periods (quarterly by default, a setting) and the report due
WORK days after a period, counted on the holiday calendar; overdue from the day after."""

from datetime import date

import pytest

from administration import rules

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("period_end", "due"),
    [
        # An ordinary quarter end: Tuesday 30 June 2026 → 10 working days later, Tuesday 14 July.
        (date(2026, 6, 30), date(2026, 7, 14)),
        # National Day inside: 1–8 October 2025 off, Saturday 11 October worked (调休).
        (date(2025, 9, 30), date(2025, 10, 21)),
        # The 调休 Sunday 28 September 2025 counts, then the holiday: 22–26, 28, 29, 30, 9, 10 October.
        (date(2025, 9, 19), date(2025, 10, 10)),
        # A period ending on a Sunday (monthly reports): Monday is the first day.
        (date(2025, 8, 31), date(2025, 9, 12)),
    ],
)
def test_a_report_is_due_ten_working_days_after_its_period(period_end, due):
    assert rules.REPORT_WORKING_DAYS == 10
    assert rules.report_due(period_end) == due


def test_the_last_day_is_on_time_and_the_day_after_is_overdue():
    due = rules.report_due(date(2025, 9, 30))
    assert rules.is_overdue(due, due) is False
    assert rules.is_overdue(due, date(2025, 10, 22)) is True


def test_quarterly_periods_by_default():
    assert rules.report_months() == 3
    period = rules.period_of(date(2026, 11, 28))
    assert (period.start, period.end, period.label) == (date(2026, 10, 1), date(2026, 12, 31), "2026年第4季度")
    periods = rules.periods_between(date(2026, 2, 10), date(2026, 9, 30))
    assert [p.label for p in periods] == ["2026年第1季度", "2026年第2季度", "2026年第3季度"]
    assert rules.periods_between(date(2026, 10, 1), date(2026, 9, 30)) == []


@pytest.mark.parametrize(
    ("months", "label", "end"), [(1, "2026年11月", date(2026, 11, 30)), (6, "2026年下半年", date(2026, 12, 31))]
)
def test_the_period_is_a_setting(settings, months, label, end):
    settings.WORK_TASK_REPORT_MONTHS = months
    period = rules.period_of(date(2026, 11, 28))
    assert (period.label, period.end) == (label, end)
    assert len(rules.periods_between(date(2026, 1, 1), date(2026, 12, 31))) == 12 // months
