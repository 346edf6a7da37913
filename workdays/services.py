"""Edits to the working-day calendar. Every edit reloads the calendar and recomputes due dates."""

import logging

from django.db import transaction

from lushan_portal.cache import cache_available
from workdays.calendar import calendar_changed
from workdays.models import CalendarDay, CalendarYear

logger = logging.getLogger(__name__)


def _after_calendar_edit() -> None:
    from compliance.tasks import recompute_due_dates

    calendar_changed()
    if cache_available():
        recompute_due_dates.delay()
    else:  # Redis (also the broker) is down: queuing would block, then fail; recompute here instead
        logger.warning("Redis unavailable: recomputing due dates in this process.")
        recompute_due_dates()


@transaction.atomic
def calendar_day_save(*, day: CalendarDay) -> CalendarDay:
    day.full_clean()
    day.save()
    transaction.on_commit(_after_calendar_edit)
    return day


@transaction.atomic
def calendar_day_delete(*, day: CalendarDay) -> None:
    day.delete()
    transaction.on_commit(_after_calendar_edit)


@transaction.atomic
def calendar_year_save(*, year: CalendarYear) -> CalendarYear:
    year.full_clean()
    year.save()
    transaction.on_commit(_after_calendar_edit)
    return year
