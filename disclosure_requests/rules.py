"""依申请公开: the numbers of the Regulations on Open Government Information (国务院令第711号, 2019),
each in one place, and the pure arithmetic of the reply clock (rules.md §3, §7).

Every count is in working days through ``workdays`` (holidays skipped, 调休 weekend days counted)
and the day of the triggering event is not counted.

- Art 33: reply within REPLY_WORKING_DAYS of receipt; extendable once, with the office head's
  approval and notice to the applicant, by at most EXTENSION_WORKING_DAYS.
- Art 30: an unclear application gets one correction notice (补正) within CORRECTION_NOTICE_WORKING_DAYS
  of receipt; the clock restarts from the receipt of the corrected application (the caller passes
  that date as ``received``).
- Art 32–34: a third party (or a co-producing agency) has THIRD_PARTY_WORKING_DAYS to answer; the time
  spent consulting is not counted. 信息处理费 (Art 42) and Art 35 requests for reasons pause the
  clock the same way (from the notice to the answer).
- Art 31: the receipt date by channel (see ``receipt_date``).
"""

from collections.abc import Sequence
from datetime import date, timedelta

from workdays import add_months, add_working_days, is_working_day

REPLY_WORKING_DAYS = 20
EXTENSION_WORKING_DAYS = 20
CORRECTION_NOTICE_WORKING_DAYS = 7
THIRD_PARTY_WORKING_DAYS = 15
# 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号): the applicant pays within 20 working days
# of the fee notice, else the application is no longer processed (其他处理).
FEE_PAYMENT_WORKING_DAYS = 20
# The remedies a refusal must name: 行政复议法 Art 20 (60 days), 行政诉讼法 Art 46 (6 months).
RECONSIDERATION_DAYS = 60
LITIGATION_MONTHS = 6

# How long an application's file is kept (文书档案 定期10年), and the identity image: a year after
# the application is closed, once reconsideration (60 days) and litigation (6 months) are out of time.
RECORD_RETENTION_YEARS = 10
ID_IMAGE_RETENTION_DAYS = 365

# The public form: an identity image (photo or scan) of at most 5 MB; texts within these lengths.
ID_IMAGE_MAX_BYTES = 5 * 1024 * 1024
ID_IMAGE_TYPES = (".jpg", ".jpeg", ".png", ".pdf")
MAX_NAME_LENGTH = 100
MAX_DESCRIPTION_LENGTH = 2000
MAX_SHORT_TEXT_LENGTH = 200
# At most 3 applications per client per hour from the public form (shared cache), and 10 status
# look-ups per client per 10 minutes (a query code is not guessed by trying).
APPLICATIONS_PER_WINDOW = 3
APPLY_WINDOW_SECONDS = 3600
STATUS_LOOKUPS_PER_WINDOW = 10
STATUS_WINDOW_SECONDS = 600
# The query code given with the number: lushan_portal/query_codes.py (shared with the mailbox).

# Art 31: the channels whose receipt date is the day both sides (or the office and the applicant)
# confirmed, not the day the application arrived (values of models.Channel).
CONFIRMED_CHANNELS = frozenset({"ordinary_letter", "fax", "email", "other_online"})

# Reminders (notice alerts, not deadlines missed): the reply due within REPLY_REMINDER_WORKING_DAYS,
# the last CORRECTION_REMINDER_WORKING_DAYS of the 7 days for the one correction notice.
REPLY_REMINDER_WORKING_DAYS = 3
CORRECTION_REMINDER_WORKING_DAYS = 1

Pause = tuple[date, date]


def _paused(day: date, pauses: Sequence[Pause]) -> bool:
    """Working days after a pause's start up to and including its end are not counted."""
    return any(start < day <= end for start, end in pauses)


def counted_day(start: date, days: int, pauses: Sequence[Pause] = ()) -> date:
    """The ``days``-th working day after ``start`` that no pause covers (``start`` not counted)."""
    if days < 0:
        raise ValueError("days must not be negative")
    current, counted = start, 0
    while counted < days:
        current += timedelta(days=1)
        if is_working_day(current) and not _paused(current, pauses):
            counted += 1
    return current


def reply_due(
    received: date,
    pauses: Sequence[Pause] = (),
    extended: bool = False,
    extension_days: int = EXTENSION_WORKING_DAYS,
) -> date:
    """The last day to reply: the 20th (20 + extension when extended) counted working day after
    ``received``; a pause ``(start, end)`` stops the count from the day after ``start`` to ``end``."""
    if not 0 <= extension_days <= EXTENSION_WORKING_DAYS:
        raise ValueError(f"an extension is at most {EXTENSION_WORKING_DAYS} working days")
    days = REPLY_WORKING_DAYS + (extension_days if extended else 0)
    return counted_day(received, days, pauses)


def correction_notice_due(received: date) -> date:
    """The last day to send the one correction notice (补正告知): the 7th working day after receipt."""
    return add_working_days(received, CORRECTION_NOTICE_WORKING_DAYS)


def third_party_answer_due(start: date) -> date:
    """The last day a consulted third party (or co-agency) may answer: 15 working days after ``start``."""
    return add_working_days(start, THIRD_PARTY_WORKING_DAYS)


def fee_payment_due(notice_on: date) -> date:
    return add_working_days(notice_on, FEE_PAYMENT_WORKING_DAYS)


def receipt_date(channel: str, arrived_on: date | None, confirmed_on: date | None) -> date | None:
    """Art 31: the day the application counts as received, or None while it is not known.

    In person: the day handed in; registered mail: the day signed for (both ``arrived_on``);
    ordinary letter: the day the office confirmed it with the applicant; fax, e-mail and other online
    channels: the day both sides confirmed (``confirmed_on``). This portal's own form confirms at once
    (it issues the number), so its ``arrived_on`` is given as confirmed by the caller.
    """
    return confirmed_on if channel in CONFIRMED_CHANNELS else arrived_on


def is_late(due: date, done_on: date) -> bool:
    """Done on the last day is on time; the day after is late."""
    return done_on > due


# ---------------------------------------------------------------------------------------------------
# Replies, their remedies and repeated applications (Art 36–39; 行政复议法 Art 20, 行政诉讼法 Art 46).
# ---------------------------------------------------------------------------------------------------
# The remedies run from the day the applicant learns of the reply, in calendar days and months (the
# day itself not counted); a period ending on a holiday or weekend ends on the next working day
# (民法典 Art 203, applied by 行政复议法 and 行政诉讼法 to their periods).
# Repeated applications (Art 36(六)): an applicant's earlier applications to the same agency whose
# descriptions share at least REPEAT_SIMILARITY of their character bigrams are suggested to staff;
# only the REPEAT_CANDIDATES most recent of that applicant are compared (one bounded query).
REPEAT_SIMILARITY = 0.5
REPEAT_CANDIDATES = 50
# The longest reply letter kept (a letter is a page or two; this stops a pasted file).
LETTER_MAX_LENGTH = 20000


def _next_working_day(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def reconsideration_last_day(known_on: date) -> date:
    """The last day to apply for reconsideration: RECONSIDERATION_DAYS after ``known_on``."""
    return _next_working_day(known_on + timedelta(days=RECONSIDERATION_DAYS))


def litigation_last_day(known_on: date) -> date:
    """The last day to sue: the same day LITIGATION_MONTHS later (the month's last day when it has
    no such day, e.g. 08-31 → 02-28)."""
    return _next_working_day(add_months(known_on, LITIGATION_MONTHS))


# The agency answers a reconsideration or a lawsuit against its reply (it is the respondent):
# 行政复议法 (2023) Art 48, a written answer within 10 days of receiving the copy of the application,
# and Art 88, those "十日" are working days; 行政诉讼法 Art 67, the defence within 15 days of
# receiving the complaint, in calendar days, a last day on a holiday moving to the next working day
# (Art 101 → 民事诉讼法 Art 85).
RECONSIDERATION_ANSWER_WORKING_DAYS = 10
LITIGATION_DEFENCE_DAYS = 15


def review_answer_due(litigation: bool, copy_received_on: date) -> date:
    """The last day to answer a reconsideration (``litigation`` false) or defend a lawsuit."""
    if litigation:
        return _next_working_day(copy_received_on + timedelta(days=LITIGATION_DEFENCE_DAYS))
    return add_working_days(copy_received_on, RECONSIDERATION_ANSWER_WORKING_DAYS)


def _bigrams(text: str) -> frozenset[str]:
    """Character bigrams of ``text`` already normalised (letters and digits only)."""
    if len(text) < 2:
        return frozenset({text}) if text else frozenset()
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def text_similarity(first: str, second: str) -> float:
    """Jaccard index of the two texts' character bigrams, 0.0–1.0 (callers normalise the texts)."""
    a, b = _bigrams(first), _bigrams(second)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def is_probable_repeat(similarity: float) -> bool:
    """At the threshold counts; just below does not."""
    return similarity >= REPEAT_SIMILARITY


def correction_notice_dues(first: date, last: date) -> dict[date, date]:
    """The receipt dates whose correction notice falls due between ``first`` and ``last``
    (inclusive), each with that due date: ``correction_notice_due`` is non-decreasing, so they are
    a few consecutive days shortly before ``first``."""
    dues: dict[date, date] = {}
    # 7 working days never span more than 7 days plus the longest holiday run (Spring Festival).
    received = first - timedelta(days=CORRECTION_NOTICE_WORKING_DAYS * 2 + 14)
    while received <= last:
        due = correction_notice_due(received)
        if first <= due <= last:
            dues[received] = due
        received += timedelta(days=1)
    return dues
