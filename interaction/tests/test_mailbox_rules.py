"""The mailbox's clocks at their edges (2025: National Day and Mid-Autumn 1–8 October, Sunday
28 September and Saturday 11 October worked by 调休)."""

from datetime import date

import pytest
import time_machine

from compliance.models import Alert
from compliance.registry import rule
from compliance.scans import deadline_rule_scan
from interaction import rules
from interaction.mailbox_deadlines import ACCEPT_OVERDUE, RED_LINE, REPLY_OVERDUE, red_line_passed
from interaction.mailbox_services import message_accept, message_extend
from interaction.models import Message
from interaction.tests.conftest import letter

pytestmark = pytest.mark.django_db


def test_accepted_on_the_friday_before_national_day_is_due_on_the_fifth_working_day():
    # Sun 28 Sep (调休) 1, Mon 29 2, Tue 30 3, 1–8 Oct holiday, Thu 9 4, Fri 10 5.
    assert rules.reply_due(date(2025, 9, 26)) == date(2025, 10, 10)
    assert not rules.is_overdue(date(2025, 10, 10), date(2025, 10, 10))  # the last day: on time
    assert rules.is_overdue(date(2025, 10, 10), date(2025, 10, 11))  # Saturday 11 Oct is worked: late


def test_accept_or_refer_counts_the_sunday_worked_by_tiaoxiu():
    assert rules.accept_due(date(2025, 9, 26)) == date(2025, 9, 29)  # Sat no, Sun 28 yes, Mon 29
    assert rules.accept_due(date(2025, 9, 30)) == date(2025, 10, 10)  # the holiday is skipped


def test_the_reply_days_are_a_setting(settings):
    settings.MAILBOX_REPLY_WORKING_DAYS = 3
    assert rules.reply_due(date(2025, 9, 26)) == date(2025, 9, 30)


def test_an_extension_adds_its_working_days_to_the_same_start(settings):
    settings.MAILBOX_EXTENSION_WORKING_DAYS = 10
    # 5 + 10 working days from Fri 26 Sep: … Fri 10 Oct is the 5th, Sat 11 Oct (调休) the 6th, then
    # Mon 13–Fri 17 (7–11), Mon 20–Fri 24 (12–16): the 15th is Thu 23 Oct.
    assert rules.reply_due(date(2025, 9, 26), extended=True) == date(2025, 10, 23)


@pytest.mark.parametrize(
    ("days", "past"),
    [(89, False), (90, False), (91, True), (92, True)],
)
def test_the_red_line_is_three_calendar_months(days, past):
    received = date(2025, 12, 1)  # three months later: 1 March 2026, the 90th day
    today = date.fromordinal(received.toordinal() + days)
    assert rules.red_line_on(received) == date(2026, 3, 1)
    assert rules.past_red_line(received, None, today) is past


def test_a_reply_on_the_last_day_of_the_red_line_is_in_time():
    received = date(2025, 12, 1)
    assert not rules.past_red_line(received, date(2026, 3, 1), date(2026, 6, 1))
    assert rules.past_red_line(received, date(2026, 3, 2), date(2026, 6, 1))


def test_the_scans_raise_the_overdue_alerts_and_the_red_line_at_county_level(mailbox_a, editor_a):
    with time_machine.travel("2025-12-01 10:00 +0800", tick=False):
        waiting = letter(mailbox_a, subject="没人受理的留言")
        accepted = letter(mailbox_a, subject="受理后没有答复的留言")
        message_accept(message=accepted, by=editor_a)
    # 2 working days after Mon 1 Dec: Wed 3 Dec is the last day to accept.
    assert deadline_rule_scan(rule=rule(ACCEPT_OVERDUE), today=date(2025, 12, 3)).raised == 0
    assert deadline_rule_scan(rule=rule(ACCEPT_OVERDUE), today=date(2025, 12, 4)).raised == 1
    assert deadline_rule_scan(rule=rule(REPLY_OVERDUE), today=date(2025, 12, 8)).raised == 0  # due Mon 8 Dec
    assert deadline_rule_scan(rule=rule(REPLY_OVERDUE), today=date(2025, 12, 9)).raised == 1
    # 89 days: nothing; 92 days: both messages cross the red line, a county alert (no unit) each.
    assert not red_line_passed(date(2026, 2, 28)).exists()
    assert deadline_rule_scan(rule=rule(RED_LINE), today=date(2026, 3, 3)).raised == 2
    alerts = Alert.objects.filter(rule_code=RED_LINE, resolved_at=None)
    assert {a.object_id for a in alerts} == {waiting.pk, accepted.pk}
    assert all(a.unit_id is None for a in alerts)
    assert deadline_rule_scan(rule=rule(RED_LINE), today=date(2026, 3, 3)).raised == 0  # idempotent


def test_an_invalid_message_leaves_every_clock(mailbox_a, editor_a):
    from interaction.mailbox_services import message_mark_invalid

    with time_machine.travel("2025-12-01 10:00 +0800", tick=False):
        message = letter(mailbox_a)
        message_mark_invalid(message=message, reason="广告信息", by=editor_a)
    assert not red_line_passed(date(2026, 6, 1)).exists()
    assert Message.objects.get().status == "invalid"


def test_an_extension_needs_a_reason_and_a_progress_note_and_comes_once(mailbox_a, editor_a):
    from django.core.exceptions import ValidationError

    with time_machine.travel("2025-09-25 10:00 +0800", tick=False):
        message = letter(mailbox_a)
    with time_machine.travel("2025-09-26 10:00 +0800", tick=False):
        message_accept(message=message, by=editor_a)
        with pytest.raises(ValidationError) as refused:
            message_extend(message=message, reason="", progress_note="", by=editor_a)
        assert set(refused.value.message_dict) == {"reason", "progress"}
        message = message_extend(message=message, reason="涉及多个部门", progress_note="已会同人社局核实", by=editor_a)
        assert message.reply_due == date(2025, 10, 23)
        with pytest.raises(ValidationError, match="只能延期一次"):
            message_extend(message=message, reason="再延", progress_note="仍在核实", by=editor_a)


def test_an_extension_after_the_due_date_is_refused(mailbox_a, editor_a):
    from django.core.exceptions import ValidationError

    with time_machine.travel("2025-09-26 10:00 +0800", tick=False):
        message = letter(mailbox_a)
        message_accept(message=message, by=editor_a)
    with time_machine.travel("2025-10-11 10:00 +0800", tick=False), pytest.raises(ValidationError, match="之前提出"):
        message_extend(message=message, reason="复杂", progress_note="核实中", by=editor_a)


def test_the_red_line_stands_in_red_at_the_top_of_the_county_dashboard(client, mailbox_a, supervisor):
    from django.urls import reverse

    with time_machine.travel("2025-12-01 10:00 +0800", tick=False):
        message = letter(mailbox_a)
    deadline_rule_scan(rule=rule(RED_LINE), today=date(2026, 3, 3))
    client.force_login(supervisor)
    with time_machine.travel("2026-03-03 10:00 +0800", tick=False):
        page = client.get(reverse("compliance:dashboard")).content.decode()
    top = page[page.index('role="alert"') : page.index("summary-heading")]
    assert 'class="severe"' in top and "【红线】留言超过3个月未答复" in top and message.reference in top
