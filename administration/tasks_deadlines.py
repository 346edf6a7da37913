"""Progress of 政府工作报告 tasks and 民生实事: reports overdue (an alert per report), tasks past their
planned completion, and the on-time share of reports (administration.reports_on_time)."""

from datetime import date

from django.db.models import F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from administration import rules
from administration.models import ProgressReport, PublicStatus, WorkTask
from compliance.registry import (
    DRILL_LIMIT,
    DeadlineRule,
    DrillRow,
    Indicator,
    IndicatorValue,
    on_time_by_unit,
    register_indicator,
    register_rule,
)

REPORT_OVERDUE = "administration.progress_report_overdue"
TASK_OVERDUE = "administration.task_overdue"
REPORTS_ON_TIME = "administration.reports_on_time"
RULE_REPORT = _("重点任务和民生实事按期报送进展（每期结束后%(days)d个工作日内）") % {"days": rules.REPORT_WORKING_DAYS}


def awaiting_report() -> QuerySet:
    """Periods of published tasks not reported yet (served by the partial index progress_open_due)."""
    return ProgressReport.objects.filter(reported_on__isnull=True, task__status=PublicStatus.PUBLISHED)


def report_overdue(today: date) -> QuerySet:
    """Unreported past the due date: an alert from the day after (rules.is_overdue)."""
    return awaiting_report().filter(due_date__lt=today)


def task_overdue(today: date) -> QuerySet:
    """Published tasks not completed by their planned completion: an alert from the day after."""
    return WorkTask.objects.filter(
        status=PublicStatus.PUBLISHED, completed_on__isnull=True, planned_completion__lt=today
    )


def recompute_report_due() -> int:
    """After a calendar edit: fresh due dates on the periods still unreported, one UPDATE per period."""
    updated = 0
    open_reports = ProgressReport.objects.filter(reported_on__isnull=True)
    for period_end in open_reports.order_by().values_list("period_end", flat=True).distinct():
        due = rules.report_due(period_end)
        updated += open_reports.filter(period_end=period_end).exclude(due_date=due).update(due_date=due)
    return updated


def _period_reports(start: date, end: date) -> QuerySet:
    reported = Q(reported_on__range=(start, end))
    due_unreported = Q(reported_on__isnull=True, due_date__range=(start, end))
    return ProgressReport.objects.filter(reported | due_unreported, task__status=PublicStatus.PUBLISHED)


def reports_on_time(start: date, end: date) -> dict[int, IndicatorValue]:
    """Per lead unit: reports made by their due date / reports made in the period plus those past
    their due date unmade (late); periods not yet due are pending. One aggregate query."""
    due = Q(reported_on__isnull=False) | Q(due_date__lt=timezone.localdate())
    return on_time_by_unit(
        _period_reports(start, end), on_time=Q(reported_on__lte=F("due_date")), due=due, unit_field="task__unit"
    )


def late_reports(unit_id: int, start: date, end: date) -> list[DrillRow]:
    today = timezone.localdate()
    late = Q(reported_on__gt=F("due_date")) | Q(reported_on__isnull=True, due_date__lt=today)
    reports = (
        _period_reports(start, end)
        .filter(late, task__unit=unit_id)
        .select_related("task__unit")
        .order_by("due_date")[:DRILL_LIMIT]
    )
    return [
        DrillRow(
            title=str(report),
            rule=str(RULE_REPORT),
            unit=report.task.unit.name,
            admin_url=reverse("admin:administration_progressreport_change", args=[report.pk]),
            due_on=report.due_date,
            done_on=report.reported_on,
            note=str(_("尚未报送")) if report.reported_on is None else "",
        )
        for report in reports
    ]


def register_tasks_deadlines() -> None:
    register_rule(
        DeadlineRule(
            code=REPORT_OVERDUE,
            title=RULE_REPORT,
            overdue=report_overdue,
            due_field="due_date",
            unit_field="task__unit_id",
            open_deadlines=awaiting_report,
            recompute_due_dates=recompute_report_due,
        )
    )
    register_rule(
        DeadlineRule(
            code=TASK_OVERDUE,
            title=_("重点任务和民生实事逾期未完成（计划完成时间）"),
            overdue=task_overdue,
            due_field="planned_completion",
        )
    )
    register_indicator(
        Indicator(
            code=REPORTS_ON_TIME,
            title=_("重点任务和民生实事进展按期报送率"),
            short_title=_("进展按期"),
            target="100%",
            compute=reports_on_time,
            offending=late_reports,
        )
    )
