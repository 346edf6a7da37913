"""Demo reviews: every record the demo publishes is reviewed first, by a reviewer of its unit who
did not write it (the demo's records have no author), so the rule holds for the demo as for staff."""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import Model

from organizations.models import Role, Unit
from organizations.scoping import unit_of
from organizations.services import membership_grant
from publication_review.models import Outcome, Review
from publication_review.rules import second_reviewer_required
from publication_review.services import review_record

DEMO_REVIEWERS = {"civil-affairs": "reviewer"}  # the demo persona; other units get a stand-in


def unit_reviewer(unit: Unit):
    """The unit's demo reviewer: the persona where there is one, else ``reviewer-<code>``, who
    cannot log in (no password) and is a reviewer (审核员) of that unit only."""
    username = DEMO_REVIEWERS.get(unit.code, f"reviewer-{unit.code}")
    user, created = get_user_model().objects.get_or_create(username=username, defaults={"is_staff": True})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    membership_grant(user=user, unit=unit, role=Role.REVIEWER)
    return user


def demo_review(record: Model, *, at: datetime | None = None, unit_field: str = "unit", **fields: str) -> Review:
    """Record the unit reviewer's review (公开 unless ``outcome`` says otherwise), dated ``at`` if given."""
    unit = Unit.objects.get(pk=unit_of(record, unit_field))
    fields.setdefault("outcome", Outcome.PUBLISH)
    review = review_record(record=record, reviewer=unit_reviewer(unit), unit_field=unit_field, **fields)
    if at is not None:
        Review.objects.filter(pk=review.pk).update(reviewed_at=at)
        review.reviewed_at = at
    return review


def seed(log: callable) -> None:
    units = Unit.objects.filter(is_active=True)
    second = sum(second_reviewer_required(unit) for unit in units)
    log(f"公开审查：{second} 个单位须由他人审查后公开，{len(units) - second} 个单位可自行审查")
