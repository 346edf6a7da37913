"""Dashboard periods: a month (2025-10), a quarter (2025-Q3), a half year (2025-H2) or a year (2025)."""

import calendar
import re
from dataclasses import dataclass
from datetime import date

from django.utils import timezone


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


def parse_period(raw: str | None) -> Period:
    """The period named by ``raw``; this year when absent or unreadable."""
    raw = (raw or "").strip().upper()
    today = timezone.localdate()
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})", raw):
        year, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12 and 2000 <= year <= 2100:
            return _month(year, month)
    if match := re.fullmatch(r"(\d{4})-Q([1-4])", raw):
        year, quarter = int(match.group(1)), int(match.group(2))
        first, last = _month(year, 3 * quarter - 2), _month(year, 3 * quarter)
        return Period(f"{year}-Q{quarter}", f"{year}年第{quarter}季度", first.start, last.end)
    if match := re.fullmatch(r"(\d{4})-H([12])", raw):
        year, half = int(match.group(1)), int(match.group(2))
        start, end = (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), date(year, 12, 31))
        return Period(f"{year}-H{half}", f"{year}年{'上' if half == 1 else '下'}半年", start, end)
    year = int(raw) if re.fullmatch(r"\d{4}", raw) and 2000 <= int(raw) <= 2100 else today.year
    return Period(str(year), f"{year}年", date(year, 1, 1), date(year, 12, 31))


def months_of(year: int) -> list[Period]:
    return [_month(year, month) for month in range(1, 13)]


def period_choices(year: int) -> list[tuple[str, str]]:
    choices = [(str(year), f"{year}年"), (f"{year}-H1", f"{year}年上半年"), (f"{year}-H2", f"{year}年下半年")]
    choices += [(f"{year}-Q{q}", f"{year}年第{q}季度") for q in range(1, 5)]
    choices += [(p.key, p.label) for p in months_of(year)]
    return choices
