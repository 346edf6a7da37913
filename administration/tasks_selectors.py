"""Reads of tasks, progress reports and rectifications for the public pages and the API. Public free
text (progress, findings, measures, completion reports) passes lushan_portal.masking on the way out."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from administration.models import ProgressReport, PublicStatus, Rectification, WorkTask


class TaskState:
    DONE = _("已完成")
    LATE = _("逾期未完成")
    RUNNING = _("推进中")


def published_reports() -> QuerySet:
    return ProgressReport.objects.filter(status=PublicStatus.PUBLISHED).order_by("period_end")


def public_tasks(year: int | None = None) -> QuerySet:
    """Published tasks with their unit and their published reports (two queries)."""
    tasks = (
        WorkTask.objects.filter(status=PublicStatus.PUBLISHED)
        .select_related("unit")
        .prefetch_related(Prefetch("reports", queryset=published_reports(), to_attr="public_reports"))
    )
    if year is not None:
        tasks = tasks.filter(year=year)
    return tasks.order_by("kind", "number", "pk")


def task_state(task: WorkTask, today: date) -> str:
    if task.completed_on is not None:
        return TaskState.DONE
    if today > task.planned_completion:
        return TaskState.LATE
    return TaskState.RUNNING


def task_years() -> list[int]:
    """Years with a published task, newest first (one query)."""
    years = WorkTask.objects.filter(status=PublicStatus.PUBLISHED).order_by("-year").values_list("year", flat=True)
    return list(years.distinct())


@dataclass(frozen=True)
class RectificationCounts:
    total: int
    done: int
    late: int


def public_rectifications(year: int | None = None) -> QuerySet:
    """Published rectifications (by the year of their deadline), with the unit (one query)."""
    rows = Rectification.objects.filter(status=PublicStatus.PUBLISHED).select_related("unit")
    if year is not None:
        rows = rows.filter(deadline__year=year)
    return rows.order_by("-deadline", "pk")


def rectification_years() -> list[int]:
    rows = Rectification.objects.filter(status=PublicStatus.PUBLISHED).dates("deadline", "year", order="DESC")
    return [day.year for day in rows]
