"""Reconsideration and litigation against a reply (table 四): recorded by the handling unit, with
an outcome that matches its decision date; 尚未审结 until decided."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from disclosure_requests import replies, reviews
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
