"""The annual report's dates (seed §5(三), Regulations Art 50; rules.md §3).

A report covers a calendar year and is due early the next year: each unit's by 15 January (the
county's own plan), the county government's by ``ANNUAL_REPORT_COUNTY_DUE`` (default 31 January;
the Regulations allow until 31 March). Reminders start on 5 January. Dates, not working days: the
plan names calendar days, so a due date on a holiday stays where it is.
"""

from datetime import date

from django.conf import settings

UNIT_DUE = (1, 15)
REMINDER_FROM = (1, 5)


def report_due(year: int, *, county: bool) -> date:
    """Last day to publish the report on ``year``."""
    month, day = settings.ANNUAL_REPORT_COUNTY_DUE if county else UNIT_DUE
    return date(year + 1, month, day)


def reminder_from(year: int) -> date:
    return date(year + 1, *REMINDER_FROM)


def report_year(today: date) -> int:
    """The year whose report is due in ``today``'s year: last year's."""
    return today.year - 1


def tracked(year: int) -> bool:
    """Reports on years before ANNUAL_REPORT_FIRST_YEAR were published before the portal: not chased."""
    return year >= settings.ANNUAL_REPORT_FIRST_YEAR


def in_reminder_window(today: date, *, county: bool) -> bool:
    year = report_year(today)
    return tracked(year) and reminder_from(year) <= today <= report_due(year, county=county)


def is_overdue(today: date, *, county: bool) -> bool:
    year = report_year(today)
    return tracked(year) and today > report_due(year, county=county)
