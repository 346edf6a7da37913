"""Major-decision numbers in one place (国务院令第713号; seed §3(一)).

The comment window is at least 30 calendar days, counted inclusively on the county's
calendar: a window from 1 to 30 October is 30 days and closes at midnight after the 30th
(Asia/Shanghai). Hearing materials reach participants 7 days before. The unit is reminded
3 days before the close; the feedback report is due 15 working days after the close.
Stakeholders attend government meetings at least once every half year.
"""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from workdays import add_working_days

MIN_COMMENT_DAYS = 30
HEARING_MATERIALS_DAYS = 7
CLOSE_REMINDER_DAYS = 3
MAX_COMMENT_LENGTH = 2000
COMMENTS_PER_WINDOW = 5
RATE_WINDOW_SECONDS = 600


def feedback_working_days() -> int:
    return settings.DECISION_FEEDBACK_WORKING_DAYS


def window_days(opens_on: date, closes_on: date) -> int:
    return (closes_on - opens_on).days + 1


def last_day_before(stated: date) -> date:
    """ "11月28日前": comments are taken until the end of 27 November."""
    return stated - timedelta(days=1)


def is_short(opens_on: date, closes_on: date) -> bool:
    """Calendar days, inclusive: holidays inside the window count like any other day."""
    return window_days(opens_on, closes_on) < MIN_COMMENT_DAYS


def closing_moment(closes_on: date) -> datetime:
    """The first instant comments are no longer accepted: midnight after the last day, county time."""
    return timezone.make_aware(datetime.combine(closes_on + timedelta(days=1), time.min))


def opening_moment(opens_on: date) -> datetime:
    return timezone.make_aware(datetime.combine(opens_on, time.min))


def is_open(opens_on: date | None, closes_on: date | None, now: datetime | None = None) -> bool:
    if opens_on is None or closes_on is None:
        return False
    now = now or timezone.now()
    return opening_moment(opens_on) <= now < closing_moment(closes_on)


def days_left(closes_on: date, today: date | None = None) -> int:
    """Days still open counting today, on the county's calendar (1 on the last day)."""
    return (closes_on - (today or timezone.localdate())).days + 1


def feedback_due(closes_on: date) -> date:
    return add_working_days(closes_on, feedback_working_days())


def materials_in_time(materials_sent_on: date, held_on: date) -> bool:
    return (held_on - materials_sent_on).days >= HEARING_MATERIALS_DAYS


def half_year(day: date) -> tuple[date, date]:
    """The half year containing ``day``: 1 January-30 June or 1 July-31 December."""
    if day.month <= 6:
        return date(day.year, 1, 1), date(day.year, 6, 30)
    return date(day.year, 7, 1), date(day.year, 12, 31)
