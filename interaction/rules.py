"""The numbers of 互动交流, in one place (rules.md §10). Each area has its own section."""

from datetime import date

from django.conf import settings

from workdays import add_months, add_working_days, working_days_between

# ---------------------------------------------------------------------------------------------------
# Mailbox (县长信箱, 部门信箱, 咨询留言): seed §2(二) 首问负责, 国办发〔2017〕47号, 国办秘函〔2019〕19号.
# ---------------------------------------------------------------------------------------------------
# The unit that receives a message accepts it or refers it to the responsible unit within
# ACCEPT_WORKING_DAYS working days of receiving it (a referred message: of the referral). The day of
# receipt is not counted (workdays).
ACCEPT_WORKING_DAYS = 2
# The national inspection's red line: a valid message unanswered for more than RED_LINE_MONTHS
# calendar months (single veto, 互动回应差). Counted from the day of receipt, whoever holds it.
RED_LINE_MONTHS = 3
# Public form limits. Letters are slower to write than comments: 3 per client per hour (shared cache);
# the status page allows 10 look-ups per client per 10 minutes, as for disclosure applications.
MAX_SUBJECT_LENGTH = 100
MAX_BODY_LENGTH = 3000
MAX_NAME_LENGTH = 50
MAX_CONTACT_LENGTH = 100
MAX_REASON_LENGTH = 1000
LETTERS_PER_WINDOW = 3
LETTER_WINDOW_SECONDS = 3600
STATUS_LOOKUPS_PER_WINDOW = 10
STATUS_WINDOW_SECONDS = 600
# The writer's name and contact are erased this many days after the message is closed.
CONTACT_RETENTION_DAYS = 365
# A dissatisfied rating reopens the message this many times at most (then it stays answered).
REOPENINGS_ALLOWED = 1
# The mailbox page: the months of statistics shown (its letters page like every list, 20 a page).
STATISTICS_MONTHS = 12


def reply_working_days() -> int:
    """Reply due this many working days after acceptance (local rules differ: a setting)."""
    return settings.MAILBOX_REPLY_WORKING_DAYS


def extension_working_days() -> int:
    """A complex case's one extension adds this many working days (a setting)."""
    return settings.MAILBOX_EXTENSION_WORKING_DAYS


def accept_due(assigned_on: date) -> date:
    """Last day to accept or refer a message the unit received (or had referred to it) on ``assigned_on``."""
    return add_working_days(assigned_on, ACCEPT_WORKING_DAYS)


def reply_due(started_on: date, *, extended: bool = False) -> date:
    """Last day to reply: counted from acceptance (or the reopening after a dissatisfied rating)."""
    days = reply_working_days() + (extension_working_days() if extended else 0)
    return add_working_days(started_on, days)


def red_line_on(received_on: date) -> date:
    """The last day a message may stay unanswered; answered after it (or still open) is a finding."""
    return add_months(received_on, RED_LINE_MONTHS)


def past_red_line(received_on: date, answered_on: date | None, today: date) -> bool:
    limit = red_line_on(received_on)
    return (answered_on or today) > limit


def working_days_to_answer(received_on: date, answered_on: date) -> int:
    """What the statistics average: working days from receipt to the first reply."""
    return working_days_between(received_on, answered_on)


def is_overdue(due: date | None, today: date) -> bool:
    """Overdue from the day after the last day; acting on the last day is on time."""
    return due is not None and today > due
