"""The feedback report, the decision, reminders, attendance, scoping and query counts."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from compliance.models import Alert
from compliance.scans import deadlines_scan_all
from decisions.deadlines import CLOSE_REMINDER, FEEDBACK_OVERDUE, SHORT_WINDOW, stakeholder_attendance
from decisions.models import Comment, CommentStatus, MajorDecision, Meeting
from decisions.rules import feedback_due, half_year
from decisions.services import decision_mark_decided, decision_save, feedback_publish
from decisions.tests.factories import consultation
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(unit_a):
    decision = consultation(unit_a, opens_on=date(2025, 9, 1), closes_on=date(2025, 9, 30))
    for status in [CommentStatus.APPROVED, CommentStatus.APPROVED, CommentStatus.REJECTED]:
        Comment.objects.create(decision=decision, body="意见", fingerprint="f", status=status)
    return decision


def report(decision, **overrides):
    values = {"received": 3, "adopted": 1, "not_adopted": 2, "main_views": "观点", "reasons": "理由"}
    return feedback_publish(decision=reviewed(decision), **{**values, **overrides})


def test_report_counts_must_agree_with_the_comments(closed):
    with pytest.raises(ValidationError, match="不一致"):
        report(closed, received=2)
    with pytest.raises(ValidationError, match="不能超过"):
        report(closed, adopted=2, not_adopted=2)
    published = report(closed)
    assert published.feedback_published_at is not None


def test_no_report_before_the_close_or_with_pending_comments(unit_a, closed):
    with pytest.raises(ValidationError, match="结束后"):
        report(consultation(unit_a, title="进行中"), received=0, adopted=0, not_adopted=0)
    Comment.objects.create(decision=closed, body="新", fingerprint="g")
    with pytest.raises(ValidationError, match="待审核"):
        report(closed, received=4)


def test_not_decided_before_the_report(closed):
    with pytest.raises(ValidationError, match="之前不能"):
        decision_mark_decided(decision=closed, decided_on=date(2025, 10, 20))
    report(closed)
    assert decision_mark_decided(decision=closed, decided_on=date(2025, 10, 20)).stage().value == "decided"


def test_the_report_is_shown_publicly(client, closed):
    report(closed)
    page = client.get(closed.get_absolute_url()).content.decode()
    assert "意见采纳情况" in page and "未采纳理由" in page
    assert "《鲁山县老旧小区改造方案》征求意见采纳情况" in client.get("/feeds/consultation-reports/").content.decode()


def alerts(rule: str, today: date) -> set[int]:
    deadlines_scan_all(today=today)
    return set(Alert.objects.filter(rule_code=rule, resolved_at=None).values_list("object_id", flat=True))


def test_reminder_three_days_before_the_close(unit_a):
    decision = consultation(unit_a)  # closes 30 October
    assert alerts(CLOSE_REMINDER, date(2025, 10, 26)) == set()
    assert alerts(CLOSE_REMINDER, date(2025, 10, 27)) == {decision.pk}
    assert alerts(CLOSE_REMINDER, date(2025, 10, 31)) == set()


def test_feedback_overdue_after_fifteen_working_days(closed):
    assert closed.feedback_due == feedback_due(date(2025, 9, 30)) == date(2025, 10, 28)
    assert alerts(FEEDBACK_OVERDUE, date(2025, 10, 28)) == set()
    assert alerts(FEEDBACK_OVERDUE, date(2025, 10, 29)) == {closed.pk}
    report(closed)
    assert alerts(FEEDBACK_OVERDUE, date(2025, 10, 30)) == set()


def test_short_windows_are_flagged_to_supervisors(unit_a):
    short = consultation(unit_a, opens_on=date(2025, 10, 1), closes_on=date(2025, 10, 20), shortened_reason="限期")
    consultation(unit_a, title="30日", opens_on=date(2025, 10, 1), closes_on=date(2025, 10, 30))
    assert alerts(SHORT_WINDOW, date(2025, 10, 2)) == {short.pk}


def test_attendance_at_the_half_year_boundary(unit_a, unit_b):
    decision_save(decision=MajorDecision(unit=unit_b, year=2025, title="事项"))
    Meeting.objects.create(unit=unit_a, held_on=date(2025, 6, 30), subject="会议", stakeholders=2)
    first, second = half_year(date(2025, 6, 30)), half_year(date(2025, 7, 1))
    assert first == (date(2025, 1, 1), date(2025, 6, 30)) and second == (date(2025, 7, 1), date(2025, 12, 31))
    h1, h2 = stakeholder_attendance(*first), stakeholder_attendance(*second)
    assert h1[unit_a.pk].met and not h1[unit_b.pk].met
    assert not h2[unit_b.pk].met and unit_a.pk not in h2


def test_year_catalog_shows_classified_entries_only_as_existing(client, unit_a):
    decision_save(decision=MajorDecision(unit=unit_a, year=2025, title="绝密事项名称", classified=True))
    consultation(unit_a)
    page = client.get(reverse("decisions:year", args=[2025])).content.decode()
    assert "涉密事项（依法不公开具体内容）" in page and "绝密事项名称" not in page
    assert "正在征求意见" in page
    assert "绝密事项名称" not in client.get("/api/major-decisions/").content.decode()


def test_admin_scoping_and_attendance_page(client, unit_a, editor_b, supervisor, closed):
    client.force_login(editor_b)
    assert client.get(reverse("admin:decisions_majordecision_change", args=[closed.pk])).status_code == 404
    comment = closed.comments.first()
    assert client.get(reverse("admin:decisions_comment_change", args=[comment.pk])).status_code == 404
    assert client.get(reverse("admin:decisions_majordecision_feedback", args=[closed.pk])).status_code == 404
    assert client.get(reverse("admin:decisions_meeting_attendance")).status_code == 403
    client.force_login(supervisor)
    assert client.get(reverse("admin:decisions_meeting_attendance"), {"half": "2025-2"}).status_code == 200


@pytest.mark.parametrize("count", [2, 20])
def test_pages_stay_constant_in_queries(client, unit_a, count, django_assert_max_num_queries):
    decision = consultation(unit_a)
    for n in range(count):
        consultation(unit_a, title=f"事项{n}")
        Comment.objects.create(decision=decision, body=f"意见{n}", fingerprint=str(n), status=CommentStatus.APPROVED)
    with django_assert_max_num_queries(2):
        client.get(reverse("decisions:consultations"))
    with django_assert_max_num_queries(6):
        client.get(decision.get_absolute_url())
    with django_assert_max_num_queries(2):
        client.get(reverse("decisions:year", args=[2025]))
    with django_assert_max_num_queries(3):  # the decisions, their offline comments, the count
        client.get("/api/major-decisions/")
