"""管理服务公开: the numbers in one place, and the pure arithmetic on them.

Each area has its section; settings that local rules may change are read here only.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings

from workdays import add_working_days

# Profiles --------------------------------------------------------------------------------
# A unit profile (机构概况, Regulations Art 20(二)) has no deadline of its own: a new version is
# published when the county publishes the unit's functions, bodies or leaders anew.

# Power lists -----------------------------------------------------------------------------
# Seed §3(二): 权责清单 kept public "with dynamic adjustment". Local rule (issue 18): a unit updates
# its list within POWER_BASIS_UPDATE_WORKING_DAYS working days (default 20, the setting
# POWER_LIST_UPDATE_WORKING_DAYS) after a document its list cites as legal basis ends (repealed or
# expired). Ended on day D: updating on add_working_days(D, N) is on time, the working day after is late.
CHANGES_SHOWN_DAYS = 365  # the public page lists the adjustments of the last year


def basis_update_working_days() -> int:
    return settings.POWER_LIST_UPDATE_WORKING_DAYS


def basis_update_due(ended_on: date) -> date:
    """The last day to publish the adjusted list after its basis ended on ``ended_on``."""
    return add_working_days(ended_on, basis_update_working_days())


def updated_on_time(ended_on: date, updated_on: date) -> bool:
    return updated_on <= basis_update_due(ended_on)


def changes_since(today: date) -> date:
    """The first day of the "changes of the last year" on the public page."""
    return today - timedelta(days=CHANGES_SHOWN_DAYS)


# Guides
# The key elements the national website inspection checks in a 办事指南 (国办秘函〔2019〕19号,
# rules.md §11): a published guide missing one fails the whole site (服务不实用, single veto).
INSPECTION_ELEMENTS = ("事项名称", "设定依据", "申请条件", "办理材料", "办理地点", "办理时间", "联系电话", "办理流程")
# The other elements the seed's 一次告知 asks for (§3(二): "事前准备一目了然"): a guide is published
# only with these as well.
OTHER_ELEMENTS = ("办理时限", "收费", "监督电话", "结果送达")
REQUIRED_ELEMENTS = (*INSPECTION_ELEMENTS, *OTHER_ELEMENTS)
# The printed guide goes on one A4 page (portrait); the QR code links its page.
PRINT_PAGE = "A4"
MAX_LIMIT_WORKING_DAYS = 365  # a 办理时限 above this is a typing error, not a time limit


# Tasks
# A progress report on a 政府工作报告 task or 民生实事 project covers one reporting period
# (settings.WORK_TASK_REPORT_MONTHS months, quarterly by default) and is due this many working
# days after the period's last day (the day itself not counted): Q3 2025 ends on 30 September,
# National Day runs 1–8 October and Saturday 11 October is worked (调休), so the report is due on
# Tuesday 21 October. The daily scan raises the alert from the day after.
REPORT_WORKING_DAYS = 10
PERCENT_MAX = 100


@dataclass(frozen=True)
class ReportPeriod:
    start: date
    end: date

    @property
    def due(self) -> date:
        return report_due(self.end)

    @property
    def label(self) -> str:
        months = report_months()
        if months == 12:
            return f"{self.start.year}年"
        if months == 3:
            return f"{self.start.year}年第{(self.start.month - 1) // 3 + 1}季度"
        if months == 6:
            return f"{self.start.year}年{'上' if self.start.month == 1 else '下'}半年"
        if months == 1:
            return f"{self.start.year}年{self.start.month}月"
        return f"{self.start.year}年{self.start.month}–{self.end.month}月"


def report_months() -> int:
    return settings.WORK_TASK_REPORT_MONTHS


def report_due(period_end: date) -> date:
    return add_working_days(period_end, REPORT_WORKING_DAYS)


def period_of(day: date) -> ReportPeriod:
    """The reporting period holding ``day``."""
    months = report_months()
    first_month = (day.month - 1) // months * months + 1
    start = date(day.year, first_month, 1)
    next_month = first_month + months
    following = date(day.year + 1, 1, 1) if next_month > 12 else date(day.year, next_month, 1)
    return ReportPeriod(start, following - timedelta(days=1))


def periods_between(first: date, last: date) -> list[ReportPeriod]:
    """Every period from the one holding ``first`` to the one holding ``last``, in order."""
    periods, period = [], period_of(first)
    while period.start <= last:
        periods.append(period)
        period = period_of(period.end + timedelta(days=1))
    return periods


def is_overdue(due: date, today: date) -> bool:
    """Overdue from the day after the last day; reporting on the last day is on time."""
    return today > due


# Rectification
# The deadline of a rectification is the one the 督查 or 审计 finding sets (a date, entered as
# written): rectified on the deadline is on time; the alert is raised from the day after. The
# completion report is public when the rectification is done (seed §3(三)).
RECTIFICATION_SOURCES = ("督查", "审计")
