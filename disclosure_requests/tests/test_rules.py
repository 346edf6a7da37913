"""The reply clock at its edges (rules.md §3, §7), on the county's holiday calendar.

Every expected date is counted by hand in the comments: 2025's National Day is 1–8 October with
Sunday 28 September and Saturday 11 October made working days (调休); 2026's Spring Festival is
15–23 February with Saturdays 14 and 28 February made working days.
"""

from datetime import date

import pytest

from disclosure_requests import rules
from disclosure_requests.models import Channel

pytestmark = pytest.mark.django_db


def d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # An ordinary span: Monday 17 Nov → 18–21, 24–28, 1–5 Dec, 8–12 Dec, 15 Dec is the 20th.
        ("2025-11-17", "2025-12-15"),
        # Received on a Friday, a Saturday or a Sunday: Monday 17 Nov is the 1st day, Friday 12 Dec the 20th.
        ("2025-11-14", "2025-12-12"),
        ("2025-11-15", "2025-12-12"),
        ("2025-11-16", "2025-12-12"),
        # The last day before National Day: 1–8 Oct skipped; 9, 10, Sat 11 (调休) are days 1–3,
        # 13–17 Oct 4–8, 20–24 Oct 9–13, 27–31 Oct 14–18, 3 Nov the 19th, 4 Nov the 20th.
        ("2025-09-30", "2025-11-04"),
        # A 调休 working Sunday inside the span: 16–19 Sep 1–4, 22–26 5–9, Sun 28 Sep the 10th,
        # 29–30 11–12, 9–11 Oct 13–15, 13–17 Oct 16–20.
        ("2025-09-15", "2025-10-17"),
        # Spring Festival 2026: 9–13 Feb 1–5, Sat 14 the 6th, 24–27 Feb 7–10, Sat 28 the 11th, 2–6 Mar 12–16,
        # 9–12 Mar 17–20.
        ("2026-02-06", "2026-03-12"),
    ],
)
def test_reply_due_is_the_20th_working_day_after_receipt(received, due):
    assert rules.reply_due(d(received)) == d(due)


def test_the_last_day_is_on_time_and_the_day_after_is_late():
    due = rules.reply_due(d("2025-09-30"))
    assert not rules.is_late(due, d("2025-11-04"))
    assert rules.is_late(due, d("2025-11-05"))


def test_an_extension_adds_20_working_days_once():
    # From the 20th day (4 Nov): 5–7 Nov 1–3, 10–14 4–8, 17–21 9–13, 24–28 14–18, 1 Dec 19, 2 Dec 20.
    assert rules.reply_due(d("2025-09-30"), extended=True) == d("2025-12-02")
    # A shorter extension is allowed; a longer one is not.
    assert rules.reply_due(d("2025-09-30"), extended=True, extension_days=3) == d("2025-11-07")
    with pytest.raises(ValueError):
        rules.reply_due(d("2025-09-30"), extended=True, extension_days=21)


def test_a_third_party_pause_across_national_day_is_not_counted():
    # Consultation sent Thursday 25 Sep: 26 Sep 1, Sun 28 2, 29–30 3–4, 9–11 Oct 5–7, 13–17 8–12,
    # 20–22 Oct 13–15: the third party's last day is 22 Oct.
    start = d("2025-09-25")
    answer_due = rules.third_party_answer_due(start)
    assert answer_due == d("2025-10-22")
    # Received Monday 15 Sep: 16–19 1–4, 22–25 5–8 (the pause's first day counts); 26 Sep–22 Oct
    # paused; 23–24 Oct 9–10, 27–31 11–15, 3–7 Nov 16–20.
    assert rules.reply_due(d("2025-09-15"), pauses=[(start, answer_due)]) == d("2025-11-07")
    # Counting resumes the day after the end: a third party answering on 9 Oct gives 10 Oct back.
    # 16–25 Sep 1–8, 10–11 Oct 9–10, 13–17 11–15, 20–24 16–20.
    assert rules.reply_due(d("2025-09-15"), pauses=[(start, d("2025-10-09"))]) == d("2025-10-24")


def test_pauses_and_extension_together():
    # The 40 days of 15 Sep (no pause) end 14 Nov: 17 Oct is the 20th, 20–24 Oct 21–25, 27–31 26–30,
    # 3–7 Nov 31–35, 10–14 Nov 36–40. A pause of one working day (Mon 3 Nov after Fri 31 Oct) moves it to 17 Nov.
    assert rules.reply_due(d("2025-09-15"), extended=True) == d("2025-11-14")
    assert rules.reply_due(d("2025-09-15"), pauses=[(d("2025-10-31"), d("2025-11-03"))], extended=True) == d(
        "2025-11-17"
    )


def test_correction_restarts_the_clock_from_the_corrected_application():
    # The corrected application arrives Thursday 20 Nov: 21 Nov 1, 24–28 2–6, 1–5 Dec 7–11, 8–12 12–16,
    # 15–18 Dec 17–20.
    assert rules.reply_due(d("2025-11-20")) == d("2025-12-18")


@pytest.mark.parametrize(
    ("received", "day_7", "day_8"),
    [
        # Monday 17 Nov: 18–21 1–4, 24–26 5–7; day 8 is Thursday 27 Nov.
        ("2025-11-17", "2025-11-26", "2025-11-27"),
        # Monday 22 Sep: 23–26 1–4, Sun 28 (调休) 5, 29–30 6–7; day 8 is 9 Oct after the holiday.
        ("2025-09-22", "2025-09-30", "2025-10-09"),
    ],
)
def test_correction_notice_on_day_7_is_on_time_and_on_day_8_late(received, day_7, day_8):
    due = rules.correction_notice_due(d(received))
    assert due == d(day_7)
    assert not rules.is_late(due, d(day_7))
    assert rules.is_late(due, d(day_8))


@pytest.mark.parametrize(
    ("channel", "arrived", "confirmed", "received"),
    [
        (Channel.ONLINE, "2025-11-15", None, "2025-11-15"),  # this portal's form: the day submitted
        (Channel.COUNTER, "2025-11-17", None, "2025-11-17"),  # in person: the day handed in
        (Channel.REGISTERED_MAIL, "2025-11-18", None, "2025-11-18"),  # the day signed for
        (Channel.ORDINARY_LETTER, "2025-11-18", None, None),  # not yet confirmed: 日期不详, never invented
        (Channel.ORDINARY_LETTER, "2025-11-18", "2025-11-20", "2025-11-20"),
        (Channel.FAX, "2025-11-18", "2025-11-19", "2025-11-19"),
        (Channel.EMAIL, "2025-11-18", "2025-11-21", "2025-11-21"),
        (Channel.EMAIL, "2025-11-18", None, None),
        (Channel.OTHER_ONLINE, "2025-11-18", "2025-11-18", "2025-11-18"),
    ],
)
def test_art_31_receipt_date_per_channel(channel, arrived, confirmed, received):
    result = rules.receipt_date(channel, d(arrived), confirmed and d(confirmed))
    assert result == (received and d(received))


def test_confirmed_channels_are_channels():
    assert rules.CONFIRMED_CHANNELS.issubset(Channel.values)
    assert all(Channel.basis(channel) for channel in Channel.values)
