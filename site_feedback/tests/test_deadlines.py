"""Answered within 3 working days of receipt (rules.md §10), counted on the holiday calendar;
an alert from the day after the last day, routed to the openness office."""

from datetime import date

import pytest
import time_machine

from compliance.models import Alert
from compliance.registry import rule
from compliance.scans import deadline_rule_scan
from site_feedback import rules
from site_feedback.deadlines import ANSWER_OVERDUE
from site_feedback.services import report_answer, report_withdraw
from site_feedback.tests.factories import make_report
from workdays.models import CalendarDay, DayKind
from workdays.services import calendar_day_save

pytestmark = pytest.mark.django_db


def received_on(day: str):
    return time_machine.travel(f"{day} 09:30 +0800", tick=False)


def scan(today: date) -> int:
    return deadline_rule_scan(rule=rule(ANSWER_OVERDUE), today=today).raised


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # An ordinary week: Monday → Thursday (the day of receipt is not counted).
        (date(2025, 10, 20), date(2025, 10, 23)),
        # Friday → next Wednesday: the weekend does not count.
        (date(2025, 10, 24), date(2025, 10, 29)),
        # A holiday in the span: 1-8 October 2025 off; 9, 10 and the 调休 Saturday 11 October count.
        (date(2025, 9, 30), date(2025, 10, 11)),
        # A 调休 working weekend: Saturday 14 February 2026 is a working day, then 15-23 off.
        (date(2026, 2, 13), date(2026, 2, 25)),
        # Received on a Saturday: Monday is the first day.
        (date(2025, 10, 18), date(2025, 10, 22)),
    ],
)
def test_due_three_working_days_after_receipt(received, due):
    assert rules.answer_due(received) == due


def test_last_day_is_on_time_and_the_day_after_raises_an_alert_for_the_office(office):
    with received_on("2025-09-30"):
        report = make_report()
    assert report.due_date == date(2025, 10, 11)  # across National Day, ending on the 调休 Saturday
    assert rules.is_overdue(report.due_date, date(2025, 10, 11)) is False
    assert scan(date(2025, 10, 11)) == 0
    assert scan(date(2025, 10, 12)) == 1
    alert = Alert.objects.get(rule_code=ANSWER_OVERDUE)
    assert (alert.object_id, alert.unit_id, alert.due_date) == (report.pk, office.pk, date(2025, 10, 11))
    assert alert.rule_title == "网站找错报告逾期未答复（3个工作日）"
    assert scan(date(2025, 10, 13)) == 0  # idempotent


def test_an_answer_or_a_withdrawal_ends_the_deadline(office, office_editor):
    with received_on("2025-10-20"):
        answered, withdrawn, waiting = make_report(), make_report(), make_report()
    assert scan(date(2025, 10, 24)) == 3
    with received_on("2025-10-24"):
        report_answer(report=answered, answer="已改正，谢谢。", by=office_editor)
        report_withdraw(report=withdrawn, reason="广告", by=office_editor)
    result = deadline_rule_scan(rule=rule(ANSWER_OVERDUE), today=date(2025, 10, 27))
    assert (result.raised, result.resolved) == (0, 2)
    assert list(Alert.objects.filter(resolved_at=None).values_list("object_id", flat=True)) == [waiting.pk]


def test_a_calendar_edit_recomputes_the_due_dates_of_waiting_reports(office, django_capture_on_commit_callbacks):
    with received_on("2040-09-28"):  # a Friday of a year without holiday data: Monday-Friday
        report = make_report()
    assert report.due_date == date(2040, 10, 3)
    with django_capture_on_commit_callbacks(execute=True):
        calendar_day_save(day=CalendarDay(date=date(2040, 10, 1), kind=DayKind.HOLIDAY, name="国庆节"))
    report.refresh_from_db()
    assert report.due_date == date(2040, 10, 4)
