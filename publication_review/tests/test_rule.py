"""The rule (条例第十七条): nothing goes public without a recorded review that allows it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import AuditEvent, Event
from catalog.services import publication_publish
from enforcement.importer import decisions_import
from enforcement.models import Decision, DecisionStatus
from enforcement.services import decision_publish, decision_save
from enforcement.tests.factories import make_decision
from enforcement.tests.test_import import licence_row, penalty_row, xlsx
from lushan_portal.spreadsheets import ImportRejected
from publication_review.models import Outcome, Review, ReviewItem
from publication_review.rules import second_reviewer_required
from publication_review.selectors import latest_review
from publication_review.services import review_record
from publication_review.tests.conftest import draft_publication, is_public

pytestmark = pytest.mark.django_db

KINDS = ["publication", "document", "interpretation", "feedback", "enforcement"]


@pytest.mark.parametrize("kind", KINDS)
def test_every_app_refuses_to_publish_without_a_review_and_publishes_after_one(drafts, kind, editor_a, reviewer_a):
    record, publish = drafts[kind]
    with pytest.raises(ValidationError, match="发布前须经公开审查"):
        publish(record, editor_a)
    assert not is_public(record)
    review_record(record=record, reviewer=reviewer_a, outcome=Outcome.PUBLISH)
    publish(record, editor_a)
    assert is_public(record)


@pytest.mark.parametrize("kind", KINDS)
def test_withheld_blocks_publication_in_every_app(drafts, kind, editor_a, reviewer_a):
    record, publish = drafts[kind]
    review_record(record=record, reviewer=reviewer_a, outcome=Outcome.WITHHOLD, legal_ground="条例第十四条：国家秘密")
    with pytest.raises(ValidationError, match="不予公开（依据：条例第十四条：国家秘密）"):
        publish(record, editor_a)
    assert not is_public(record)


def test_the_county_department_needs_a_second_person(unit_a, editor_a, reviewer_a):
    assert second_reviewer_required(unit_a)
    publication = draft_publication(unit_a, reviewer_a, editor_a)
    with pytest.raises(ValidationError, match="要求由起草人以外的人员审查"):
        review_record(record=publication, reviewer=editor_a, outcome=Outcome.PUBLISH)
    assert not Review.objects.exists()
    # The reviewer may review and publish it herself: two people were involved.
    review_record(record=publication, reviewer=reviewer_a, outcome=Outcome.PUBLISH)
    assert publication_publish(publication=publication, by=reviewer_a).status == "published"


def test_without_a_recorded_author_the_reviewer_cannot_be_the_publisher(unit_a, editor_a, reviewer_a):
    decision = make_decision(unit_a)  # entered without an author (e.g. a command)
    review_record(record=decision, reviewer=reviewer_a, outcome=Outcome.PUBLISH)
    with pytest.raises(ValidationError, match="起草人不详的，不能是发布人"):
        decision_publish(decision=decision, by=reviewer_a)
    assert decision_publish(decision=decision, by=editor_a).status == DecisionStatus.PUBLISHED


def test_a_township_reviews_and_publishes_its_own(township, township_editor):
    assert not second_reviewer_required(township)
    decision = make_decision(township, created_by=township_editor)
    review_record(record=decision, reviewer=township_editor, outcome=Outcome.PUBLISH, note="已核对")
    assert decision_publish(decision=decision, by=township_editor).status == DecisionStatus.PUBLISHED


def test_the_units_own_setting_wins_over_its_kind(unit_a, editor_a, township, township_editor):
    unit_a.second_reviewer = False
    unit_a.save()
    own = make_decision(unit_a, created_by=editor_a)
    review_record(record=own, reviewer=editor_a, outcome=Outcome.PUBLISH)
    assert decision_publish(decision=own, by=editor_a).status == DecisionStatus.PUBLISHED
    township.second_reviewer = True
    township.save()
    with pytest.raises(ValidationError, match="下汤镇人民政府要求由起草人以外的人员审查"):
        review_record(
            record=make_decision(township, created_by=township_editor), reviewer=township_editor, outcome="publish"
        )


def test_partial_names_what_was_removed_and_withheld_names_the_ground(unit_a, reviewer_a, editor_a):
    decision = make_decision(unit_a, created_by=editor_a)
    with pytest.raises(ValidationError) as partial:
        review_record(record=decision, reviewer=reviewer_a, outcome=Outcome.PARTIAL)
    assert partial.value.message_dict == {"removed": ["部分公开须写明删除或隐去的内容。"]}
    with pytest.raises(ValidationError) as withheld:
        review_record(record=decision, reviewer=reviewer_a, outcome=Outcome.WITHHOLD, legal_ground="  ")
    assert withheld.value.message_dict == {"legal_ground": ["不予公开须写明法律依据。"]}
    assert not Review.objects.exists()  # nothing half-saved
    review_record(record=decision, reviewer=reviewer_a, outcome=Outcome.PARTIAL, removed="当事人住址")
    assert decision_publish(decision=decision, by=editor_a).status == DecisionStatus.PUBLISHED
    assert latest_review(decision).removed == "当事人住址"


def test_the_latest_review_decides(unit_a, reviewer_a, editor_a):
    decision = make_decision(unit_a, created_by=editor_a)
    review_record(record=decision, reviewer=reviewer_a, outcome=Outcome.WITHHOLD, legal_ground="第十四条")
    review_record(record=decision, reviewer=reviewer_a, outcome=Outcome.PUBLISH, note="密级已解除")
    assert decision_publish(decision=decision, by=editor_a).status == DecisionStatus.PUBLISHED
    assert Review.objects.count() == 2  # both kept


def test_a_change_after_the_review_needs_a_new_review(unit_a, reviewer_a, editor_a):
    decision = make_decision(unit_a, created_by=editor_a)
    review_record(record=decision, reviewer=reviewer_a, outcome=Outcome.PUBLISH)
    decision.penalty_content = "罚款人民币2000元。"
    decision_save(decision=decision, by=editor_a)
    with pytest.raises(ValidationError, match="审查之后记录又有修改"):
        decision_publish(decision=decision, by=editor_a)
    review_record(record=decision, reviewer=reviewer_a, outcome=Outcome.PUBLISH)
    assert decision_publish(decision=decision, by=editor_a).status == DecisionStatus.PUBLISHED


def test_only_staff_of_the_records_unit_review(unit_a, editor_a, editor_b, supervisor, superuser):
    decision = make_decision(unit_a, created_by=editor_a)
    for outsider in (editor_b, supervisor, superuser):
        with pytest.raises(PermissionDenied, match="只有本单位的工作人员可以审查"):
            review_record(record=decision, reviewer=outsider, outcome=Outcome.PUBLISH)
    assert not Review.objects.exists()


def test_a_review_is_audited_with_its_outcome(unit_a, reviewer_a, editor_a):
    decision = make_decision(unit_a, created_by=editor_a)
    review_record(record=decision, reviewer=reviewer_a, outcome=Outcome.PARTIAL, removed="电话", note="已隐去电话")
    row = AuditEvent.objects.get(event=Event.CHANGE, object_id=str(decision.pk))
    assert row.username == "reviewer-a"
    assert row.detail == "公开审查：部分公开；审查人 reviewer-a；删除或隐去：电话；意见：已隐去电话"


def test_an_import_published_at_once_records_the_importers_review_of_the_file(unit_a, editor_a):
    result = decisions_import(
        unit=unit_a, name="9月处罚.xlsx", content=xlsx([penalty_row("罚1号"), licence_row("许1号")]), by=editor_a
    )
    assert result.published == 2
    review = Review.objects.get()
    assert (review.file_name, review.record_count, review.outcome) == ("9月处罚.xlsx", 2, Outcome.PUBLISH)
    assert (review.reviewer, review.unit, review.object_id) == (editor_a, unit_a, None)
    assert ReviewItem.objects.filter(review=review).count() == 2
    for decision in Decision.objects.all():
        assert latest_review(decision) == review
    assert AuditEvent.objects.filter(event=Event.CHANGE, detail__contains="导入文件“9月处罚.xlsx”，2 条").exists()


def test_an_import_published_at_once_needs_an_importer_of_that_unit(unit_a, editor_b):
    for by in (None, editor_b):
        with pytest.raises(ImportRejected) as refused:
            decisions_import(unit=unit_a, name="d.xlsx", content=xlsx([penalty_row("罚2号")]), by=by)
        assert refused.value.errors[0].startswith(("立即公开的导入须记录导入人", "只有本单位的工作人员"))
    assert not Decision.objects.exists() and not Review.objects.exists()
    decisions_import(unit=unit_a, name="d.xlsx", content=xlsx([penalty_row("罚2号")]), publish=False)
    assert Decision.objects.get().status == DecisionStatus.DRAFT and not Review.objects.exists()
