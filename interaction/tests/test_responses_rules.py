"""回应关切 clocks in hours (国办发〔2016〕61号): 5 h and 24 h for a major emergency, 48 h for other
concerns, from when it was first seen, in the county's time; the minute of the deadline is in time."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from compliance.models import Alert
from compliance.registry import rule
from compliance.scans import deadline_rule_scan
from interaction import rules
from interaction.models import ResponseKind, Severity
from interaction.responses_deadlines import FIRST_RESPONSE_OVERDUE, PRESS_OVERDUE, within_clocks
from interaction.tests.proposals_factories import make_concern, make_response

pytestmark = pytest.mark.django_db
COUNTY = ZoneInfo("Asia/Shanghai")
SEEN = datetime(2026, 10, 3, 22, 0, tzinfo=COUNTY)  # National Day holiday: hours run all the same


def at(hour_text: str):
    return time_machine.travel(datetime.fromisoformat(hour_text).replace(tzinfo=COUNTY), tick=False)


def test_hour_clocks_from_first_seen_in_the_county_time():
    assert rules.emergency_info_due(SEEN) == datetime(2026, 10, 4, 3, 0, tzinfo=COUNTY)
    assert rules.emergency_press_due(SEEN) == datetime(2026, 10, 4, 22, 0, tzinfo=COUNTY)
    assert rules.general_response_due(SEEN) == datetime(2026, 10, 5, 22, 0, tzinfo=COUNTY)
    assert rules.within(datetime(2026, 10, 4, 3, 0, tzinfo=COUNTY), rules.emergency_info_due(SEEN))
    assert not rules.within(datetime(2026, 10, 4, 3, 1, tzinfo=COUNTY), rules.emergency_info_due(SEEN))


def test_an_emergency_first_seen_at_22_raises_the_5_hour_alert_after_3_next_morning(unit_a):
    with at("2026-10-03T22:30"):
        concern = make_concern(unit_a, SEEN, Severity.EMERGENCY)
    assert concern.first_response_due == datetime(2026, 10, 4, 3, 0, tzinfo=COUNTY)
    with at("2026-10-04T03:00"):
        assert deadline_rule_scan(rule=rule(FIRST_RESPONSE_OVERDUE), today=date(2026, 10, 4)).raised == 0
    with at("2026-10-04T03:01"):
        assert deadline_rule_scan(rule=rule(FIRST_RESPONSE_OVERDUE), today=date(2026, 10, 4)).raised == 1
        alert = Alert.objects.get(rule_code=FIRST_RESPONSE_OVERDUE)
        assert (alert.unit_id, alert.due_date) == (unit_a.pk, date(2026, 10, 4))
        make_response(concern, datetime(2026, 10, 4, 3, 1, tzinfo=COUNTY))
        assert deadline_rule_scan(rule=rule(FIRST_RESPONSE_OVERDUE), today=date(2026, 10, 4)).resolved == 1
    with at("2026-10-04T22:01"):  # no press conference within 24 hours
        assert deadline_rule_scan(rule=rule(PRESS_OVERDUE), today=date(2026, 10, 4)).raised == 1


def test_a_general_concern_has_48_hours(unit_a):
    with at("2026-10-03T23:00"):
        make_concern(unit_a, SEEN)
    with at("2026-10-05T22:00"):
        assert deadline_rule_scan(rule=rule(FIRST_RESPONSE_OVERDUE), today=date(2026, 10, 5)).raised == 0
    with at("2026-10-05T22:01"):
        assert deadline_rule_scan(rule=rule(FIRST_RESPONSE_OVERDUE), today=date(2026, 10, 5)).raised == 1


def test_responses_within_their_clocks_per_unit(unit_a, unit_b):
    with at("2026-10-10T12:00"):
        on_time = make_concern(unit_a, SEEN, Severity.EMERGENCY)
        make_response(on_time, SEEN + timedelta(hours=5))
        make_response(on_time, SEEN + timedelta(hours=24), ResponseKind.PRESS_CONFERENCE)
        no_press = make_concern(unit_a, SEEN, Severity.EMERGENCY, topic="山体滑坡")
        make_response(no_press, SEEN + timedelta(hours=2))
        late = make_concern(unit_b, SEEN)
        make_response(late, SEEN + timedelta(hours=48, minutes=1))
        waiting = make_concern(unit_b, datetime(2026, 10, 10, 9, 0, tzinfo=COUNTY), topic="供暖")
        values = within_clocks(date(2026, 10, 1), date(2026, 10, 31))
    assert (values[unit_a.pk].numerator, values[unit_a.pk].denominator, values[unit_a.pk].met) == (1, 2, False)
    assert (values[unit_b.pk].numerator, values[unit_b.pk].denominator, values[unit_b.pk].pending) == (0, 1, 1)
    assert waiting.press_due is None
