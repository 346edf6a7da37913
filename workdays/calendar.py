"""Working-day arithmetic (rules.md §7).

A working day is Monday-Friday that is not a statutory holiday, plus a weekend day made
a working day by 调休. The day of the triggering event is not counted. Each year's data
comes from the CalendarDay table; a year without data falls back to Monday-Friday and
says so. Years are loaded once per process and reloaded when the calendar changes
(a version number in the shared cache, checked at most every few seconds). While the
cache is unavailable the version cannot be seen, so each check reads the database again.
"""

import logging
import time
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.cache import cache

from lushan_portal import pagecache
from lushan_portal.cache import cache_available

logger = logging.getLogger(__name__)

VERSION_KEY = "workdays:calendar-version"
VERSION_CHECK_SECONDS = 5.0
SATURDAY = 5


@dataclass(frozen=True)
class YearCalendar:
    year: int
    has_data: bool
    holidays: dict[date, str] = field(default_factory=dict)
    makeup_workdays: dict[date, str] = field(default_factory=dict)


@dataclass(frozen=True)
class DueDateExplanation:
    start: date
    working_days: int
    due: date
    holidays_skipped: list[tuple[date, str]]
    makeup_days_used: list[tuple[date, str]]
    years_without_data: list[int]

    @property
    def uses_fallback(self) -> bool:
        return bool(self.years_without_data)


class _Store:
    def __init__(self) -> None:
        self.years: dict[int, YearCalendar] = {}
        self.version: object = None
        self.checked_at = 0.0
        self.warned_years: set[int] = set()

    def clear(self) -> None:
        self.years.clear()
        self.checked_at = 0.0


_store = _Store()


def _refresh_if_changed() -> None:
    now = time.monotonic()
    if now - _store.checked_at < VERSION_CHECK_SECONDS:
        return
    version = cache.get(VERSION_KEY)
    if not cache_available():
        version = object()  # unknown: never equal to what was loaded
    if version != _store.version:
        _store.years.clear()
        _store.version = version
    _store.checked_at = now


def _load_year(year: int) -> YearCalendar:
    from workdays.models import CalendarDay, CalendarYear, DayKind

    has_data = CalendarYear.objects.filter(year=year, has_data=True).exists()
    holidays: dict[date, str] = {}
    makeup: dict[date, str] = {}
    for day, kind, name in CalendarDay.objects.filter(date__year=year).values_list("date", "kind", "name"):
        (holidays if kind == DayKind.HOLIDAY else makeup)[day] = name
    if not has_data and year not in _store.warned_years:
        _store.warned_years.add(year)
        logger.warning("No holiday data for %s: counting Monday to Friday only.", year)
    return YearCalendar(year=year, has_data=has_data, holidays=holidays, makeup_workdays=makeup)


def loaded_version() -> str:
    """The calendar version this process's copy follows (checked as often as the calendar is read);
    part of every cached page's key (lushan_portal.pagecache)."""
    _refresh_if_changed()
    return str(_store.version)


def year_calendar(year: int) -> YearCalendar:
    _refresh_if_changed()
    loaded = _store.years.get(year)
    if loaded is None:
        loaded = _store.years[year] = _load_year(year)
    return loaded


def calendar_changed() -> None:
    """Call after editing the calendar: every process reloads within a few seconds."""
    _store.clear()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, timeout=None)
    _store.version = cache.get(VERSION_KEY)
    pagecache.bump_all()  # due dates and working-day explanations show on public pages


def forget_loaded_years() -> None:
    """Drop this process's copy (tests, after a rollback)."""
    _store.clear()
    _store.version = None


def has_holiday_data(year: int) -> bool:
    return year_calendar(year).has_data


def is_working_day(day: date) -> bool:
    calendar = year_calendar(day.year)
    if day in calendar.makeup_workdays:
        return True
    if day in calendar.holidays:
        return False
    return day.weekday() < SATURDAY


def add_working_days(start: date, days: int) -> date:
    """The ``days``-th working day after ``start`` (``start`` itself is not counted)."""
    if days < 0:
        raise ValueError("days must not be negative")
    current, counted = start, 0
    while counted < days:
        current += timedelta(days=1)
        if is_working_day(current):
            counted += 1
    return current


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (negative if end < start)."""
    if end < start:
        return -working_days_between(end, start)
    return sum(1 for offset in range(1, (end - start).days + 1) if is_working_day(start + timedelta(days=offset)))


def years_without_data(start: date, end: date) -> list[int]:
    return [year for year in range(start.year, end.year + 1) if not has_holiday_data(year)]


def explain_due_date(start: date, days: int) -> DueDateExplanation:
    """The due date with what its count skipped (holidays) and used (make-up working days)."""
    due = add_working_days(start, days)
    skipped: list[tuple[date, str]] = []
    used: list[tuple[date, str]] = []
    for offset in range(1, (due - start).days + 1):
        day = start + timedelta(days=offset)
        calendar = year_calendar(day.year)
        if day in calendar.makeup_workdays:
            used.append((day, calendar.makeup_workdays[day]))
        elif day in calendar.holidays and day.weekday() < SATURDAY:
            skipped.append((day, calendar.holidays[day]))
    return DueDateExplanation(
        start=start,
        working_days=days,
        due=due,
        holidays_skipped=skipped,
        makeup_days_used=used,
        years_without_data=years_without_data(start, due),
    )


def add_months(start: date, months: int) -> date:
    """The same day ``months`` calendar months after ``start``; the month's last day when it has no
    such day (03-31 + 3 months → 06-30, 08-31 + 6 months → 02-28). Periods in months (a lawsuit's
    6 months, the mailbox's 3-month red line) end on this day whether or not it is a working day."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    next_month_first = date(year + month // 12, month % 12 + 1, 1)
    last_of_month = (next_month_first - timedelta(days=1)).day
    return date(year, month, min(start.day, last_of_month))
