"""The numbers of 互动交流, in one place (rules.md §10). Each area has its own section; numbers
local rules may change are settings (lushan_portal/settings.py), read here and nowhere else."""

from datetime import date, datetime, timedelta

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


# Proposals
# 人大代表建议 and 政协委员提案 assigned (交办) to the county government's units. Working days come
# from the holiday calendar; months are calendar months, the day of assignment not counted: assigned
# on 31 March, the reply is due on 30 June (no 31 June: the month's last day), and a reply on the due
# day is on time; overdue from the day after.


def reassignment_working_days() -> int:
    return settings.PROPOSAL_REASSIGNMENT_WORKING_DAYS


def reassignment_due(assigned_on: date) -> date:
    """Last day for a unit that is not responsible to ask for reassignment (it never passes it on)."""
    return add_working_days(assigned_on, settings.PROPOSAL_REASSIGNMENT_WORKING_DAYS)


def co_opinion_due(assigned_on: date) -> date:
    """Last day for a co-unit (协办) to send its opinion to the lead unit (主办)."""
    return add_months(assigned_on, settings.PROPOSAL_CO_OPINION_MONTHS)


def proposal_reply_due(assigned_on: date) -> date:
    return add_months(assigned_on, settings.PROPOSAL_REPLY_MONTHS)


def reply_latest_due(assigned_on: date) -> date:
    """The furthest an approved extension may move the reply (complex cases)."""
    return add_months(assigned_on, settings.PROPOSAL_REPLY_MAX_MONTHS)


def new_reply_due(dissatisfied_on: date) -> date:
    """A proposer not satisfied with the reply gets a new one within this."""
    return add_months(dissatisfied_on, settings.PROPOSAL_NEW_REPLY_MONTHS)


def is_late(done_on: date | None, due: date, today: date) -> bool:
    """Done after the last day, or still undone after it."""
    return (done_on or today) > due


# Responses to public concern
# 国办发〔2016〕61号 and its 实施细则: clocks in hours from when the concern was first seen, not in
# working days (nights and holidays count). Times are stored in UTC and shown in the county's time
# (Asia/Shanghai, no daylight saving): first seen at 22:00, the 5-hour deadline is 03:00 next day.
# A response at the deadline's minute is on time.


def emergency_info_due(first_seen_at: datetime) -> datetime:
    """A major emergency (重大突发事件): authoritative information by then."""
    return first_seen_at + timedelta(hours=settings.RESPONSE_EMERGENCY_INFO_HOURS)


def emergency_press_due(first_seen_at: datetime) -> datetime:
    """A major emergency: a press conference by then."""
    return first_seen_at + timedelta(hours=settings.RESPONSE_EMERGENCY_PRESS_HOURS)


def general_response_due(first_seen_at: datetime) -> datetime:
    """Other concern (一般舆情): a response by then."""
    return first_seen_at + timedelta(hours=settings.RESPONSE_GENERAL_HOURS)


def within(done_at: datetime | None, due: datetime) -> bool:
    return done_at is not None and done_at <= due
