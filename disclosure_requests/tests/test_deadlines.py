"""The deadline rules and the dashboard indicators of 依申请公开, at their edges, around National
Day 2025 (1–8 October off; Sunday 28 September and Saturday 11 October working days, 调休)."""

from datetime import date

import pytest
import time_machine

from compliance.models import Alert
from compliance.registry import IndicatorValue, indicators, rule
from compliance.scans import deadline_rule_scan
from disclosure_requests import deadlines, services
from disclosure_requests.indicators import (
    carried_late,
    carried_over,
    not_on_the_spot,
    on_the_spot_share,
    replied_late,
    replies_on_time,
)
from disclosure_requests.models import Channel, PauseKind, PauseOutcome
from disclosure_requests.tests.factories import register
from disclosure_requests.tests.records import stored

pytestmark = pytest.mark.django_db

d = date.fromisoformat


def at(day: str):
    return time_machine.travel(f"{day} 10:00 +0800", tick=False)


def scan(code: str, today: str) -> list[Alert]:
    deadline_rule_scan(rule=rule(code), today=d(today))
    return list(Alert.objects.filter(rule_code=code, resolved_at=None).order_by("object_id"))


def test_reply_reminder_three_working_days_ahead_counts_the_makeup_sunday(unit_a):
    # From Friday 26 September: Sunday 28 (调休), Monday 29, Tuesday 30 are the 3 working days.
    on_last_day = stored(unit_a, d("2025-09-01"), due=d("2025-09-30"))
    stored(unit_a, d("2025-09-10"), due=d("2025-10-09"))  # 4th working day, after the holiday
    due_today = stored(unit_a, d("2025-08-28"), due=d("2025-09-26"))
    stored(unit_a, d("2025-08-27"), due=d("2025-09-25"))  # overdue: not a reminder
    stored(unit_a, d("2025-09-01"), due=d("2025-09-30"), closed=d("2025-09-20"))  # answered
    alerts = scan(deadlines.REPLY_DUE_SOON, "2025-09-26")
    assert [(a.object_id, a.due_date, a.unit_id) for a in alerts] == [
        (on_last_day.pk, d("2025-09-30"), unit_a.pk),
        (due_today.pk, d("2025-09-26"), unit_a.pk),
    ]
    assert rule(deadlines.REPLY_DUE_SOON).notice


def test_reply_overdue_from_the_day_after_the_last_day(unit_a):
    application = stored(unit_a, d("2025-09-01"), due=d("2025-09-30"))
    assert scan(deadlines.REPLY_OVERDUE, "2025-09-30") == []
    assert [a.object_id for a in scan(deadlines.REPLY_OVERDUE, "2025-10-01")] == [application.pk]


def test_correction_reminder_on_the_last_of_the_seven_working_days(unit_a, editor_a):
    # Received Friday 19 September: day 7 is Monday 29 (Sunday 28 counted); received Monday 22: day 7
    # is Tuesday 30; received Thursday 18: day 7 was Sunday 28; received Tuesday 23: 9 October.
    received = {day: stored(unit_a, d(day)) for day in ("2025-09-18", "2025-09-19", "2025-09-22", "2025-09-23")}
    stored(unit_a, d("2025-09-19"), closed=d("2025-09-25"))
    alerts = scan(deadlines.CORRECTION_NOTICE_DUE, "2025-09-29")
    assert [(a.object_id, a.due_date) for a in alerts] == [
        (received["2025-09-19"].pk, d("2025-09-29")),
        (received["2025-09-22"].pk, d("2025-09-30")),
    ]


def test_a_correction_notice_on_day_7_is_on_time_and_on_day_8_late(unit_a, editor_a):
    on_day_7 = register(unit_a, editor_a, arrived_on=d("2025-09-19")).application
    on_day_8 = register(unit_a, editor_a, arrived_on=d("2025-09-19")).application
    for application, day in ((on_day_7, "2025-09-29"), (on_day_8, "2025-09-30")):
        with at(day):
            services.correction_notice(
                application=application, sent_on=d(day), deadline=d("2025-10-20"), notice_text="请补充文号", by=editor_a
            )
    assert scan(deadlines.CORRECTION_NOTICE_DUE, "2025-09-29") == []  # both have their notice
    alerts = scan(deadlines.CORRECTION_NOTICE_LATE, "2025-10-09")
    assert [(a.object_id, a.due_date, a.unit_id) for a in alerts] == [(on_day_8.pk, d("2025-09-29"), unit_a.pk)]


def test_third_party_silent_past_15_working_days_across_national_day(unit_a, editor_a):
    application = register(unit_a, editor_a, arrived_on=d("2025-09-19")).application
    with at("2025-09-26"):
        pause = services.pause_start(
            application=application, kind=PauseKind.THIRD_PARTY, start=d("2025-09-26"), addressee="某公司", by=editor_a
        )
    # 28, 29, 30 September, 9, 10, 11 (Saturday, 调休), 13–17, 20–23 October: the 15th is the 23rd.
    assert pause.deadline == d("2025-10-23")
    assert scan(deadlines.THIRD_PARTY_OVERDUE, "2025-10-23") == []
    alerts = scan(deadlines.THIRD_PARTY_OVERDUE, "2025-10-24")
    assert [(a.object_id, a.due_date, a.unit_id) for a in alerts] == [(pause.pk, d("2025-10-23"), unit_a.pk)]
    with at("2025-10-24"):
        services.pause_end(pause=pause, end=d("2025-10-24"), outcome=PauseOutcome.THIRD_PARTY_SILENT, by=editor_a)
    assert scan(deadlines.THIRD_PARTY_OVERDUE, "2025-10-24") == []  # the agency decided: resolved


def test_replies_on_time_counts_overdue_unanswered_as_late_and_not_yet_due_as_pending(unit_a, unit_b):
    on_time = stored(unit_a, d("2025-11-03"), due=d("2025-12-01"), closed=d("2025-12-01"))  # on the last day
    late = stored(unit_a, d("2025-11-03"), due=d("2025-12-01"), closed=d("2025-12-02"))  # the day after
    overdue = stored(unit_a, d("2025-11-04"), due=d("2025-12-02"))
    stored(unit_a, d("2025-11-20"), due=d("2025-12-18"))  # not yet due: pending
    stored(unit_a, d("2025-11-20"), closed=d("2025-11-25"), kind="other", reason="no_correction")  # no clock
    stored(unit_b, d("2025-11-03"), due=d("2025-12-03"), closed=d("2025-12-01"))
    with at("2025-12-10"):
        values = replies_on_time(d("2025-12-01"), d("2025-12-31"))
        rows = replied_late(unit_a.pk, d("2025-12-01"), d("2025-12-31"))
    assert values[unit_a.pk] == IndicatorValue(1, 3, False, pending=1)
    assert values[unit_b.pk] == IndicatorValue(1, 1, True, pending=0)
    assert [(row.due_on, row.done_on) for row in rows] == [(late.due_date, late.closed_on), (overdue.due_date, None)]
    assert on_time.reference is None or on_time.reference not in {row.title for row in rows}
    assert all(row.unit == unit_a.name and row.admin_url.endswith("/change/") for row in rows)


def test_on_the_spot_share_at_the_counter_against_the_previous_period(unit_a, counter):
    def at_counter(day: str, spot: bool):
        return stored(unit_a, d(day), channel=Channel.COUNTER, counter=counter, on_the_spot=spot)

    at_counter("2025-02-10", True), at_counter("2025-03-10", False)  # before: 1 of 2
    at_counter("2025-04-10", True), at_counter("2025-05-10", False)
    missed = at_counter("2025-06-10", False)  # now: 1 of 3, lower
    stored(unit_a, d("2025-05-10"))  # online: not a counter application
    values = on_the_spot_share(d("2025-04-01"), d("2025-06-30"))
    assert values == {counter.pk: IndicatorValue(1, 3, False)}
    rows = not_on_the_spot(counter.pk, d("2025-04-01"), d("2025-06-30"))
    assert len(rows) == 2 and missed.pk in {int(row.admin_url.rstrip("/").split("/")[-2]) for row in rows}
    first = on_the_spot_share(d("2025-01-01"), d("2025-03-31"))
    assert first[counter.pk].met is None  # nothing before to compare with


def test_carried_over_applications_and_the_late_ones(unit_a):
    late = stored(unit_a, d("2024-12-20"), due=d("2025-01-20"))  # still open in December
    stored(unit_a, d("2024-12-28"), due=d("2025-01-27"), closed=d("2025-01-05"))
    stored(unit_a, d("2024-11-01"), due=d("2024-11-29"), closed=d("2024-11-20"))  # closed before the year
    with at("2025-12-10"):
        values = carried_over(d("2025-01-01"), d("2025-12-31"))
        rows = carried_late(unit_a.pk, d("2025-01-01"), d("2025-12-31"))
    assert values[unit_a.pk] == IndicatorValue(2, 0, False)
    assert [row.due_on for row in rows] == [late.due_date]


def test_every_indicator_of_the_app_has_a_drill_down():
    ours = [i for i in indicators() if i.code.startswith("disclosure_requests.")]
    assert {i.code for i in ours} == {deadlines.ON_TIME, deadlines.ON_THE_SPOT, deadlines.CARRIED_OVER}
    assert all(i.offending is not None for i in ours)
