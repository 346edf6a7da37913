"""建议提案 clocks at their edges (rules.md §10): months from assignment, working days for the
reassignment request, the extension's 6-month cap, the second reply after a dissatisfied proposer."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from compliance.models import Alert
from compliance.registry import incomplete_counts, rule
from compliance.scans import deadline_rule_scan
from interaction import rules
from interaction.models import Satisfaction
from interaction.proposals_deadlines import CO_OPINION_OVERDUE, NEW_REPLY_OVERDUE, REASSIGNMENT_LATE, REPLY_OVERDUE
from interaction.proposals_services import (
    ERROR_EXTENSION_APPROVAL,
    ERROR_EXTENSION_EARLY,
    ERROR_NOT_CO_UNIT,
    co_unit_opinion_record,
    proposal_save,
)
from interaction.tests.proposals_factories import make_proposal, replied

pytestmark = pytest.mark.django_db


def scan(code: str, today: date) -> int:
    return deadline_rule_scan(rule=rule(code), today=today).raised


@pytest.mark.parametrize(
    ("assigned", "due"),
    [
        (date(2026, 3, 31), date(2026, 6, 30)),  # no 31 June: the month's last day
        (date(2026, 3, 30), date(2026, 6, 30)),
        (date(2026, 4, 1), date(2026, 7, 1)),
        (date(2025, 11, 30), date(2026, 2, 28)),  # across the year, into a short February
        (date(2027, 11, 30), date(2028, 2, 29)),  # a leap year's February
    ],
)
def test_reply_due_three_calendar_months_after_assignment(assigned, due):
    assert rules.proposal_reply_due(assigned) == due


def test_extension_at_most_six_months_and_a_new_reply_within_one():
    assert rules.reply_latest_due(date(2026, 3, 31)) == date(2026, 9, 30)
    assert rules.new_reply_due(date(2026, 7, 31)) == date(2026, 8, 31)
    assert rules.co_opinion_due(date(2026, 3, 31)) == date(2026, 4, 30)


@pytest.mark.parametrize(
    ("assigned", "due"),
    [
        (date(2025, 10, 20), date(2025, 10, 27)),  # Monday → next Monday
        # National Day inside the span: 1-8 October off, Saturday 11 October a working day (调休).
        (date(2025, 9, 30), date(2025, 10, 14)),
        # Sunday 28 September 2025 is a working day (调休): it counts.
        (date(2025, 9, 26), date(2025, 10, 10)),
    ],
)
def test_reassignment_within_five_working_days(assigned, due):
    assert rules.reassignment_due(assigned) == due


def test_assigned_on_31_march_the_reply_is_due_30_june_and_the_alert_comes_on_1_july(unit_a):
    proposal = make_proposal(unit_a, assigned_on=date(2026, 3, 31))
    assert proposal.reply_due == date(2026, 6, 30)
    assert scan(REPLY_OVERDUE, date(2026, 6, 30)) == 0
    assert scan(REPLY_OVERDUE, date(2026, 7, 1)) == 1
    alert = Alert.objects.get(rule_code=REPLY_OVERDUE)
    assert (alert.object_id, alert.unit_id, alert.due_date) == (proposal.pk, unit_a.pk, date(2026, 6, 30))
    assert scan(REPLY_OVERDUE, date(2026, 7, 2)) == 0  # idempotent
    replied(proposal, date(2026, 7, 3))
    deadline_rule_scan(rule=rule(REPLY_OVERDUE), today=date(2026, 7, 3))
    assert Alert.objects.get(rule_code=REPLY_OVERDUE).resolved_at is not None
    proposal.refresh_from_db()
    assert proposal.replied_on_time is False


def test_a_reply_on_the_last_day_is_on_time(unit_a):
    proposal = replied(make_proposal(unit_a, assigned_on=date(2026, 3, 31)), date(2026, 6, 30))
    assert proposal.replied_on_time is True
    assert scan(REPLY_OVERDUE, date(2026, 7, 1)) == 0


def test_an_approved_extension_moves_the_due_date_up_to_six_months(unit_a):
    proposal = make_proposal(unit_a, assigned_on=date(2026, 3, 31))
    proposal.extended_until = date(2026, 10, 1)
    proposal.extension_approved_by, proposal.extension_reason = "县人民政府办公室", "需多部门会商"
    with pytest.raises(ValidationError) as error:
        proposal_save(proposal=proposal)
    assert "延期最迟至交办后 6 个月（2026-09-30）。" in error.value.messages
    proposal.extended_until = date(2026, 9, 30)
    proposal_save(proposal=proposal)
    assert scan(REPLY_OVERDUE, date(2026, 9, 30)) == 0
    assert scan(REPLY_OVERDUE, date(2026, 10, 1)) == 1
    assert Alert.objects.get(rule_code=REPLY_OVERDUE).due_date == date(2026, 9, 30)


def test_an_extension_needs_the_approval_and_a_later_date(unit_a):
    proposal = make_proposal(unit_a, assigned_on=date(2026, 3, 31))
    proposal.extended_until = date(2026, 8, 31)
    with pytest.raises(ValidationError) as error:
        proposal_save(proposal=proposal)
    assert ERROR_EXTENSION_APPROVAL in error.value.messages
    proposal.extension_approved_by, proposal.extension_reason = "县人民政府办公室", "需多部门会商"
    proposal.extended_until = date(2026, 6, 30)
    with pytest.raises(ValidationError) as error:
        proposal_save(proposal=proposal)
    assert ERROR_EXTENSION_EARLY % {"due": date(2026, 6, 30)} in error.value.messages


def test_an_unknown_assignment_date_runs_no_clock_and_is_listed_to_complete(unit_a):
    proposal = make_proposal(unit_a, assigned_on=None)
    assert proposal.reply_due is None and proposal.reassignment_due is None
    assert scan(REPLY_OVERDUE, date(2027, 1, 1)) == 0
    assert incomplete_counts()["interaction.proposals"] == {unit_a.pk: 1}


def test_a_dissatisfied_proposer_gets_a_new_reply_within_a_month(unit_a):
    proposal = replied(make_proposal(unit_a, assigned_on=date(2026, 3, 31)), date(2026, 6, 15))
    proposal.satisfaction = Satisfaction.DISSATISFIED
    with pytest.raises(ValidationError):
        proposal_save(proposal=proposal)  # the date of the dissatisfaction is needed
    proposal.dissatisfied_on = date(2026, 7, 31)
    proposal_save(proposal=proposal)
    assert proposal.new_reply_due == date(2026, 8, 31)
    assert scan(NEW_REPLY_OVERDUE, date(2026, 8, 31)) == 0
    assert scan(NEW_REPLY_OVERDUE, date(2026, 9, 1)) == 1


def test_a_co_unit_sends_its_opinion_within_a_month_and_only_its_staff_record_it(unit_a, unit_b, editor_a, editor_b):
    proposal = make_proposal(unit_a, assigned_on=date(2026, 3, 31), co_units=[unit_b])
    co_unit = proposal.co_units.get()
    assert co_unit.opinion_due == date(2026, 4, 30)
    assert scan(CO_OPINION_OVERDUE, date(2026, 4, 30)) == 0
    assert scan(CO_OPINION_OVERDUE, date(2026, 5, 1)) == 1
    assert Alert.objects.get(rule_code=CO_OPINION_OVERDUE).unit_id == unit_b.pk  # the co-unit is late
    with pytest.raises(PermissionDenied, match=ERROR_NOT_CO_UNIT):
        co_unit_opinion_record(co_unit=co_unit, sent_on=date(2026, 5, 2), opinion="同意", by=editor_a)
    co_unit_opinion_record(co_unit=co_unit, sent_on=date(2026, 5, 2), opinion="同意", by=editor_b)
    deadline_rule_scan(rule=rule(CO_OPINION_OVERDUE), today=date(2026, 5, 2))
    assert Alert.objects.get(rule_code=CO_OPINION_OVERDUE).resolved_at is not None


def test_a_reassignment_asked_after_five_working_days_is_flagged(unit_a):
    proposal = make_proposal(unit_a, assigned_on=date(2025, 9, 30))
    proposal.reassignment_requested_on, proposal.reassignment_reason = date(2025, 10, 14), "不属于本单位职责"
    proposal_save(proposal=proposal)
    assert scan(REASSIGNMENT_LATE, date(2025, 10, 20)) == 0  # the last day: in time
    proposal.reassignment_requested_on = date(2025, 10, 15)
    proposal_save(proposal=proposal)
    assert scan(REASSIGNMENT_LATE, date(2025, 10, 20)) == 1
