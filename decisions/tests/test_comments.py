"""Comments: moderation, privacy, campaigns, abuse."""

from datetime import date

import pytest
from django.urls import reverse

from decisions.models import Comment, CommentStatus
from decisions.services import comment_moderate
from decisions.tests.factories import consultation
from decisions.views import REPORT_DUE, REPORT_DUE_LATER, SUBMITTED, report_due_text

pytestmark = pytest.mark.django_db

NAME, CONTACT = "王小二", "13812345678"


def post(client, decision, **data):
    return client.post(reverse("decisions:consultation", args=[decision.pk]), data)


def test_a_comment_awaits_moderation_and_never_shows_name_or_contact(client, unit_a, editor_a):
    decision = consultation(unit_a)
    response = post(client, decision, body="建议优先改造多层住宅。", name=NAME, contact=CONTACT)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "审核后将在本页公开" in page and "建议优先改造多层住宅" not in page
    comment = Comment.objects.get()
    assert (comment.name, comment.contact, comment.status) == (NAME, CONTACT, CommentStatus.PENDING)
    comment_moderate(comment=comment, approve=True, by=editor_a)
    outputs = [
        client.get(decision.get_absolute_url()).content.decode(),
        client.get("/api/consultation-comments/").content.decode(),
        client.get(f"/api/major-decisions/{decision.pk}/").content.decode(),
        client.get("/feeds/consultations/").content.decode(),
        client.get("/consultations/").content.decode(),
    ]
    assert "建议优先改造多层住宅" in outputs[0]
    assert "建议优先改造多层住宅" in outputs[1]
    for text in outputs:
        for secret in (NAME, CONTACT):
            assert secret not in text


def test_the_confirmation_takes_the_forms_place_and_says_what_happens_next(client, unit_a):
    decision = consultation(unit_a)
    response = post(client, decision, body="建议增加停车位。")
    assert response["Location"] == decision.get_absolute_url() + "#submitted"
    page = client.get(response["Location"]).content.decode()
    comments_section = page[page.index('id="comments"') :]
    assert '<div id="submitted" class="notice" role="status"' in comments_section  # where the form was
    assert SUBMITTED in comments_section
    assert REPORT_DUE.format(date="2025年11月20日") in comments_section  # 15 working days after 10-30
    assert 'name="body"' not in page and "再提交一条意见" in page
    again = client.get(decision.get_absolute_url()).content.decode()  # the next visit: the form again
    assert 'name="body"' in again and SUBMITTED not in again


def test_the_report_date_is_explained_even_when_no_date_is_known():
    assert report_due_text(None, None) == REPORT_DUE_LATER.format(days=15)
    assert report_due_text(date(2025, 12, 1), None) == REPORT_DUE.format(date="2025年12月1日")


def test_rejected_comments_never_appear_and_rejection_needs_a_reason(client, unit_a, editor_a):
    from django.core.exceptions import ValidationError

    decision = consultation(unit_a)
    post(client, decision, body="广告：装修找我")
    comment = Comment.objects.get()
    with pytest.raises(ValidationError):
        comment_moderate(comment=comment, approve=False, reason="", by=editor_a)
    comment_moderate(comment=comment, approve=False, reason="广告", by=editor_a)
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "装修找我" not in page and "已收到意见 1 条，已公开 0 条" in page
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_other_units_cannot_moderate(unit_a, editor_b):
    from django.core.exceptions import PermissionDenied

    decision = consultation(unit_a)
    comment = Comment.objects.create(decision=decision, body="x", fingerprint="f")
    with pytest.raises(PermissionDenied):
        comment_moderate(comment=comment, approve=True, by=editor_b)


def test_campaign_comments_are_grouped_and_counted(client, unit_a, editor_a):
    decision = consultation(unit_a)
    for body in ["请加装电梯！", "请加装电梯", "请 加装 电梯!!", "另一个意见"]:
        post(client, decision, body=body)
    for comment in Comment.objects.all():
        comment_moderate(comment=comment, approve=True, by=editor_a)
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "相同或基本相同的意见共 3 条" in page
    assert page.count("另一个意见") == 1


def test_script_in_a_comment_shows_as_text(client, unit_a, editor_a):
    decision = consultation(unit_a)
    post(client, decision, body="<script>alert(1)</script>")
    comment_moderate(comment=Comment.objects.get(), approve=True, by=editor_a)
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_rate_limit_honeypot_and_length(client, unit_a):
    decision = consultation(unit_a)
    assert post(client, decision, body="x", website="http://spam").status_code == 400
    assert post(client, decision, body="长" * 2001).status_code == 400
    statuses = [post(client, decision, body=f"意见{n}").status_code for n in range(6)]
    assert statuses == [302] * 5 + [400]
    assert Comment.objects.count() == 5


def test_csrf_is_required_on_the_form(unit_a):
    from django.test import Client

    decision = consultation(unit_a)
    strict = Client(enforce_csrf_checks=True, REMOTE_ADDR="203.0.113.9")
    assert strict.post(reverse("decisions:consultation", args=[decision.pk]), {"body": "x"}).status_code == 403


def test_the_api_endpoint_has_the_same_checks(client, unit_a):
    decision = consultation(unit_a)
    url = f"/api/major-decisions/{decision.pk}/comments/"
    assert (
        client.post(url, {"body": "API 意见", "contact": CONTACT}, content_type="application/json").status_code == 201
    )
    assert client.post(url, {"body": "x", "website": "y"}, content_type="application/json").status_code == 400
    assert client.post(url, {"body": "长" * 2001}, content_type="application/json").status_code == 400
    closed = consultation(unit_a, title="已结束", opens_on=date(2025, 9, 1), closes_on=date(2025, 9, 30))
    assert (
        client.post(
            f"/api/major-decisions/{closed.pk}/comments/", {"body": "x"}, content_type="application/json"
        ).status_code
        == 409
    )
    assert Comment.objects.count() == 1


PERSONAL_BODY = "我是李明华，明华的电话138 0013 8000，身份证410423-19880715-0033，住幸福路88号，建议加装电梯。"
PERSONAL_SECRETS = ["李明华", "明华", "138 0013 8000", "410423-19880715-0033", "幸福路88号"]


def test_the_moderator_sees_what_will_be_masked_and_the_public_sees_it_masked(client, unit_a, editor_a):
    from django.test import Client

    decision = consultation(unit_a)
    post(client, decision, body=PERSONAL_BODY, name="李明华", contact=CONTACT)
    comment = Comment.objects.get()
    moderator = Client()
    moderator.force_login(editor_a)
    listing = moderator.get(reverse("admin:decisions_comment_changelist")).content.decode()
    # The list names the kinds only (every reader sees it); the fragments are quoted on approval.
    assert all(f"{kind}" in listing for kind in ("姓名", "手机号", "身份证号", "门牌号"))
    change_url = reverse("admin:decisions_comment_change", args=[comment.pk])
    change_page = moderator.get(change_url).content.decode()
    assert "我是李**，**的电话[已隐去]，身份证[已隐去]，住幸福路[已隐去]，建议加装电梯。" in change_page
    approved = moderator.post(change_url, {"status": CommentStatus.APPROVED, "rejection_reason": ""}, follow=True)
    assert "身份证号「410423-19880715-0033」→「[已隐去]」" in approved.content.decode()
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED and comment.body == PERSONAL_BODY  # the record is kept as sent
    outputs = {
        "page": client.get(decision.get_absolute_url()).content.decode(),
        "api": client.get("/api/consultation-comments/").content.decode(),
        "feed": client.get("/feeds/consultations/").content.decode(),
    }
    assert "建议加装电梯" in outputs["page"] and "建议加装电梯" in outputs["api"]
    for where, text in outputs.items():
        for secret in PERSONAL_SECRETS:
            assert secret not in text, f"{secret} leaked in {where}"


def test_the_body_stays_masked_after_the_commenters_name_is_erased(client, unit_a, editor_a, settings):
    from datetime import timedelta

    from django.utils import timezone

    from decisions.models import MajorDecision
    from decisions.services import contacts_erase

    decision = consultation(unit_a)
    post(client, decision, body=PERSONAL_BODY, name="李明华")
    comment_moderate(comment=Comment.objects.get(), approve=True, by=editor_a)
    MajorDecision.objects.filter(pk=decision.pk).update(feedback_published_at=timezone.now() - timedelta(days=30))
    settings.COMMENT_CONTACT_RETENTION_DAYS = 1
    assert contacts_erase() == 1
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "建议加装电梯" in page
    for secret in PERSONAL_SECRETS:
        assert secret not in page


def test_placeholder_names_are_not_masked_in_the_body(client, unit_a, editor_a):
    decision = consultation(unit_a)
    post(client, decision, body="作为市民，建议增加停车位。", name="市民")
    comment_moderate(comment=Comment.objects.get(), approve=True, by=editor_a)
    assert "作为市民，建议增加停车位。" in client.get(decision.get_absolute_url()).content.decode()
