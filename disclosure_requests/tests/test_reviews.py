"""Reconsideration and litigation against a reply (table 四): recorded by the handling unit, with
an outcome that matches its decision date; 尚未审结 until decided."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from compliance.models import Alert
from compliance.registry import rule
from compliance.scans import deadline_rule_scan
from disclosure_requests import deadlines, replies, reviews, rules
from disclosure_requests.models import Review, ReviewKind, ReviewOutcome, SentRoute
from disclosure_requests.tests.factories import register

pytestmark = pytest.mark.django_db
REPLIED = date(2025, 11, 20)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2026-03-02 10:00 +0800", tick=False):
        yield


@pytest.fixture
def answered(unit_a, editor_a):
    application = register(unit_a, editor_a, arrived_on=date(2025, 11, 17)).application
    replies.reply_draft(
        application=application, kind="refused", reason="state_secret", by=editor_a, legal_ground="条例第十四条",
        reconsideration_body="鲁山县人民政府", litigation_court="鲁山县人民法院",
    )  # fmt: skip
    replies.reply_finalise(application=application, replied_on=REPLIED, by=editor_a)
    replies.reply_record_delivery(application=application, route=SentRoute.POST, on=REPLIED, by=editor_a)
    return application


def review(application, **fields: object) -> Review:
    return Review(application=application, **{"kind": ReviewKind.RECONSIDERATION, "body": "鲁山县人民政府", **fields})


def test_a_pending_reconsideration_then_its_decision(answered, editor_a):
    saved = reviews.review_save(review=review(answered, filed_on=date(2025, 12, 10)), by=editor_a)
    assert saved.outcome == ReviewOutcome.PENDING and saved.decided_on is None
    saved.outcome, saved.decided_on = ReviewOutcome.UPHELD, date(2026, 2, 6)
    reviews.review_save(review=saved, by=editor_a)
    assert Review.objects.get().get_outcome_display() == "维持"


def test_a_decided_outcome_with_an_unknown_date_is_kept_as_unknown(answered, editor_a):
    saved = reviews.review_save(review=review(answered, outcome=ReviewOutcome.CORRECTED), by=editor_a)
    assert (saved.outcome, saved.filed_on, saved.decided_on) == (ReviewOutcome.CORRECTED, None, None)


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"decided_on": date(2026, 2, 6)}, {"outcome": [reviews.ERROR_DECIDED_PENDING]}),
        (
            {"filed_on": date(2026, 1, 10), "outcome": ReviewOutcome.OTHER, "decided_on": date(2026, 1, 9)},
            {"decided_on": [reviews.ERROR_DECIDED_BEFORE_FILED]},
        ),
        ({"filed_on": date(2025, 11, 19)}, {"filed_on": [reviews.ERROR_FILED_BEFORE_REPLY % {"day": REPLIED}]}),
        ({"filed_on": date(2026, 3, 3)}, {"filed_on": [reviews.ERROR_FUTURE]}),
        (
            {"kind": ReviewKind.LITIGATION_AFTER_REVIEW, "body": "鲁山县人民法院"},
            {"kind": [reviews.ERROR_AFTER_REVIEW]},
        ),
    ],
)
def test_bad_review_records_are_refused_by_field(answered, editor_a, fields, errors):
    with pytest.raises(ValidationError) as refused:
        reviews.review_save(review=review(answered, **fields), by=editor_a)
    assert refused.value.message_dict == errors
    assert not Review.objects.exists()


def test_litigation_after_reconsideration_follows_a_recorded_reconsideration(answered, editor_a):
    reviews.review_save(review=review(answered, outcome=ReviewOutcome.UPHELD), by=editor_a)
    after = review(answered, kind=ReviewKind.LITIGATION_AFTER_REVIEW, body="鲁山县人民法院")
    assert reviews.review_save(review=after, by=editor_a).outcome == ReviewOutcome.PENDING


def test_no_review_before_the_reply(unit_a, editor_a):
    application = register(unit_a, editor_a, arrived_on=date(2025, 11, 17)).application
    with pytest.raises(ValidationError, match=reviews.ERROR_NO_REPLY):
        reviews.review_save(review=review(application), by=editor_a)


def test_staff_of_another_unit_may_not_record_a_review(answered, editor_b, supervisor):
    for user in (editor_b, supervisor):
        with pytest.raises(PermissionDenied):
            reviews.review_save(review=review(answered), by=user)


# The agency's answer to a reconsideration (10 working days, 行政复议法 Art 48 and 88) and its defence
# in a lawsuit (15 days, 行政诉讼法 Art 67), from the day the copy arrived, around National Day 2025
# (1–8 October off; Sunday 28 September and Saturday 11 October working days).
d = date.fromisoformat


def test_a_reconsideration_answer_counts_working_days_and_the_makeup_sunday():
    # From Friday 19 September: 22–26 (5), Sunday 28 (调休, 6), 29, 30 (8), 9 and 10 October (10).
    assert rules.review_answer_due(False, d("2025-09-19")) == d("2025-10-10")


def test_a_defence_counts_calendar_days_and_moves_off_a_holiday():
    assert rules.review_answer_due(True, d("2025-09-10")) == d("2025-09-25")  # a Thursday: kept
    assert rules.review_answer_due(True, d("2025-09-16")) == d("2025-10-09")  # 1 October: after the holiday
    assert rules.review_answer_due(True, d("2025-09-13")) == d("2025-09-28")  # a 调休 Sunday is a working day


def test_the_answer_is_overdue_from_the_day_after_its_last_day_until_filed(answered, editor_a):
    # Copy received Monday 1 December: 2–5, 8–12, 15 December: the 10th working day is the 15th.
    saved = reviews.review_save(
        review=review(answered, filed_on=d("2025-11-28"), copy_received_on=d("2025-12-01")), by=editor_a
    )
    assert saved.answer_due == d("2025-12-15")

    def overdue(today: str) -> list[tuple[int, date, int]]:
        deadline_rule_scan(rule=rule(deadlines.REVIEW_ANSWER_OVERDUE), today=d(today))
        alerts = Alert.objects.filter(rule_code=deadlines.REVIEW_ANSWER_OVERDUE, resolved_at=None)
        return [(alert.object_id, alert.due_date, alert.unit_id) for alert in alerts]

    assert overdue("2025-12-15") == []
    assert overdue("2025-12-16") == [(saved.pk, d("2025-12-15"), answered.unit_id)]
    saved.answered_on = d("2025-12-16")
    reviews.review_save(review=saved, by=editor_a)
    assert overdue("2025-12-17") == []


def test_an_unknown_copy_date_sets_no_deadline_and_is_never_scanned(answered, editor_a):
    saved = reviews.review_save(review=review(answered, kind=ReviewKind.LITIGATION_DIRECT), by=editor_a)
    assert saved.answer_due is None
    assert not reviews.open_answers().exists()


def test_an_answer_before_the_copy_arrived_is_refused_and_nothing_saved(answered, editor_a):
    with pytest.raises(ValidationError) as refused:
        reviews.review_save(
            review=review(answered, copy_received_on=d("2025-12-05"), answered_on=d("2025-12-04")), by=editor_a
        )
    assert reviews.ERROR_ANSWERED_BEFORE_COPY in str(refused.value)
    assert not Review.objects.exists()
