"""The review in the admin (the publish button asks for it), in the audit log, and never in public."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent, Event
from enforcement.models import DecisionStatus
from enforcement.tests.factories import make_decision
from publication_review.models import Outcome, Review
from publication_review.services import review_record
from publication_review.tests.conftest import draft_publication

pytestmark = pytest.mark.django_db

NOTE = "经保密审查不涉密审查意见甲乙"
REMOVED = "当事人家庭住址一段"


def url(name: str, record) -> str:
    return reverse(f"admin:{record._meta.app_label}_{record._meta.model_name}_{name}", args=[record.pk])


def test_the_publish_button_opens_the_review_form(client, editor_a, unit_a, django_assert_max_num_queries):
    decision = make_decision(unit_a, created_by=editor_a)
    client.force_login(editor_a)
    # The form 5; login, 2FA and the sidebar's permission checks (per app, not per row).
    with django_assert_max_num_queries(26):
        page = client.get(url("publish", decision)).content.decode()
    assert "审查并发布" in page and "审查结论" in page and "部分公开" in page and "不予公开" in page
    assert "本单位要求由起草人以外的人员审查" in page
    assert url("publish", decision) in client.get(url("change", decision)).content.decode()


def test_the_author_cannot_review_her_own_record_where_a_second_person_is_required(client, editor_a, unit_a):
    decision = make_decision(unit_a, created_by=editor_a)
    client.force_login(editor_a)
    page = client.post(url("publish", decision), {"outcome": "publish"}).content.decode()
    assert "未发布" in page and "要求由起草人以外的人员审查" in page
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.DRAFT and not Review.objects.exists()


def test_a_reviewer_reviews_and_publishes_in_one_step_and_the_audit_log_names_the_review(
    client, editor_a, reviewer_a, unit_a
):
    decision = make_decision(unit_a, created_by=editor_a)
    client.force_login(reviewer_a)
    data = {"outcome": "partial", "removed": REMOVED, "note": NOTE}
    assert client.post(url("publish", decision), data).status_code == 302
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.PUBLISHED
    published = AuditEvent.objects.get(event=Event.PUBLISH, object_id=str(decision.pk))
    assert published.username == "reviewer-a"
    assert published.detail == f"公开审查：部分公开；审查人 reviewer-a；删除或隐去：{REMOVED}；意见：{NOTE}"
    change = client.get(url("change", decision)).content.decode()
    assert "审查记录" in change and REMOVED in change and NOTE in change


def test_the_editor_publishes_on_a_colleagues_review(client, editor_a, reviewer_a, unit_a):
    decision = make_decision(unit_a, created_by=editor_a)
    client.force_login(reviewer_a)
    review_page = client.get(url("review", decision)).content.decode()
    assert "记录审查结论" in review_page
    client.post(url("review", decision), {"outcome": "publish", "note": NOTE})
    client.force_login(editor_a)
    page = client.get(url("publish", decision)).content.decode()
    assert "按此审查结论发布" in page and NOTE in page
    client.post(url("publish", decision), {"use_review": "1"})
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.PUBLISHED


def test_withheld_in_the_admin_is_recorded_and_nothing_is_published(client, editor_a, reviewer_a, unit_a):
    decision = make_decision(unit_a, created_by=editor_a)
    client.force_login(reviewer_a)
    missing = client.post(url("publish", decision), {"outcome": "withhold"}).content.decode()
    assert "不予公开须写明法律依据" in missing and not Review.objects.exists()
    data = {"outcome": "withhold", "legal_ground": "条例第十四条"}
    page = client.post(url("publish", decision), data, follow=True).content.decode()
    assert "已记录审查结论：不予公开，未发布" in page
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.DRAFT and Review.objects.get().outcome == Outcome.WITHHOLD
    client.force_login(editor_a)
    assert "不能发布" in client.post(url("publish", decision), {"use_review": "1"}).content.decode()
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.DRAFT


def test_supervisors_and_other_units_never_review(client, editor_a, editor_b, supervisor, unit_a):
    decision = make_decision(unit_a, created_by=editor_a)
    client.force_login(supervisor)
    assert client.get(url("review", decision)).status_code == 403
    assert client.post(url("review", decision), {"outcome": "publish"}).status_code == 403
    assert client.post(url("publish", decision), {"outcome": "publish"}).status_code == 403
    client.force_login(editor_b)
    assert client.get(url("review", decision)).status_code == 404
    assert client.post(url("publish", decision), {"outcome": "publish"}).status_code in (403, 404)
    assert not Review.objects.exists()


def test_the_publish_action_skips_unreviewed_records_with_the_reason(client, editor_a, reviewer_a, unit_a):
    unreviewed = make_decision(unit_a, created_by=editor_a)
    ready = make_decision(unit_a, created_by=editor_a)
    review_record(record=ready, reviewer=reviewer_a, outcome=Outcome.PUBLISH)
    client.force_login(editor_a)
    data = {"action": "publish_selected", "_selected_action": [unreviewed.pk, ready.pk]}
    page = client.post(reverse("admin:enforcement_decision_changelist"), data, follow=True).content.decode()
    assert "发布前须经公开审查" in page and "已公开 1 条决定" in page
    unreviewed.refresh_from_db()
    assert unreviewed.status == DecisionStatus.DRAFT


def test_the_review_list_is_read_only_and_scoped(client, editor_a, editor_b, reviewer_a, unit_a):
    review_record(record=make_decision(unit_a, created_by=editor_a), reviewer=reviewer_a, outcome="publish")
    client.force_login(editor_a)
    listing = reverse("admin:publication_review_review_changelist")
    assert "鲁测罚" in client.get(listing).content.decode()
    review = Review.objects.get()
    assert (
        client.post(reverse("admin:publication_review_review_delete", args=[review.pk]), {"post": "yes"}).status_code
        == 403
    )
    client.force_login(editor_b)
    assert "鲁测罚" not in client.get(listing).content.decode()


def test_the_public_page_and_the_api_never_show_the_review(client, editor_a, reviewer_a, unit_a):
    decision = make_decision(unit_a, created_by=editor_a)
    publication = draft_publication(unit_a, reviewer_a, editor_a)
    client.force_login(reviewer_a)
    for record in (decision, publication):
        client.post(url("publish", record), {"outcome": "partial", "removed": REMOVED, "note": NOTE})
        record.refresh_from_db()
        assert record.status == "published"
    client.logout()
    pages = [
        decision.get_absolute_url(),
        publication.get_absolute_url(),
        "/api/enforcement/",
        f"/api/enforcement/{decision.pk}/",
        "/api/publications/",
        f"/api/publications/{publication.pk}/",
    ]
    for address in pages:
        response = client.get(address)
        assert response.status_code == 200, address
        body = response.content.decode()
        assert NOTE not in body and REMOVED not in body and "reviewer-a" not in body and "公开审查" not in body, address


def test_supervisors_read_the_review_with_personal_data_masked(client, editor_a, reviewer_a, supervisor, unit_a):
    decision = make_decision(unit_a, created_by=editor_a)
    review_record(record=decision, reviewer=reviewer_a, outcome="partial", removed="联系电话13937512345")
    client.force_login(supervisor)
    page = client.get(url("change", decision)).content.decode()
    assert "审查记录" in page and "联系电话" in page and "13937512345" not in page
