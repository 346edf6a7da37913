"""Public pages of 执行和结果公开: /tasks/<year>/ (the year's 政府工作报告 tasks and 民生实事 with each
one's state and reports) and /rectifications/ (督查 and 审计 findings and their rectification)."""

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone

from administration.models import TaskKind
from administration.tasks_selectors import (
    TaskState,
    public_rectifications,
    public_tasks,
    rectification_years,
    task_state,
    task_years,
)
from lushan_portal.links import record_url
from lushan_portal.masking import scrub_text
from lushan_portal.pagecache import cached_page

SECTION = "results"
FIRST_YEAR, LAST_YEAR = 2000, 2100  # a year outside is a typing error: 404


@cached_page(SECTION)
def tasks_index(request: HttpRequest) -> HttpResponse:
    """The newest year with published tasks, else this year (which then says there are none)."""
    years = task_years()
    return HttpResponseRedirect(record_url("administration:tasks", years[0] if years else timezone.localdate().year))


@cached_page(SECTION)
def tasks_year(request: HttpRequest, year: int) -> HttpResponse:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404("year out of range")
    today = timezone.localdate()
    tasks = list(public_tasks(year))
    for task in tasks:
        task.state = task_state(task, today)
        task.late = task.state == TaskState.LATE
        for report in task.public_reports:
            report.text_shown = scrub_text(report.text)
        task.latest = task.public_reports[-1] if task.public_reports else None
        task.target_shown = scrub_text(task.target)
    groups = [(label, [t for t in tasks if t.kind == value]) for value, label in TaskKind.choices]
    context = {"year": year, "groups": groups, "years": task_years(), "today": today}
    return render(request, "administration/tasks.html", context)


@cached_page(SECTION)
def rectifications(request: HttpRequest) -> HttpResponse:
    wanted = request.GET.get("year", "")
    year = int(wanted) if wanted.isdigit() and FIRST_YEAR <= int(wanted) <= LAST_YEAR else None
    if wanted and year is None:
        raise Http404("year out of range")
    today = timezone.localdate()
    rows = list(public_rectifications(year))
    for row in rows:
        row.finding_shown = scrub_text(row.finding)
        row.measures_shown = scrub_text(row.measures)
        row.report_shown = scrub_text(row.completion_report) if row.completion_published_at else ""
        if row.completed_on is None:
            row.late = today > row.deadline
        else:
            row.late = row.completed_on > row.deadline
    context = {"rows": rows, "year": year, "years": rectification_years(), "today": today}
    return render(request, "administration/rectifications.html", context)
