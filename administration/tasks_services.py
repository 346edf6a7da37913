"""政府工作报告 tasks and 民生实事: publish a task (its reporting periods open), report progress, publish
a report, withdraw with a reason. Every write path calls these."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from administration import rules
from administration.access import require_writer, withdraw_published
from administration.models import ProgressReport, PublicStatus, WorkTask
from publication_review.services import require_review

ERROR_NOT_WRITER = "只有牵头单位的工作人员可以编辑、报送或发布本单位的任务和进展。"
ERROR_NOT_DRAFT = "已发布或已撤回的任务不能修改；确需修改的，请撤回后重新录入。"
ERROR_WITHDRAWN = "已撤回的记录不能再发布。"
ERROR_TASK_NOT_PUBLISHED = "任务发布后才能报送进展。"
ERROR_REPORT_PUBLISHED = "已发布的进展报告不能修改；确需修改的，请撤回后重新报送。"
ERROR_PERCENT = "请填写 0–100 之间的完成进度。"
ERROR_TEXT = "请填写进展情况。"
ERROR_NOT_REPORTED = "尚未报送的进展不能发布。"
ERROR_PERIOD_NOT_STARTED = "报告期尚未开始，不能报送。"


def _require_writer(by: AbstractBaseUser | None, unit_id: int) -> None:
    require_writer(by, unit_id, ERROR_NOT_WRITER)


@transaction.atomic
def task_save(*, task: WorkTask, by: AbstractBaseUser | None = None) -> WorkTask:
    _require_writer(by, task.unit_id)
    if task.pk is not None:
        stored = WorkTask.objects.select_for_update().get(pk=task.pk)
        if stored.status != PublicStatus.DRAFT:
            raise ValidationError(_(ERROR_NOT_DRAFT))
        _require_writer(by, stored.unit_id)
    elif by is not None:
        task.created_by = by
    task.full_clean()
    task.save()
    return task


def open_report_periods(task: WorkTask, *, today: date) -> int:
    """Create the task's reporting periods from the one holding ``today`` (reports are expected from
    when the task is public, never for periods before it) to the one holding its planned completion.
    Idempotent; returns how many were created."""
    periods = rules.periods_between(today, task.planned_completion)
    existing = set(task.reports.values_list("period_end", flat=True))
    rows = [
        ProgressReport(task=task, period_start=p.start, period_end=p.end, due_date=p.due)
        for p in periods
        if p.end not in existing
    ]
    ProgressReport.objects.bulk_create(rows)
    return len(rows)


@transaction.atomic
def task_publish(*, task: WorkTask, by: AbstractBaseUser | None = None) -> WorkTask:
    task = WorkTask.objects.select_for_update().get(pk=task.pk)
    _require_writer(by, task.unit_id)
    if task.status == PublicStatus.WITHDRAWN:
        raise ValidationError(_(ERROR_WITHDRAWN))
    if task.status == PublicStatus.PUBLISHED:
        return task
    require_review(task, by=by)
    task.status = PublicStatus.PUBLISHED
    task.published_at = timezone.now()
    task.save(update_fields=["status", "published_at"])
    open_report_periods(task, today=timezone.localdate())
    return task


@transaction.atomic
def task_withdraw(*, task: WorkTask, reason: str, by: AbstractBaseUser | None = None) -> WorkTask:
    """Off the public pages with the reason (access.withdraw_published). Its unreported periods close."""
    record = withdraw_published(WorkTask, pk=task.pk, reason=reason, by=by, unit_field="unit", message=ERROR_NOT_WRITER)
    record.reports.filter(reported_on__isnull=True).delete()  # no more periods expected
    return record


@transaction.atomic
def report_submit(
    *,
    report: ProgressReport,
    percent: int | None,
    text: str,
    completes_task: bool = False,
    by: AbstractBaseUser | None = None,
) -> ProgressReport:
    """Fill a period's report (dated today, the county's date). A report that completes the task
    records the completion and closes the later periods."""
    stored = ProgressReport.objects.select_for_update().select_related("task").get(pk=report.pk)
    task = stored.task
    _require_writer(by, task.unit_id)
    if task.status != PublicStatus.PUBLISHED:
        raise ValidationError(_(ERROR_TASK_NOT_PUBLISHED))
    if stored.status == PublicStatus.PUBLISHED:
        raise ValidationError(_(ERROR_REPORT_PUBLISHED))
    today = timezone.localdate()
    if stored.period_start > today:
        raise ValidationError(_(ERROR_PERIOD_NOT_STARTED))
    if completes_task:
        percent = rules.PERCENT_MAX if percent is None else percent
    if percent is None or not 0 <= percent <= rules.PERCENT_MAX:
        raise ValidationError({"percent": _(ERROR_PERCENT)})
    if not text.strip():
        raise ValidationError({"text": _(ERROR_TEXT)})
    stored.percent, stored.text, stored.completes_task = percent, text.strip(), completes_task
    # A report withdrawn and made again keeps its first date (timeliness) and goes back to review;
    # the withdrawn text stays in the history.
    stored.reported_on = stored.reported_on or today
    stored.status = PublicStatus.DRAFT
    if by is not None:
        stored.created_by = by
    stored.save()
    if completes_task:
        WorkTask.objects.filter(pk=task.pk).update(completed_on=stored.reported_on)
        task.reports.filter(reported_on__isnull=True, period_start__gt=stored.period_end).delete()
    return stored


@transaction.atomic
def report_publish(*, report: ProgressReport, by: AbstractBaseUser | None = None) -> ProgressReport:
    report = ProgressReport.objects.select_for_update().select_related("task").get(pk=report.pk)
    _require_writer(by, report.task.unit_id)
    if report.status == PublicStatus.WITHDRAWN:
        raise ValidationError(_(ERROR_WITHDRAWN))
    if report.status == PublicStatus.PUBLISHED:
        return report
    if report.reported_on is None:
        raise ValidationError(_(ERROR_NOT_REPORTED))
    require_review(report, by=by, unit_field="task__unit")
    report.status = PublicStatus.PUBLISHED
    report.published_at = timezone.now()
    report.save(update_fields=["status", "published_at"])
    return report


@transaction.atomic
def report_withdraw(*, report: ProgressReport, reason: str, by: AbstractBaseUser | None = None) -> ProgressReport:
    """Off the public pages with the reason (access.withdraw_published)."""
    record = withdraw_published(
        ProgressReport, pk=report.pk, reason=reason, by=by, unit_field="task__unit", message=ERROR_NOT_WRITER
    )
    return record
