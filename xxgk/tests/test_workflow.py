"""指南 (Art 12): compiled by the unit's editors, reviewed by a reviewer of the same unit, published;
a change is a new version and the old one stays readable, with history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from compliance.incomplete import incomplete_kind, incomplete_records
from compliance.registry import incomplete_counts
from organizations.models import Role
from organizations.services import membership_grant
from publication_review.models import Outcome
from publication_review.selectors import latest_review
from xxgk.deadlines import INCOMPLETE
from xxgk.models import Guide, GuideReview, GuideStatus
from xxgk.services import guide_review, guide_save, guide_start, guide_submit
from xxgk.tests.factories import published_guide

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer_b(django_user_model, unit_b):
    user = django_user_model.objects.create_user("reviewer-b")
    membership_grant(user=user, unit=unit_b, role=Role.REVIEWER)
    return user


def test_a_first_draft_takes_the_units_contacts_and_leaves_the_rest_pending(unit_a, editor_a):
    unit_a.address, unit_a.phone = "鲁山县人民路1号", "0375-5050000"
    unit_a.save()
    guide = guide_start(unit=unit_a, by=editor_a)
    assert (guide.version, guide.status, guide.address, guide.phone) == (1, "draft", "鲁山县人民路1号", "0375-5050000")
    assert {"传真", "收费规定", "监督和救济"} <= set(guide.pending_fields)
    assert "办公地址" not in guide.pending_fields


def test_reviewed_by_a_reviewer_of_the_unit_then_published(unit_a, editor_a, reviewer_a):
    guide = guide_start(unit=unit_a, by=editor_a)
    guide_submit(guide=guide, by=editor_a)
    guide = guide_review(guide=guide, by=reviewer_a, approve=True, comment="同意")
    assert guide.status == GuideStatus.PUBLISHED and guide.published_at is not None
    assert GuideReview.objects.get(guide=guide).reviewer == reviewer_a


def test_review_refused_for_a_reviewer_of_another_unit_and_for_the_editor(unit_a, editor_a, reviewer_b):
    guide = guide_submit(guide=guide_start(unit=unit_a, by=editor_a), by=editor_a)
    for outsider in (reviewer_b, editor_a):
        with pytest.raises(PermissionDenied, match="只有本单位的审核员"):
            guide_review(guide=guide, by=outsider, approve=True)
    guide.refresh_from_db()
    assert guide.status == GuideStatus.SUBMITTED and not GuideReview.objects.exists()


def test_editors_of_another_unit_cannot_start_edit_or_submit(unit_a, editor_a, editor_b):
    with pytest.raises(PermissionDenied, match="只有本单位信息员"):
        guide_start(unit=unit_a, by=editor_b)
    guide = guide_start(unit=unit_a, by=editor_a)
    guide.phone = "110"
    with pytest.raises(PermissionDenied):
        guide_save(guide=guide, by=editor_b)
    with pytest.raises(PermissionDenied):
        guide_submit(guide=guide, by=editor_b)
    guide.refresh_from_db()
    assert guide.phone == "" and guide.status == GuideStatus.DRAFT


def test_return_needs_a_comment_and_makes_it_editable_again(unit_a, editor_a, reviewer_a):
    guide = guide_submit(guide=guide_start(unit=unit_a, by=editor_a), by=editor_a)
    with pytest.raises(ValidationError, match="退回必须填写审核意见"):
        guide_review(guide=guide, by=reviewer_a, approve=False, comment="  ")
    guide = guide_review(guide=guide, by=reviewer_a, approve=False, comment="请补充传真")
    assert guide.status == GuideStatus.RETURNED and guide.is_editable


def test_a_published_guide_is_not_edited_a_new_version_replaces_it(unit_a, editor_a, reviewer_a):
    first = published_guide(unit_a, reviewer_a)
    first.phone = "120"
    with pytest.raises(ValidationError, match="已发布的指南请新建版本"):
        guide_save(guide=first, by=editor_a)
    second = guide_start(unit=unit_a, by=editor_a)
    assert (second.version, second.phone, second.remedies) == (2, "0375-5050000", first.remedies)
    with pytest.raises(ValidationError, match="已有一份正在编制或审核的指南"):
        guide_start(unit=unit_a, by=editor_a)
    second.phone = "0375-5059999"
    guide_save(guide=second, by=editor_a)
    guide_review(guide=guide_submit(guide=second, by=editor_a), by=reviewer_a, approve=True)
    first.refresh_from_db()
    assert first.status == GuideStatus.SUPERSEDED and first.phone == "0375-5050000"
    assert Guide.objects.get(unit=unit_a, status="published").version == 2
    assert second.history.count() >= 3  # created, edited, submitted, published: every step kept


def test_a_bad_postcode_or_email_is_refused_with_a_message_and_nothing_saved(unit_a, editor_a):
    guide = guide_start(unit=unit_a, by=editor_a)
    guide.postcode, guide.email = "4673", "not-an-address"
    with pytest.raises(ValidationError) as refused:
        guide_save(guide=guide, by=editor_a)
    assert refused.value.message_dict["postcode"] == ["邮政编码应为 6 位数字。"]
    assert "email" in refused.value.message_dict
    guide.refresh_from_db()
    assert guide.postcode == "" and guide.email == ""


def test_a_published_guide_with_pending_fields_is_listed_as_incomplete(unit_a, reviewer_a):
    guide = published_guide(unit_a, reviewer_a, fax="", postcode="")
    assert incomplete_counts()[INCOMPLETE] == {unit_a.pk: 1}
    kind = incomplete_kind(INCOMPLETE)
    assert [(record.pk, fields) for record, fields in incomplete_records(kind, unit_a.pk)] == [
        (guide.pk, ["传真", "邮政编码"])
    ]


def test_the_approval_is_the_review_before_publication_and_never_the_authors_own(unit_a, editor_a, reviewer_a):
    guide = published_guide(unit_a, reviewer_a)
    review = latest_review(guide)
    assert (review.reviewer, review.outcome) == (reviewer_a, Outcome.PUBLISH)
    # A county department needs a second person: the reviewer may not approve a version they wrote.
    own = guide_start(unit=unit_a, by=reviewer_a)
    guide_submit(guide=guide_save(guide=own, by=reviewer_a), by=reviewer_a)
    with pytest.raises(ValidationError) as refused:
        guide_review(guide=own, by=reviewer_a, approve=True)
    assert "审查人不能是起草人" in refused.value.messages[0]
    own.refresh_from_db()
    assert own.status != GuideStatus.PUBLISHED
