"""Dashboard periods: a month (2025-10), a quarter (2025-Q3), a half year (2025-H2) or a year (2025)."""

import calendar
import re
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from lushan_portal.filters import MAX_YEAR, MIN_YEAR, valid_year, year_error


@dataclass(frozen=True)
class Period:
    key: str
    label: str
    start: date
    end: date

    @property
    def ongoing(self) -> bool:
        return self.end >= timezone.localdate()


def _month(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(f"{year}-{month:02d}", f"{year}年{month}月", date(year, month, 1), date(year, month, last))


class PeriodError(ValueError):
    """A period or year parameter the dashboard cannot read: the view answers 400 with it."""


ERROR_PERIOD = (
    "参数 %(name)s（统计期间）须为年份（2026）、半年（2026-H1）、季度（2026-Q1）或月份（2026-01），"
    "年份在 %(min)d 至 %(max)d 之间。"
)


def parse_period(raw: str | None, *, name: str = "period") -> Period:
    """The period named by ``raw``; this year when absent. Unreadable: ``PeriodError``."""
    raw = (raw or "").strip().upper()
    if not raw:
        year = timezone.localdate().year
        return Period(str(year), f"{year}年", date(year, 1, 1), date(year, 12, 31))
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})|-Q([1-4])|-H([12]))?", raw)
    if match is None or not valid_year(int(match.group(1))) or not 1 <= int(match.group(2) or 1) <= 12:
        raise PeriodError(ERROR_PERIOD % {"name": name, "min": MIN_YEAR, "max": MAX_YEAR})
    year, month, quarter, half = int(match.group(1)), match.group(2), match.group(3), match.group(4)
    if month:
        return _month(year, int(month))
    if quarter:
        first, last = _month(year, 3 * int(quarter) - 2), _month(year, 3 * int(quarter))
        return Period(f"{year}-Q{quarter}", f"{year}年第{quarter}季度", first.start, last.end)
    if half:
        start, end = (date(year, 1, 1), date(year, 6, 30)) if half == "1" else (date(year, 7, 1), date(year, 12, 31))
        return Period(f"{year}-H{half}", f"{year}年{'上' if half == '1' else '下'}半年", start, end)
    return Period(str(year), f"{year}年", date(year, 1, 1), date(year, 12, 31))


def parse_year(raw: str | None, *, name: str = "year") -> int:
    """A year parameter (the trend's ``?year=``); this year when absent. Unreadable: ``PeriodError``."""
    raw = (raw or "").strip()
    if not raw:
        return timezone.localdate().year
    if not re.fullmatch(r"\d{4}", raw) or not valid_year(int(raw)):
        raise PeriodError(year_error(name))
    return int(raw)


def months_of(year: int) -> list[Period]:
    return [_month(year, month) for month in range(1, 13)]


def months_between(start: date, end: date) -> list[Period]:
    """The months from ``start``'s to ``end``'s, oldest first."""
    months, (year, month) = [], (start.year, start.month)
    while (year, month) <= (end.year, end.month):
        months.append(_month(year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def period_choices(year: int) -> list[tuple[str, str]]:
    choices = [(str(year), f"{year}年"), (f"{year}-H1", f"{year}年上半年"), (f"{year}-H2", f"{year}年下半年")]
    choices += [(f"{year}-Q{q}", f"{year}年第{q}季度") for q in range(1, 5)]
    choices += [(p.key, p.label) for p in months_of(year)]
    return choices
