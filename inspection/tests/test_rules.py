from datetime import date, timedelta

import pytest

from inspection import rules
from lushan_portal.site_inspection import ColumnKind

TODAY = date(2026, 10, 15)


@pytest.mark.parametrize(("age", "stale"), [(13, False), (14, False), (15, True)])
def test_a_news_column_is_stale_after_two_weeks(age, stale):
    assert rules.is_stale(ColumnKind.NEWS, TODAY - timedelta(days=age), TODAY) is stale


def test_two_weeks_are_calendar_days_across_national_day():
    # The National Day week counts like any other: inspectors count calendar days.
    assert rules.is_stale(ColumnKind.NEWS, date(2026, 9, 30), TODAY) is True
    assert rules.is_stale(ColumnKind.NEWS, date(2026, 10, 1), TODAY) is False


@pytest.mark.parametrize(("latest", "stale"), [(date(2026, 4, 15), False), (date(2026, 4, 14), True)])
def test_a_policy_column_is_stale_after_six_calendar_months(latest, stale):
    assert rules.is_stale(ColumnKind.POLICY, latest, TODAY) is stale


def test_months_end_on_the_last_day_of_a_shorter_month():
    assert rules.months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert rules.months_before(date(2026, 3, 31), 3) == date(2025, 12, 31)


def test_a_column_updated_as_needed_is_never_stale_and_a_blank_one_is_not_stale():
    assert rules.is_stale(ColumnKind.OTHER, date(2000, 1, 1), TODAY) is False
    assert rules.is_stale(ColumnKind.NEWS, None, TODAY) is False


@pytest.mark.parametrize(("age", "stale"), [(13, False), (14, False), (15, True)])
def test_the_home_page_fails_after_two_weeks(age, stale):
    assert rules.homepage_stale(TODAY - timedelta(days=age), TODAY) is stale


def test_a_home_page_whose_items_have_no_date_is_not_updated():
    assert rules.homepage_stale(None, TODAY) is True


@pytest.mark.parametrize(
    ("failed", "total", "vetoes"),
    [(7, 140, True), (6, 140, False), (10, 200, True), (9, 200, False), (139, 139, None), (0, 0, None)],
)
def test_the_availability_line_is_five_percent_exactly(failed, total, vetoes):
    # 7 of 140 and 10 of 200 are exactly 5 %: the veto applies from 5 % (≥), in integers.
    assert rules.probe_failed_share_vetoes(failed, total) is vetoes


@pytest.mark.parametrize(("days_before", "faked"), [(7, False), (8, True)])
def test_a_date_earlier_than_the_entry_beyond_the_allowed_back_dating_is_faked(days_before, faked, settings):
    settings.INSPECTION_BACKDATE_DAYS = 7
    created = date(2026, 10, 8)
    assert rules.is_backdated(created - timedelta(days=days_before), created, backfilled=False) is faked


def test_a_backfilled_record_may_carry_an_old_date(settings):
    settings.INSPECTION_BACKDATE_DAYS = 7
    assert rules.is_backdated(date(2019, 1, 1), date(2026, 10, 8), backfilled=True) is False
    assert rules.is_backdated(None, date(2026, 10, 8), backfilled=False) is False


def test_findings_name_the_frequency_the_rule_applies(monkeypatch):
    assert rules.frequency_label(ColumnKind.INTERACTION) == "2 个月"
    assert rules.frequency_label(ColumnKind.NEWS) == "14 天"
    assert rules.frequency_label(ColumnKind.OTHER) == ""
    monkeypatch.setitem(rules.FREQUENCY, ColumnKind.STATISTICS, ("months", 4))  # a county's own rule
    assert rules.frequency_label(ColumnKind.STATISTICS) == "4 个月"
