"""Reads for the 网站自查 page: the latest run, the weekly trend, open findings per unit."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet, Sum

from inspection.models import Finding, Run

TREND_WEEKS = 12
FINDINGS_LIMIT = 500  # rows listed for one unit; the count says how many there are


@dataclass(frozen=True)
class WeekPoint:
    week: str  # 2026-W48
    day: date  # the week's last run
    passed: bool
    score: int
    findings: int


def latest_run() -> Run | None:
    return Run.objects.order_by("-day").first()


def weekly_trend(today: date, weeks: int = TREND_WEEKS) -> list[WeekPoint]:
    """Each week's last run over the last ``weeks`` weeks, oldest first. One query."""
    runs = Run.objects.filter(day__gt=today - timedelta(weeks=weeks)).order_by("day")
    by_week: dict[str, WeekPoint] = {}
    for run in runs.only("day", "passed", "score", "findings"):
        year, week, _weekday = run.day.isocalendar()
        key = f"{year}-W{week:02d}"
        by_week[key] = WeekPoint(key, run.day, run.passed, run.score, run.findings)
    return list(by_week.values())


def open_findings() -> QuerySet:
    return Finding.objects.filter(resolved_at=None)


def findings_by_unit(findings: QuerySet) -> list[dict]:
    """Per owner unit (None: county level): open findings, vetoes among them, points. One query."""
    rows = (
        findings.order_by()
        .values("unit", "unit__code", "unit__name", "unit__sort_order")
        .annotate(total=Count("pk"), vetoes=Count("pk", filter=Q(veto=True)), points=Sum("points"))
    )
    return sorted(
        rows, key=lambda r: (r["unit"] is not None, -r["vetoes"], -(r["points"] or 0), r["unit__sort_order"] or 0)
    )


def unit_findings(findings: QuerySet, unit_id: int | None) -> list[Finding]:
    """One unit's open findings (vetoes first), at most FINDINGS_LIMIT. One query."""
    rows = findings.filter(unit=unit_id) if unit_id is not None else findings.filter(unit__isnull=True)
    return list(rows.order_by("-veto", "-points", "kind", "pk")[:FINDINGS_LIMIT])
