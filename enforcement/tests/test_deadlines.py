"""The 7-working-day rule at its edges, the scan, and publication evidence."""

from datetime import date

import pytest
import time_machine

from compliance.models import Alert
from compliance.registry import rule
from compliance.scans import deadline_rule_scan, deadlines_scan_all
from enforcement.deadlines import PUBLICATION_OVERDUE, WITHDRAWAL_OVERDUE
from enforcement.services import decision_publish, decision_record_revocation, decision_withdraw
from enforcement.tests.factories import make_decision
from publication_review.testing import reviewed
from workdays.models import CalendarDay, DayKind
from workdays.services import calendar_day_save

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("decided", "due"),
    [
        (date(2025, 9, 26), date(2025, 10, 13)),  # Friday before National Day; Sun 28 Sep and Sat 11 Oct worked
        (date(2025, 10, 3), date(2025, 10, 16)),  # on a holiday
        (date(2025, 10, 11), date(2025, 10, 21)),  # on a make-up (调休) Saturday
        (date(2025, 10, 14), date(2025, 10, 23)),  # an ordinary Tuesday
    ],
)
def test_publication_due_is_seven_working_days_after_the_decision(unit_a, decided, due):
    assert make_decision(unit_a, decision_date=decided).publication_due == due


def overdue_ids(today: date) -> set[int]:
    deadlines_scan_all(today=today)
    return set(
        Alert.objects.filter(rule_code=PUBLICATION_OVERDUE, resolved_at=None).values_list("object_id", flat=True)
    )


def test_not_overdue_on_the_last_day_overdue_the_day_after(unit_a):
    decision = make_decision(unit_a, decision_date=date(2025, 9, 26))
    assert overdue_ids(date(2025, 10, 13)) == set()
    assert overdue_ids(date(2025, 10, 14)) == {decision.pk}


def test_scan_twice_raises_once_and_publishing_resolves(unit_a):
    decision = make_decision(unit_a, decision_date=date(2025, 9, 26))
    deadlines_scan_all(today=date(2025, 10, 15))
    deadlines_scan_all(today=date(2025, 10, 15))
    assert Alert.objects.filter(rule_code=PUBLICATION_OVERDUE).count() == 1
    alert = Alert.objects.get(rule_code=PUBLICATION_OVERDUE)
    assert alert.unit == unit_a and alert.due_date == date(2025, 10, 13)
    decision_publish(decision=reviewed(decision))
    deadlines_scan_all(today=date(2025, 10, 16))
    assert Alert.objects.get(pk=alert.pk).resolved_at is not None


def test_publishing_on_the_due_date_is_on_time_the_day_after_is_late(unit_a):
    on_time = make_decision(unit_a, decision_date=date(2025, 9, 26))
    late = make_decision(unit_a, decision_date=date(2025, 9, 26))
    with time_machine.travel("2025-10-13 23:30 +0800", tick=False):
        on_time = decision_publish(decision=reviewed(on_time))
    with time_machine.travel("2025-10-14 00:10 +0800", tick=False):
        late = decision_publish(decision=reviewed(late))
    assert on_time.published_on_time is True
    assert late.published_on_time is False
    assert late.first_published_at is not None


def test_minors_decisions_raise_no_publication_alert(unit_a):
    make_decision(unit_a, decision_date=date(2025, 9, 26), party_is_minor=True)
    assert overdue_ids(date(2025, 10, 20)) == set()


@pytest.mark.parametrize("count", [3, 60])
def test_scan_is_set_based(unit_a, count, django_assert_max_num_queries):
    for _ in range(count):
        make_decision(unit_a, decision_date=date(2025, 9, 26))
    with django_assert_max_num_queries(6):
        result = deadline_rule_scan(rule=rule(PUBLICATION_OVERDUE), today=date(2025, 10, 20))
    assert result.raised == count


def test_a_calendar_edit_recomputes_the_due_date_of_open_decisions(unit_a, django_capture_on_commit_callbacks):
    open_decision = make_decision(unit_a, decision_date=date(2025, 10, 14))
    published = make_decision(unit_a, decision_date=date(2025, 10, 14), publish=True)
    with django_capture_on_commit_callbacks(execute=True):
        calendar_day_save(day=CalendarDay(date=date(2025, 10, 17), kind=DayKind.HOLIDAY, name="测试假日"))
    open_decision.refresh_from_db()
    published.refresh_from_db()
    assert open_decision.publication_due == date(2025, 10, 24)
    assert published.publication_due == date(2025, 10, 23)


def test_a_revoked_penalty_must_be_withdrawn_within_three_days(unit_a):
    decision = make_decision(unit_a, decision_date=date(2025, 9, 26), publish=True)
    decision = decision_record_revocation(decision=decision, revoked_on=date(2025, 10, 10))
    assert decision.withdrawal_due == date(2025, 10, 13)
    deadlines_scan_all(today=date(2025, 10, 13))
    assert not Alert.objects.filter(rule_code=WITHDRAWAL_OVERDUE).exists()
    deadlines_scan_all(today=date(2025, 10, 14))
    assert Alert.objects.filter(rule_code=WITHDRAWAL_OVERDUE, object_id=decision.pk, resolved_at=None).exists()
    decision_withdraw(decision=decision, reason="复议撤销")
    deadlines_scan_all(today=date(2025, 10, 15))
    assert not Alert.objects.filter(rule_code=WITHDRAWAL_OVERDUE, resolved_at=None).exists()
