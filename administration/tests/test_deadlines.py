"""Alerts and indicators: a progress report overdue from the day after its due date (National Day
inside), a task past its planned completion, a rectification past its deadline; the on-time shares
and the share of complete guides per unit, with their drill-downs."""

from datetime import date

import pytest
import time_machine

from administration.guides_deadlines import GUIDES_COMPLETE, guides_complete, incomplete_guides
from administration.models import ProgressReport
from administration.rectification_deadlines import OVERDUE as RECT_OVERDUE
from administration.rectification_deadlines import late_rectifications, rectifications_on_time
from administration.rectification_services import rectification_complete
from administration.tasks_deadlines import REPORT_OVERDUE, TASK_OVERDUE, late_reports, reports_on_time
from administration.tasks_services import report_submit, task_withdraw
from administration.tests.factories import draft_guide, published_guide, published_rectification, published_task
from compliance.models import Alert
from compliance.registry import indicators, rule
from compliance.scans import deadline_rule_scan

pytestmark = pytest.mark.django_db


def at(day: str):
    return time_machine.travel(f"{day} 10:00 +0800", tick=False)


def scan(code: str, today: date) -> int:
    return deadline_rule_scan(rule=rule(code), today=today).raised


@pytest.fixture
def task(unit_a):
    with at("2025-08-15"):  # published in Q3: periods Q3 and Q4 are opened, none before
        return published_task(unit_a)


def test_publishing_opens_the_periods_from_now_to_the_planned_completion(task):
    periods = list(task.reports.values_list("period_end", "due_date"))
    assert periods == [(date(2025, 9, 30), date(2025, 10, 21)), (date(2025, 12, 31), date(2026, 1, 15))]


def test_a_report_due_across_national_day_is_overdue_from_the_day_after(task, unit_a):
    assert scan(REPORT_OVERDUE, date(2025, 10, 21)) == 0
    assert scan(REPORT_OVERDUE, date(2025, 10, 22)) == 1
    alert = Alert.objects.get(rule_code=REPORT_OVERDUE)
    assert (alert.unit_id, alert.due_date) == (unit_a.pk, date(2025, 10, 21))
    assert scan(REPORT_OVERDUE, date(2025, 10, 23)) == 0  # idempotent
    report = task.reports.get(period_end=date(2025, 9, 30))
    with at("2025-10-23"):
        report_submit(report=report, percent=60, text="已完工 70 公里。")
    deadline_rule_scan(rule=rule(REPORT_OVERDUE), today=date(2025, 10, 23))
    assert Alert.objects.get(rule_code=REPORT_OVERDUE).resolved_at is not None


def test_reports_on_time_count_the_last_day_and_the_missing_ones_as_late(task, unit_a, editor_a):
    q3 = task.reports.get(period_end=date(2025, 9, 30))
    with at("2025-10-21"):  # the last day: on time
        report_submit(report=q3, percent=60, text="已完工 70 公里。", by=editor_a)
    with at("2026-01-16"):  # Q4 not reported by 15 January 2026: late
        values = reports_on_time(date(2025, 10, 1), date(2026, 1, 31))
        assert (values[unit_a.pk].numerator, values[unit_a.pk].denominator) == (1, 2)
        rows = late_reports(unit_a.pk, date(2025, 10, 1), date(2026, 1, 31))
    assert [(r.due_on, r.done_on, r.note) for r in rows] == [(date(2026, 1, 15), None, "尚未报送")]


def test_a_report_that_completes_the_task_closes_the_later_periods(task, unit_a):
    with at("2025-10-10"):
        report_submit(
            report=task.reports.get(period_end=date(2025, 9, 30)), percent=None, text="全部完工。", completes_task=True
        )
    task.refresh_from_db()
    assert task.completed_on == date(2025, 10, 10)
    assert list(task.reports.values_list("percent", flat=True)) == [100]
    assert scan(TASK_OVERDUE, date(2026, 1, 5)) == 0


def test_a_task_past_its_planned_completion_raises_an_alert_and_withdrawal_closes_its_periods(task, editor_a):
    assert scan(TASK_OVERDUE, date(2025, 12, 31)) == 0
    assert scan(TASK_OVERDUE, date(2026, 1, 1)) == 1
    task_withdraw(task=task, reason="任务调整，并入第 5 项", by=editor_a)
    assert not ProgressReport.objects.filter(task=task, reported_on__isnull=True).exists()
    deadline_rule_scan(rule=rule(TASK_OVERDUE), today=date(2026, 1, 2))
    assert Alert.objects.get(rule_code=TASK_OVERDUE).resolved_at is not None


def test_a_rectification_is_late_from_the_day_after_its_deadline(unit_a, editor_a):
    with at("2025-09-01"):
        on_time = published_rectification(unit_a, deadline=date(2025, 10, 31))
        late = published_rectification(unit_a, deadline=date(2025, 10, 31), finding="台账不全")
    assert scan(RECT_OVERDUE, date(2025, 10, 31)) == 0
    with at("2025-10-31"):
        rectification_complete(rectification=on_time, completed_on=date(2025, 10, 31), report="已整改。", by=editor_a)
    assert scan(RECT_OVERDUE, date(2025, 11, 1)) == 1
    with at("2025-11-03"):
        rectification_complete(rectification=late, completed_on=date(2025, 11, 3), report="已整改。", by=editor_a)
        values = rectifications_on_time(date(2025, 10, 1), date(2025, 12, 31))
        rows = late_rectifications(unit_a.pk, date(2025, 10, 1), date(2025, 12, 31))
    assert (values[unit_a.pk].numerator, values[unit_a.pk].denominator) == (1, 2)
    assert [(r.due_on, r.done_on) for r in rows] == [(date(2025, 10, 31), date(2025, 11, 3))]


def test_the_share_of_complete_guides_per_unit_and_what_is_missing(unit_a, unit_b):
    published_guide(unit_a)
    draft_guide(unit_a, materials=False)
    published_guide(unit_b)
    values = guides_complete(date(2026, 1, 1), date(2099, 12, 31))
    assert (values[unit_a.pk].numerator, values[unit_a.pk].denominator, values[unit_a.pk].met) == (1, 2, False)
    assert values[unit_b.pk].met is True
    [row] = incomplete_guides(unit_a.pk, date(2026, 1, 1), date(2099, 12, 31))
    assert row.note == "缺少：办理材料" and row.admin_url.endswith("/change/")
    assert GUIDES_COMPLETE in {i.code for i in indicators()}


def test_a_withdrawn_report_is_made_again_keeping_its_first_date(task, editor_a):
    from administration.tasks_services import report_publish, report_withdraw
    from publication_review.testing import reviewed

    q3 = task.reports.get(period_end=date(2025, 9, 30))
    with at("2025-10-20"):
        report_publish(
            report=reviewed(
                report_submit(report=q3, percent=60, text="已完工 70 公里。", by=editor_a), unit_field="task__unit"
            ),
            by=editor_a,
        )
    with at("2025-11-05"):
        report_withdraw(report=q3, reason="里程数填报有误", by=editor_a)
        again = report_submit(report=q3, percent=55, text="已完工 66 公里。", by=editor_a)
    assert (again.status, again.reported_on, again.percent) == ("draft", date(2025, 10, 20), 55)
    assert again.history.filter(status="withdrawn", withdrawal_reason="里程数填报有误").exists()


def test_a_calendar_edit_recomputes_the_due_dates_of_unreported_periods(unit_a, django_capture_on_commit_callbacks):
    from workdays.models import CalendarDay, DayKind
    from workdays.services import calendar_day_save

    with at("2040-08-01"):  # a year without holiday data: Monday to Friday
        task = published_task(unit_a, year=2040, planned_completion=date(2040, 9, 30))
    report = task.reports.get()
    assert report.due_date == date(2040, 10, 12)  # 30 September 2040 is a Sunday
    with django_capture_on_commit_callbacks(execute=True):
        calendar_day_save(day=CalendarDay(date=date(2040, 10, 1), kind=DayKind.HOLIDAY, name="国庆节"))
    report.refresh_from_db()
    assert report.due_date == date(2040, 10, 15)
