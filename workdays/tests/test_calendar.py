"""Working-day counting at its edges (rules.md §7), on the chinesecalendar data loaded by migration."""

from datetime import date, timedelta

import pytest

from workdays import add_months, add_working_days, explain_due_date, is_working_day, working_days_between

pytestmark = pytest.mark.django_db


def test_national_day_2025_with_its_makeup_sunday_and_saturday():
    # 2025: Oct 1-8 off; Sunday Sep 28 and Saturday Oct 11 are working days.
    assert is_working_day(date(2025, 9, 28))
    assert is_working_day(date(2025, 10, 11))
    assert not is_working_day(date(2025, 10, 8))
    assert add_working_days(date(2025, 9, 26), 1) == date(2025, 9, 28)
    assert add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 9)
    assert add_working_days(date(2025, 10, 10), 1) == date(2025, 10, 11)


def test_seven_working_days_across_national_day_last_day_and_day_after():
    decided = date(2025, 9, 26)
    due = add_working_days(decided, 7)
    assert due == date(2025, 10, 13)
    assert working_days_between(decided, due) == 7
    assert working_days_between(decided, due + timedelta(days=1)) == 8


def test_spring_festival_2026():
    # 2026: Feb 15-23 off; Saturdays Feb 14 and Feb 28 are working days.
    assert add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 14)
    assert add_working_days(date(2026, 2, 13), 2) == date(2026, 2, 24)
    assert add_working_days(date(2026, 2, 27), 1) == date(2026, 2, 28)
    assert working_days_between(date(2026, 2, 13), date(2026, 2, 24)) == 2


def test_span_starting_on_a_holiday_or_a_weekend():
    assert add_working_days(date(2025, 10, 3), 1) == date(2025, 10, 9)
    # An event on a Saturday ends on the Nth working day after it (rules.md §7).
    assert add_working_days(date(2024, 6, 1), 1) == date(2024, 6, 3)


def test_twenty_working_days_is_the_inverse_of_the_count():
    for start in [date(2024, 1, 1) + timedelta(days=offset) for offset in range(0, 366, 7)]:
        assert working_days_between(start, add_working_days(start, 20)) == 20


def test_explanation_names_skipped_holidays_and_used_makeup_days():
    explanation = explain_due_date(date(2025, 9, 26), 7)
    assert explanation.due == date(2025, 10, 13)
    assert [day for day, _name in explanation.makeup_days_used] == [date(2025, 9, 28), date(2025, 10, 11)]
    assert date(2025, 10, 6) in [day for day, _name in explanation.holidays_skipped]
    assert {name for _day, name in explanation.holidays_skipped} == {"国庆节", "中秋节"}
    assert not explanation.uses_fallback


def test_a_year_without_data_falls_back_to_monday_to_friday_and_says_so():
    explanation = explain_due_date(date(2040, 12, 28), 3)  # Friday
    assert explanation.due == date(2041, 1, 2)  # New Year's Day counted: no data
    assert explanation.years_without_data == [2040, 2041]
    assert explanation.uses_fallback


def test_no_query_per_call_once_a_year_is_loaded(django_assert_num_queries):
    add_working_days(date(2025, 3, 1), 20)
    with django_assert_num_queries(0):
        for offset in range(200):
            add_working_days(date(2025, 3, 1) + timedelta(days=offset % 60), 20)


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        add_working_days(date(2025, 1, 1), -1)


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2026, 3, 31), 3, date(2026, 6, 30)),  # June has no 31st: its last day
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2023, 8, 31), 6, date(2024, 2, 29)),  # a leap year
        (date(2025, 11, 15), 3, date(2026, 2, 15)),  # across the new year
        (date(2025, 7, 3), 3, date(2025, 10, 3)),  # a day inside National Day: months ignore holidays
    ],
)
def test_add_months_is_the_same_day_or_the_last_of_the_month(start, months, end):
    assert add_months(start, months) == end
