"""Edits to the working-day calendar. Every edit reloads the calendar and recomputes due dates."""

from django.db import transaction

from workdays.calendar import calendar_changed
from workdays.models import CalendarDay, CalendarYear


def _after_calendar_edit() -> None:
    from compliance.tasks import recompute_due_dates

    calendar_changed()
    recompute_due_dates.delay()


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
