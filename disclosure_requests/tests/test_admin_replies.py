"""The reply pages of the application admin: the handling unit's editors draft, finalise and send;
other units get 404, reviewers and supervisors may not reply, and every page asks for the second
factor like the rest of the admin."""

from datetime import date

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from disclosure_requests import replies
from disclosure_requests.admin_replies import ReviewForm
from disclosure_requests.models import Reply, ReplyKind, Review, SentRoute, SentStatus
from disclosure_requests.tests.factories import register

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2025-11-20 10:00 +0800", tick=False):
        yield


@pytest.fixture
def application(unit_a, editor_a):
    return register(unit_a, editor_a, arrived_on=date(2025, 11, 17), email="wang@example.cn").application


def url(name: str, application) -> str:
    return reverse(f"admin:disclosure_requests_application_{name}", args=[application.pk])


def draft_data(**extra: str) -> dict:
    data = {
        "kind": ReplyKind.REFUSED, "reason": "process_info", "legal_ground": "", "litigation_court": "鲁山县人民法院",
        "reconsideration_body": "鲁山县人民政府", "right_agency": "", "disclosed_url": "", "letter_text": "",
    }  # fmt: skip
    return {**data, **extra}


def test_an_editor_drafts_finalises_and_emails_the_reply(client, editor_a, application, mailoutbox):
    client.force_login(editor_a)
    page = client.get(url("change", application)).content.decode()
    assert "起草答复和告知书" in page and "未发现可能的重复申请" in page
    assert client.post(url("reply", application), draft_data()).status_code == 302
    reply = Reply.objects.get()
    assert "《中华人民共和国政府信息公开条例》第十六条第二款" in reply.letter_text  # the suggested ground
    edited = reply.letter_text.replace("特此告知。", "特此告知。联系电话：0375-5051234。")
    client.post(url("reply", application), draft_data(letter_text=edited))
    reply.refresh_from_db()
    assert reply.letter_text == edited
    assert client.post(url("reply_finalise", application), {"replied_on": "2025-11-20"}).status_code == 302
    assert client.post(url("reply_send", application), {"route": SentRoute.EMAIL, "on": ""}).status_code == 302
    reply.refresh_from_db()
    assert reply.sent_status == SentStatus.SENT and "联系电话：0375-5051234" in mailoutbox[0].body
    letter = client.get(url("reply_letter", application))
    assert letter.status_code == 200 and "鲁山县民政局<br>2025年11月20日" in letter.content.decode()


def test_an_unedited_letter_follows_a_changed_kind(client, editor_a, application):
    client.force_login(editor_a)
    client.post(url("reply", application), draft_data())
    client.post(url("reply", application), draft_data(kind=ReplyKind.DISCLOSED, reason="", legal_ground="",
                                                      letter_text=Reply.objects.get().letter_text))  # fmt: skip
    assert "第三十六条第（二）项" in Reply.objects.get().letter_text


def test_draft_errors_are_shown_on_their_fields_and_nothing_is_saved(client, editor_a, application):
    client.force_login(editor_a)
    response = client.post(url("reply", application), draft_data(litigation_court="", disclosed_url="ftp://x"))
    page = response.content.decode()
    assert response.status_code == 400
    assert replies.ERROR_LITIGATION_COURT in page and replies.ERROR_URL_ONLY in page
    assert not Reply.objects.exists()


def test_posting_the_letter_is_recorded_with_its_date(client, editor_a, application, mailoutbox):
    client.force_login(editor_a)
    client.post(url("reply", application), draft_data())
    client.post(url("reply_finalise", application), {"replied_on": "2025-11-20"})
    missing = client.post(url("reply_send", application), {"route": SentRoute.POST, "on": ""})
    assert missing.status_code == 400 and "请填写寄出或送达日期" in missing.content.decode()
    client.post(
        url("reply_send", application), {"route": SentRoute.POST, "on": "2025-11-20", "tracking_number": "11801"}
    )
    reply = Reply.objects.get()
    assert (reply.sent_route, reply.sent_on, reply.tracking_number, mailoutbox) == (
        SentRoute.POST, date(2025, 11, 20), "11801", [],
    )  # fmt: skip


def test_staff_of_another_unit_get_not_found(client, editor_b, application):
    client.force_login(editor_b)
    for name in ("reply", "reply_letter"):
        assert client.get(url(name, application)).status_code == 404
    assert client.post(url("reply", application), draft_data()).status_code == 404
    assert client.post(url("reply_finalise", application), {"replied_on": "2025-11-20"}).status_code == 404
    assert not Reply.objects.exists()


def test_a_reviewer_and_a_supervisor_may_not_reply(client, reviewer_a, supervisor, application):
    for user in (reviewer_a, supervisor):
        client.force_login(user)
        assert client.get(url("reply", application)).status_code == 403
        assert client.post(url("reply", application), draft_data()).status_code == 403
    assert not Reply.objects.exists()


def test_the_reply_pages_ask_for_the_second_factor(reviewer_a, application):
    plain = Client()
    plain.force_login(reviewer_a)  # password only, no second factor yet
    response = plain.get(url("reply_letter", application))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:two_factor"))


def test_a_supervisor_reads_the_letter_only_after_giving_a_reason(client, editor_a, supervisor, application):
    replies.reply_draft(application=application, kind=ReplyKind.DISCLOSED, by=editor_a)
    client.force_login(supervisor)
    response = client.get(url("reply_letter", application))
    assert response.status_code == 302 and response["Location"] == url("reveal", application)
    client.post(url("reveal", application), {"reason": "核查答复是否逾期"})
    assert "王秀兰" in client.get(url("reply_letter", application)).content.decode()


def test_the_change_page_suggests_a_possible_repeat(
    client, unit_a, editor_a, application, django_assert_max_num_queries
):
    again = register(unit_a, editor_a, arrived_on=date(2025, 11, 19)).application
    client.force_login(editor_a)
    with django_assert_max_num_queries(40):
        page = client.get(url("change", again)).content.decode()
    assert "可能为重复申请" in page and application.reference in page


def test_a_review_is_entered_inline_once_answered_and_checked(client, editor_a, application):
    replies.reply_draft(application=application, kind=ReplyKind.DISCLOSED, by=editor_a)
    replies.reply_finalise(application=application, replied_on=date(2025, 11, 20), by=editor_a)
    client.force_login(editor_a)
    page = client.get(url("change", application)).content.decode()
    assert "行政复议或行政诉讼" in page
    data = {"kind": "reconsideration", "outcome": "pending", "decided_on": "2025-11-20", "body": "",
            "filed_on": "2025-11-20", "note": ""}  # fmt: skip
    form = ReviewForm(data=data, instance=Review(application=application))
    assert not form.is_valid() and "outcome" in form.errors
