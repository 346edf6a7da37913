"""Staff handle their own unit's messages in the admin, one step per save; other units are refused
by URL, by a forged POST and in the API; readers outside the unit see personal data masked."""

import pytest
from django.urls import reverse

from interaction import mailbox_services as services
from interaction.models import Message, MessageStatus, Reply
from interaction.tests.conftest import letter
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db


def change_url(message: Message) -> str:
    return reverse("admin:interaction_message_change", args=[message.pk])


def step(message: Message, action: str, **fields: object) -> dict:
    data = {"action": action, "refer_to": "", "reason": "", "progress": "", "reply_body": "", **fields}
    # The inlines (read only) post their management forms and each row's id, as the browser does.
    for prefix, rows in (("referrals", message.referrals.order_by("pk")), ("replies", message.replies.order_by("pk"))):
        ids = list(rows.values_list("pk", flat=True))
        data.update({f"{prefix}-TOTAL_FORMS": str(len(ids)), f"{prefix}-INITIAL_FORMS": str(len(ids))})
        for index, pk in enumerate(ids):
            data.update({f"{prefix}-{index}-id": str(pk), f"{prefix}-{index}-message": str(message.pk)})
    return data


def test_an_editor_accepts_drafts_sends_and_publishes_from_the_message_page(client, mailbox_a, editor_a):
    message = letter(mailbox_a)
    client.force_login(editor_a)
    assert client.post(change_url(message), step(message, "accept")).status_code == 302
    assert Message.objects.get().status == MessageStatus.ACCEPTED
    response = client.post(change_url(message), step(message, "draft", reply_body="请到民政所申请。"))
    assert response.status_code == 302
    # Sending before the review is refused on the form, in Chinese, and nothing changes.
    response = client.post(change_url(message), step(message, "send"))
    assert response.status_code == 200 and "公开审查" in response.content.decode()
    reviewed(Reply.objects.get())
    assert client.post(change_url(message), step(message, "send")).status_code == 302
    assert client.post(change_url(message), step(message, "publish")).status_code == 302
    message.refresh_from_db()
    assert message.status == MessageStatus.ANSWERED and message.is_public


def test_a_referral_without_a_unit_or_reason_is_refused_on_the_form(client, mailbox_a, unit_b, editor_a):
    message = letter(mailbox_a)
    client.force_login(editor_a)
    response = client.post(change_url(message), step(message, "refer"))
    assert response.status_code == 200 and "请选择转交的单位" in response.content.decode()
    response = client.post(change_url(message), step(message, "refer", refer_to=unit_b.pk))
    assert response.status_code == 200 and "转交须写明理由" in response.content.decode()
    assert not message.referrals.exists()
    ok = client.post(change_url(message), step(message, "refer", refer_to=unit_b.pk, reason="属于教育部门职责"))
    assert ok.status_code == 302 and Message.objects.get().unit == unit_b


def test_another_unit_gets_404_by_url_and_a_forged_post_changes_nothing(client, mailbox_a, editor_b):
    message = letter(mailbox_a)
    client.force_login(editor_b)
    assert client.get(change_url(message)).status_code == 404
    assert client.post(change_url(message), step(message, "accept")).status_code == 404
    assert Message.objects.get().status == MessageStatus.RECEIVED
    listing = client.get(reverse("admin:interaction_message_changelist")).content.decode()
    assert message.reference not in listing


def test_a_supervisor_reads_every_message_with_the_writer_masked(client, mailbox_a, supervisor):
    message = letter(mailbox_a)
    client.force_login(supervisor)
    page = client.get(change_url(message)).content.decode()
    assert message.reference in page
    assert "王秀兰" not in page and "13803751234" not in page and "查看完整信息" in page


def test_the_unit_editor_reads_the_writer_in_clear(client, mailbox_a, editor_a):
    message = letter(mailbox_a)
    client.force_login(editor_a)
    page = client.get(change_url(message)).content.decode()
    assert "王秀兰" in page and "13803751234" in page


def test_the_staff_api_is_scoped_and_never_shows_the_writer(client, mailbox_a, mailbox_b, editor_a, supervisor):
    own, other = letter(mailbox_a), letter(mailbox_b)
    assert client.get("/api/letters/").status_code == 403  # anonymous
    client.force_login(editor_a)
    rows = client.get("/api/letters/").json()["results"]
    assert [row["reference"] for row in rows] == [own.reference]
    assert client.get(f"/api/letters/{other.pk}/").status_code == 404
    assert "王秀兰" in rows[0]["body"]  # the holding unit's editor reads the text as written
    client.force_login(supervisor)
    rows = client.get("/api/letters/").json()["results"]
    assert {row["reference"] for row in rows} == {own.reference, other.reference}
    text = str(rows)
    assert "王秀兰" not in text and "13803751234" not in text and "高龄津贴" in text


def test_the_reply_page_has_its_review_and_the_sent_text_is_locked(client, mailbox_a, editor_a, reviewer_a):
    message = letter(mailbox_a)
    services.message_accept(message=message, by=editor_a)
    reply = services.reply_draft(message=message, body="答复", by=editor_a)
    client.force_login(reviewer_a)
    review = reverse("admin:interaction_reply_review", args=[reply.pk])
    assert client.post(review, {"outcome": "publish", "removed": "", "legal_ground": "", "note": ""}).status_code == 302
    services.reply_send(reply=reply, by=editor_a)
    client.force_login(editor_a)
    page = client.get(reverse("admin:interaction_reply_change", args=[reply.pk])).content.decode()
    assert 'name="body"' not in page
