"""Replies of every kind: the annual report's cell, grounds and remedies, the letters, sending by
e-mail and recording the post, and what the applicant sees once the letter is sent."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from disclosure_requests import letters, replies
from disclosure_requests.models import REASONS_BY_KIND, Reply, ReplyKind, SentRoute, SentStatus, Status
from disclosure_requests.selectors import sent_reply_for, status_view
from disclosure_requests.tests.factories import register

pytestmark = pytest.mark.django_db
RECEIVED = date(2025, 11, 17)  # a Monday
REPLIED = date(2025, 11, 20)
REMEDIES = {"reconsideration_body": "鲁山县人民政府", "litigation_court": "鲁山县人民法院"}
CELLS = [(kind, reason) for kind, reasons in REASONS_BY_KIND.items() for reason in (reasons or ("",))]


@pytest.fixture
def application(unit_a, editor_a):
    return register(unit_a, editor_a, arrived_on=RECEIVED, email="wang@example.cn").application


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2025-11-20 10:00 +0800", tick=False):
        yield


def details_for(kind: str, reason: str) -> dict:
    if kind in (ReplyKind.REFUSED, ReplyKind.UNAVAILABLE, ReplyKind.PARTIAL):
        return {
            "legal_ground": letters.suggested_ground(reason) or "《中华人民共和国政府信息公开条例》第三十七条",
            **REMEDIES,
        }
    return {}


def reply_of(application, by, kind: str, reason: str = "", **extra: str) -> Reply:
    replies.reply_draft(
        application=application, kind=kind, reason=reason, by=by, **{**details_for(kind, reason), **extra}
    )
    return replies.reply_finalise(application=application, replied_on=REPLIED, by=by)


@pytest.mark.parametrize(("kind", "reason"), CELLS)
def test_each_kind_and_case_is_stored_in_its_annual_report_cell(application, editor_a, kind, reason):
    reply_of(application, editor_a, kind, reason)
    stored = Reply.objects.get(application=application)
    assert (stored.kind, stored.reason, stored.replied_on) == (kind, reason, REPLIED)
    application.refresh_from_db()
    assert (application.status, application.closed_on) == (Status.REPLIED, REPLIED)
    assert application.reference in stored.letter_text and "2025年11月17日" in stored.letter_text
    assert ("申请行政复议" in stored.letter_text) == (
        kind in (ReplyKind.REFUSED, ReplyKind.UNAVAILABLE, ReplyKind.PARTIAL)
    )


def test_refusal_needs_its_ground_and_the_remedies_and_saves_nothing_without(application, editor_a):
    with pytest.raises(ValidationError) as refused:
        replies.reply_draft(application=application, kind=ReplyKind.REFUSED, reason="state_secret", by=editor_a)
    assert refused.value.message_dict == {
        "legal_ground": [replies.ERROR_GROUND],
        "reconsideration_body": [replies.ERROR_RECONSIDERATION_BODY],
        "litigation_court": [replies.ERROR_LITIGATION_COURT],
    }
    assert not Reply.objects.exists()
    with pytest.raises(ValidationError) as unavailable:
        replies.reply_draft(application=application, kind=ReplyKind.UNAVAILABLE, reason="not_held", by=editor_a,
                            legal_ground="条例第三十六条", reconsideration_body="鲁山县人民政府")  # fmt: skip
    assert set(unavailable.value.message_dict) == {"litigation_court"}


def test_the_case_must_belong_to_the_kind(application, editor_a):
    with pytest.raises(ValidationError) as wrong:
        replies.reply_draft(application=application, kind=ReplyKind.NOT_PROCESSED, reason="state_secret", by=editor_a)
    assert wrong.value.message_dict == {"reason": [replies.ERROR_REASON]}
    with pytest.raises(ValidationError):
        replies.reply_draft(application=application, kind=ReplyKind.DISCLOSED, reason="repeated", by=editor_a)


def test_not_held_names_the_agency_responsible_when_known(application, editor_a):
    agency = "鲁山县自然资源局（电话 0375-5050000）"
    reply = reply_of(application, editor_a, ReplyKind.UNAVAILABLE, "not_held", right_agency=agency)
    assert f"负责公开该政府信息的行政机关为：{agency}" in reply.letter_text


def test_not_held_without_a_known_agency_says_so(application, editor_a):
    reply = reply_of(application, editor_a, ReplyKind.UNAVAILABLE, "not_held")
    assert "无法确定负责公开该政府信息的行政机关" in reply.letter_text


def test_the_right_agency_only_for_not_held(application, editor_a):
    with pytest.raises(ValidationError) as wrong:
        replies.reply_draft(application=application, kind=ReplyKind.REFUSED, reason="state_secret", by=editor_a,
                            right_agency="县财政局", **details_for(ReplyKind.REFUSED, "state_secret"))  # fmt: skip
    assert wrong.value.message_dict == {"right_agency": [replies.ERROR_RIGHT_AGENCY_ONLY]}


def test_already_disclosed_links_to_where_the_information_is(application, editor_a):
    url = "https://www.lushan.gov.cn/zwgk/2025/dibao.html"
    reply = reply_of(application, editor_a, ReplyKind.DISCLOSED, disclosed_url=url)
    assert reply.disclosed_url == url and f"获取该政府信息的途径：{url}" in reply.letter_text


@pytest.mark.parametrize(
    ("kind", "reason", "url", "error"),
    [
        (ReplyKind.DISCLOSED, "", "javascript:alert(1)", replies.ERROR_URL),
        (ReplyKind.DISCLOSED, "", "www.example.cn/page", replies.ERROR_URL),
        (ReplyKind.NOT_PROCESSED, "repeated", "https://www.example.cn/", replies.ERROR_URL_ONLY),
    ],
)
def test_a_disclosed_link_must_be_a_web_address_on_a_disclosing_reply(application, editor_a, kind, reason, url, error):
    with pytest.raises(ValidationError) as wrong:
        replies.reply_draft(application=application, kind=kind, reason=reason, by=editor_a, disclosed_url=url)
    assert wrong.value.message_dict == {"disclosed_url": [error]}


@pytest.mark.parametrize(
    ("kind", "reason", "words"),
    [
        (ReplyKind.DISCLOSED, "", "第三十六条第（二）项"),
        (ReplyKind.PARTIAL, "", "第三十七条"),
        (ReplyKind.REFUSED, "third_party_rights", "保护第三方合法权益。根据《中华人民共和国政府信息公开条例》第十五条"),
        (ReplyKind.UNAVAILABLE, "needs_creation", "第三十八条"),
        (ReplyKind.UNAVAILABLE, "still_unclear", "补正后申请内容仍不明确"),
        (ReplyKind.NOT_PROCESSED, "petition", "信访、投诉、举报"),
        (ReplyKind.NOT_PROCESSED, "repeated", "重复申请公开相同的政府信息"),
        (ReplyKind.OTHER, "no_correction", "逾期未补正"),
        (ReplyKind.OTHER, "fee_not_paid", "逾期未按通知要求缴纳费用"),
    ],
)
def test_the_letter_follows_the_template_of_its_kind(application, editor_a, kind, reason, words):
    reply = replies.reply_draft(
        application=application, kind=kind, reason=reason, by=editor_a, **details_for(kind, reason)
    )
    assert words in reply.letter_text
    assert application.description in reply.letter_text and reply.letter_text.startswith("王秀兰：")


def test_remedies_name_the_bodies_and_the_time_limits(application, editor_a):
    reply = reply_of(application, editor_a, ReplyKind.REFUSED, "state_secret")
    assert "自知道本答复之日起60日内向鲁山县人民政府申请行政复议" in reply.letter_text
    assert "自知道本答复之日起6个月内向鲁山县人民法院提起行政诉讼" in reply.letter_text


def test_an_edited_letter_is_kept_and_signed_with_the_unit_and_the_reply_date(application, editor_a):
    replies.reply_draft(application=application, kind=ReplyKind.DISCLOSED, by=editor_a)
    edited = "王秀兰：\n\n　　经核查，您申请的信息见附件。\n\n　　特此告知。"
    replies.reply_draft(application=application, kind=ReplyKind.DISCLOSED, by=editor_a, letter_text=edited)
    reply = replies.reply_finalise(application=application, replied_on=REPLIED, by=editor_a)
    assert reply.letter_text == edited
    assert letters.final_text(reply) == f"{edited}\n\n鲁山县民政局\n2025年11月20日\n"
    page = letters.letter_html(reply)
    assert (
        "<h1>政府信息公开申请答复告知书</h1>" in page
        and "@media print" in page
        and "鲁山县民政局<br>2025年11月20日" in page
    )


def test_a_finalised_reply_cannot_be_redrafted_nor_finalised_again(application, editor_a):
    reply_of(application, editor_a, ReplyKind.DISCLOSED)
    with pytest.raises(ValidationError):
        replies.reply_draft(application=application, kind=ReplyKind.PARTIAL, by=editor_a)
    with pytest.raises(ValidationError):
        replies.reply_finalise(application=application, replied_on=REPLIED, by=editor_a)


def test_finalise_needs_a_draft_and_a_reply_date_from_receipt_to_today(application, editor_a):
    with pytest.raises(ValidationError, match=replies.ERROR_NO_DRAFT):
        replies.reply_finalise(application=application, replied_on=REPLIED, by=editor_a)
    replies.reply_draft(application=application, kind=ReplyKind.DISCLOSED, by=editor_a)
    with pytest.raises(ValidationError) as early:
        replies.reply_finalise(application=application, replied_on=date(2025, 11, 16), by=editor_a)
    assert "replied_on" in early.value.message_dict
    with pytest.raises(ValidationError) as future:
        replies.reply_finalise(application=application, replied_on=date(2025, 11, 21), by=editor_a)
    assert "replied_on" in future.value.message_dict
    application.refresh_from_db()
    assert application.is_open and Reply.objects.get().replied_on is None


def test_email_sends_the_final_letter_and_the_applicant_then_sees_the_reply(application, editor_a, mailoutbox):
    reply_of(application, editor_a, ReplyKind.DISCLOSED)
    assert sent_reply_for(application) is None and status_view(application).reply is None  # finalised, not sent
    reply = replies.reply_send_email(application=application, by=editor_a)
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["wang@example.cn"] and application.reference in mail.subject
    assert mail.body == letters.final_text(reply)
    html, mimetype = mail.alternatives[0]
    assert mimetype == "text/html" and "政府信息公开申请答复告知书" in html
    reply.refresh_from_db()
    assert (reply.sent_status, reply.sent_route, reply.sent_on) == (SentStatus.SENT, SentRoute.EMAIL, REPLIED)
    application.refresh_from_db()
    assert sent_reply_for(application) == reply and status_view(application).reply == reply
    with pytest.raises(ValidationError, match=replies.ERROR_ALREADY_SENT):
        replies.reply_send_email(application=application, by=editor_a)
    assert len(mailoutbox) == 1


def test_email_needs_the_applicants_address(unit_a, editor_a, mailoutbox):
    application = register(unit_a, editor_a, arrived_on=RECEIVED).application
    reply_of(application, editor_a, ReplyKind.DISCLOSED)
    with pytest.raises(ValidationError, match=replies.ERROR_NO_EMAIL):
        replies.reply_send_email(application=application, by=editor_a)
    assert mailoutbox == [] and Reply.objects.get().sent_status == SentStatus.DRAFT


def test_a_mail_server_that_refuses_leaves_the_letter_unsent_and_marked(application, editor_a, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # nothing listens
    reply_of(application, editor_a, ReplyKind.DISCLOSED)
    with pytest.raises(ValidationError, match=replies.ERROR_SEND_FAILED):
        replies.reply_send_email(application=application, by=editor_a)
    assert Reply.objects.get().sent_status == SentStatus.FAILED and sent_reply_for(application) is None


def test_post_is_recorded_with_its_date_and_tracking_number(application, editor_a, mailoutbox):
    reply_of(application, editor_a, ReplyKind.DISCLOSED)
    for day, field in ((date(2025, 11, 19), "on"), (date(2025, 11, 21), "on")):
        with pytest.raises(ValidationError) as wrong:
            replies.reply_record_delivery(application=application, route=SentRoute.POST, on=day, by=editor_a)
        assert field in wrong.value.message_dict
    with pytest.raises(ValidationError) as email:
        replies.reply_record_delivery(application=application, route=SentRoute.EMAIL, on=REPLIED, by=editor_a)
    assert "route" in email.value.message_dict
    reply = replies.reply_record_delivery(
        application=application, route=SentRoute.POST, on=REPLIED, by=editor_a, tracking_number=" 1180123456789 "
    )
    assert (reply.sent_status, reply.sent_route, reply.sent_on, reply.tracking_number, reply.sent_at) == (
        SentStatus.SENT, SentRoute.POST, REPLIED, "1180123456789", None,
    )  # fmt: skip
    assert mailoutbox == [] and sent_reply_for(application) == reply


def test_handing_over_in_person_is_recorded(application, editor_a):
    reply_of(application, editor_a, ReplyKind.DISCLOSED)
    reply = replies.reply_record_delivery(application=application, route=SentRoute.IN_PERSON, on=REPLIED, by=editor_a)
    assert (reply.sent_route, reply.sent_on) == (SentRoute.IN_PERSON, REPLIED)


def test_staff_of_another_unit_may_not_reply_or_send(application, editor_a, editor_b, supervisor):
    for user in (editor_b, supervisor):
        with pytest.raises(PermissionDenied):
            replies.reply_draft(application=application, kind=ReplyKind.DISCLOSED, by=user)
    replies.reply_draft(application=application, kind=ReplyKind.DISCLOSED, by=editor_a)
    with pytest.raises(PermissionDenied):
        replies.reply_finalise(application=application, replied_on=REPLIED, by=editor_b)
    replies.reply_finalise(application=application, replied_on=REPLIED, by=editor_a)
    with pytest.raises(PermissionDenied):
        replies.reply_send_email(application=application, by=editor_b)
    with pytest.raises(PermissionDenied):
        replies.reply_record_delivery(application=application, route=SentRoute.POST, on=REPLIED, by=editor_b)
    assert Reply.objects.get().sent_status == SentStatus.DRAFT


def test_no_reply_before_the_receipt_date_is_known(unit_a, editor_a):
    application = register(unit_a, editor_a, channel="ordinary_letter", arrived_on=RECEIVED).application
    with pytest.raises(ValidationError, match="收到申请日期尚未确认"):
        replies.reply_draft(application=application, kind=ReplyKind.DISCLOSED, by=editor_a)


def test_the_status_page_shows_the_letter_once_it_is_sent_and_not_before(client, unit_a, editor_a):
    received = register(unit_a, editor_a, arrived_on=RECEIVED)
    application, form = received.application, {"reference": received.application.reference, "code": received.query_code}
    reply_of(application, editor_a, ReplyKind.NOT_PROCESSED, "publication")
    assert "公开出版物" not in client.post("/requests/status/", form).content.decode()
    replies.reply_record_delivery(application=application, route=SentRoute.IN_PERSON, on=REPLIED, by=editor_a)
    page = client.post("/requests/status/", form).content.decode()
    assert "不予处理（要求提供公开出版物）" in page and "可以通过公开发行渠道获取" in page
