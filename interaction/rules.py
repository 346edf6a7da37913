"""互动交流: the numbers in one place (rules.md §10). Local rules may change them: each is a
setting (lushan_portal/settings.py), read here and nowhere else."""

from calendar import monthrange
from datetime import date, datetime, timedelta

from django.conf import settings

from workdays.calendar import add_working_days

# Proposals
# 人大代表建议 and 政协委员提案 assigned (交办) to the county government's units. Working days come
# from the holiday calendar; months are calendar months, the day of assignment not counted: assigned
# on 31 March, the reply is due on 30 June (no 31 June: the month's last day), and a reply on the due
# day is on time; overdue from the day after.


def reassignment_working_days() -> int:
    return settings.PROPOSAL_REASSIGNMENT_WORKING_DAYS


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or that month's last day when it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def reassignment_due(assigned_on: date) -> date:
    """Last day for a unit that is not responsible to ask for reassignment (it never passes it on)."""
    return add_working_days(assigned_on, settings.PROPOSAL_REASSIGNMENT_WORKING_DAYS)


def co_opinion_due(assigned_on: date) -> date:
    """Last day for a co-unit (协办) to send its opinion to the lead unit (主办)."""
    return add_months(assigned_on, settings.PROPOSAL_CO_OPINION_MONTHS)


def reply_due(assigned_on: date) -> date:
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
