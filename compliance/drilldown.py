"""A drill-down's lines: each DrillRow with how many working days it is overdue, and how that was counted."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from compliance.registry import DrillRow
from workdays import DueDateExplanation, explain_due_date, working_days_between

FESTIVAL_GAP_DAYS = 4  # weekdays of one festival are at most a weekend apart


@dataclass(frozen=True)
class Lateness:
    """Working days after the due date up to when it was done, or up to today while undone."""

    days: int
    until: date
    done: bool  # counted up to when it was done (late), not up to today
    explanation: DueDateExplanation

    @property
    def text(self) -> str:
        return _("逾期 %(n)d 个工作日") % {"n": self.days}

    @property
    def how(self) -> str:
        """How the days were counted, from the calendar's explanation: holidays skipped (grouped
        by festival), make-up working days counted, years counted Monday to Friday."""
        start = self.explanation.start
        day = _day_format(start, self.until)
        parts = [
            _("自截止日 %(start)s 次日起算至%(end)s %(until)s，周六、周日不计")
            % {
                "start": f"{start:%Y-%m-%d}",
                "end": _("完成之日") if self.done else _("今天"),
                "until": f"{self.until:%Y-%m-%d}",
            }
        ]
        if self.explanation.holidays_skipped:
            spans = "、".join(
                f"{name}（{day(first)}）" if first == last else f"{name}（{day(first)}至{day(last)}）"
                for name, first, last in _festivals(self.explanation.holidays_skipped)
            )
            parts.append(_("跳过法定节假日 %(spans)s") % {"spans": spans})
        if self.explanation.makeup_days_used:
            days = "、".join(f"{day(d)}（{name}）" for d, name in self.explanation.makeup_days_used)
            parts.append(_("计入调休上班日 %(days)s") % {"days": days})
        if self.explanation.uses_fallback:
            years = "、".join(str(y) for y in self.explanation.years_without_data)
            parts.append(_("%(years)s 年节假日安排尚未录入，暂按周一至周五计算") % {"years": years})
        return "；".join(parts) + "。"


def _day_format(start: date, until: date) -> Callable[[date], str]:
    if start.year == until.year:
        return lambda d: f"{d.month}月{d.day}日"
    return lambda d: f"{d.year}年{d.month}月{d.day}日"


def _festivals(days: list[tuple[date, str]]) -> list[tuple[str, date, date]]:
    """Holidays skipped, one span per festival: [(国庆节, 1 Oct, 7 Oct)]."""
    spans: list[tuple[str, date, date]] = []
    for day, name in days:
        if spans and spans[-1][0] == name and (day - spans[-1][2]).days <= FESTIVAL_GAP_DAYS:
            spans[-1] = (name, spans[-1][1], day)
        else:
            spans.append((name, day, day))
    return spans


def lateness(row: DrillRow, today: date) -> Lateness | None:
    """None when the row has no due date, or was done in time, or is not due yet."""
    if row.due_on is None:
        return None
    until = row.done_on or today
    if until <= row.due_on:
        return None
    days = working_days_between(row.due_on, until)
    return Lateness(days, until, row.done_on is not None, explain_due_date(row.due_on, days))


@dataclass(frozen=True)
class Line:
    row: DrillRow
    late: Lateness | None
    not_yet_due: bool

    @property
    def overdue_text(self) -> str:
        if self.late is not None:
            return self.late.text
        if self.not_yet_due:
            return _("尚未到期")
        return "—"


def drill_lines(rows: list[DrillRow], today: date) -> list[Line]:
    return [
        Line(row, lateness(row, today), row.due_on is not None and row.done_on is None and row.due_on >= today)
        for row in rows
    ]


def drill_table(lines: list[Line], absolute: Callable[[str], str]) -> list[list[str]]:
    """The drill-down as rows of text (CSV, xlsx, JSON): what the page shows."""
    header = ["记录", "规则", "单位", "截止日期", "逾期（工作日）", "计算说明", "情况", "管理后台链接"]
    table = [header]
    for line in lines:
        row = line.row
        table.append(
            [
                row.title,
                row.rule,
                row.unit,
                f"{row.due_on:%Y-%m-%d}" if row.due_on else "—",
                str(line.late.days) if line.late else line.overdue_text,
                line.late.how if line.late else "",
                row.note,
                absolute(row.admin_url),
            ]
        )
    return table
