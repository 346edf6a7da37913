"""The remedies' time limits (行政复议法 Art 20: 60 days; 行政诉讼法 Art 46: 6 months) at their edges:
a last day on a holiday moves to the next working day, a 调休 Saturday is a working day."""

from datetime import date

import pytest

from disclosure_requests import rules


@pytest.mark.parametrize(
    ("known_on", "last_day"),
    [
        (date(2025, 8, 11), date(2025, 10, 10)),  # the 60th day, a Friday
        (date(2025, 8, 2), date(2025, 10, 9)),  # the 60th day is National Day: after the holiday
        (date(2025, 8, 12), date(2025, 10, 11)),  # the 60th day is a Saturday worked by 调休
    ],
)
def test_reconsideration_within_60_days(db, known_on, last_day):
    assert rules.RECONSIDERATION_DAYS == 60
    assert rules.reconsideration_last_day(known_on) == last_day


@pytest.mark.parametrize(
    ("known_on", "last_day"),
    [
        (date(2025, 12, 1), date(2026, 6, 1)),  # same day six months on, a Monday
        (date(2025, 8, 31), date(2026, 2, 28)),  # no 31 February: the month's last day (a 调休 Saturday)
        (date(2025, 11, 30), date(2026, 6, 1)),  # 2026-05-30 is a Saturday: the next Monday
    ],
)
def test_litigation_within_six_months(db, known_on, last_day):
    assert rules.LITIGATION_MONTHS == 6
    assert rules.litigation_last_day(known_on) == last_day
