"""Handling a message: the first responder, referral, review before sending, publication with
consent and masking, the writer's rating, and staff of other units refused."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from interaction import mailbox_services as services
from interaction.mailbox_intake import message_lookup
from interaction.models import Message, MessageStatus, Rating
from interaction.tests.conftest import letter, write
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db


def answered(message: Message, by, body: str = "您好，请到户籍所在地民政所申请。") -> Message:
    services.message_accept(message=message, by=by)
    reply = services.reply_draft(message=message, body=body, by=by)
    services.reply_send(reply=reviewed(reply), by=by)
    return Message.objects.get(pk=message.pk)


def test_name_and_contact_are_encrypted_at_rest_and_the_code_only_hashed(mailbox_a):
    received = write(mailbox_a)
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, contact, query_code_hash FROM interaction_message")
        name, contact, code_hash = cursor.fetchone()
    assert "王秀兰" not in name and "13803751234" not in contact
    assert received.query_code not in code_hash
    assert received.message.reference.startswith("LY") and len(received.query_code) == 10


def test_the_lookup_answers_alike_for_a_wrong_number_or_a_wrong_code(mailbox_a):
    received = write(mailbox_a)
    reference = received.message.reference
    assert message_lookup(reference=reference, code=received.query_code.lower(), client=None) == received.message
    assert message_lookup(reference=reference, code="WRONGCODE2", client=None) is None
    assert message_lookup(reference="LY20990101999999", code=received.query_code, client=None) is None


def test_the_referral_chain_keeps_the_first_responder(mailbox_a, unit_a, unit_b, unit_c, editor_a, editor_b):
    with time_machine.travel("2025-09-26 09:00 +0800", tick=False):
        message = letter(mailbox_a)
        services.message_refer(message=message, to_unit=unit_b, reason="属于教育部门职责", by=editor_a)
    message.refresh_from_db()
    assert (message.first_unit, message.unit, message.referred) == (unit_a, unit_b, True)
    # The new unit has its own 2 working days from the referral (Fri 26 Sep → Mon 29, Sun 28 worked).
    assert message.assigned_on == date(2025, 9, 26) and message.accept_due == date(2025, 9, 29)
    with pytest.raises(PermissionDenied):  # the first unit no longer handles it
        services.message_accept(message=message, by=editor_a)
    with time_machine.travel("2025-09-29 09:00 +0800", tick=False):
        services.message_refer(message=message, to_unit=unit_c, reason="属于人社部门职责", by=editor_b)
    message.refresh_from_db()
    chain = [(r.from_unit.code, r.to_unit.code) for r in message.referrals.all()]
    assert chain == [("civil-affairs", "education"), ("education", "human-resources")]
    assert message.first_unit == unit_a and message.unit == unit_c
    assert message.accept_due == date(2025, 10, 9)  # 30 Sep, then the holiday, 9 Oct
    assert [h.unit_id for h in message.history.order_by("history_id")][:2] == [unit_a.pk, unit_a.pk]


def test_a_referral_needs_a_reason_and_another_unit(mailbox_a, unit_a, unit_b, editor_a):
    message = letter(mailbox_a)
    with pytest.raises(ValidationError) as refused:
        services.message_refer(message=message, to_unit=unit_b, reason=" ", by=editor_a)
    assert "reason" in refused.value.message_dict
    with pytest.raises(ValidationError, match="不能转交给本单位"):
        services.message_refer(message=message, to_unit=unit_a, reason="x", by=editor_a)
    assert not message.referrals.exists()


def test_another_units_editor_can_neither_accept_nor_refer_nor_reply(mailbox_a, unit_b, editor_b):
    message = letter(mailbox_a)
    with pytest.raises(PermissionDenied):
        services.message_accept(message=message, by=editor_b)
    with pytest.raises(PermissionDenied):
        services.message_refer(message=message, to_unit=unit_b, reason="抢办", by=editor_b)
    with pytest.raises(PermissionDenied):
        services.reply_draft(message=message, body="x", by=editor_b)
    assert Message.objects.get().status == MessageStatus.RECEIVED


def test_a_reply_is_sent_only_after_its_review(mailbox_a, editor_a):
    message = letter(mailbox_a)
    services.message_accept(message=message, by=editor_a)
    reply = services.reply_draft(message=message, body="答复内容", by=editor_a)
    with pytest.raises(ValidationError, match="公开审查"):
        services.reply_send(reply=reply, by=editor_a)
    assert Message.objects.get().status == MessageStatus.ACCEPTED
    services.reply_send(reply=reviewed(reply), by=editor_a)
    message.refresh_from_db()
    assert message.status == MessageStatus.ANSWERED and message.first_answer_on_time is True


def test_the_reviewer_may_not_be_the_author_where_the_unit_requires_a_second_person(mailbox_a, editor_a):
    message = letter(mailbox_a)
    services.message_accept(message=message, by=editor_a)
    reply = services.reply_draft(message=message, body="答复", by=editor_a)
    with pytest.raises(ValidationError, match="审查人不能是起草人"):
        reviewed(reply, reviewer=editor_a)


def test_publication_only_with_consent(mailbox_a, editor_a):
    message = answered(letter(mailbox_a, consent_publication=False), editor_a)
    with pytest.raises(ValidationError, match="未同意公开"):
        services.message_publish(message=message, by=editor_a)
    assert not Message.objects.get().is_public


def test_publication_masks_the_writer_and_numbers_in_question_and_answer(mailbox_a, editor_a):
    message = answered(letter(mailbox_a), editor_a, body="王秀兰您好，已电话13803751234联系您。")
    message = services.message_publish(message=message, by=editor_a)
    public = " ".join([message.public_subject, message.public_body, message.public_answer])
    assert "王秀兰" not in public and "13803751234" not in public
    assert "高龄津贴" in public and message.public_answered_on == message.answered_on


def test_an_unanswered_message_is_not_published(mailbox_a, editor_a):
    message = letter(mailbox_a)
    services.message_accept(message=message, by=editor_a)
    with pytest.raises(ValidationError, match="发送给留言人之后"):
        services.message_publish(message=message, by=editor_a)


def test_a_withdrawal_needs_a_reason_and_keeps_the_letter(mailbox_a, editor_a):
    message = services.message_publish(message=answered(letter(mailbox_a), editor_a), by=editor_a)
    with pytest.raises(ValidationError):
        services.message_withdraw_publication(message=message, reason="", by=editor_a)
    services.message_withdraw_publication(message=message, reason="留言人要求撤回", by=editor_a)
    message = Message.objects.get()
    assert not message.is_public and message.public_answer and message.withdrawal_reason == "留言人要求撤回"


def test_a_dissatisfied_rating_reopens_the_message_once(mailbox_a, editor_a):
    with time_machine.travel("2025-09-24 10:00 +0800", tick=False):
        message = answered(letter(mailbox_a), editor_a)
    with time_machine.travel("2025-09-26 10:00 +0800", tick=False):
        message = services.reply_rate(message=message, rating=Rating.DISSATISFIED)
    assert message.status == MessageStatus.ACCEPTED and message.reopened_count == 1
    assert message.reply_due == date(2025, 10, 10)
    assert message.first_answered_on == date(2025, 9, 24)  # the statistics keep the first reply
    with time_machine.travel("2025-09-29 10:00 +0800", tick=False):
        reply = services.reply_draft(message=message, body="补充答复", by=editor_a)
        services.reply_send(reply=reviewed(reply), by=editor_a)
        message = services.reply_rate(message=message, rating=Rating.DISSATISFIED)
    assert message.status == MessageStatus.ANSWERED and message.reopened_count == 1  # not twice
    with pytest.raises(ValidationError, match="已经评价"):
        services.reply_rate(message=message, rating=Rating.SATISFIED)


def test_contacts_are_erased_a_year_after_the_answer(mailbox_a, editor_a):
    with time_machine.travel("2025-01-06 10:00 +0800", tick=False):
        answered(letter(mailbox_a), editor_a)
    with time_machine.travel("2026-01-06 10:00 +0800", tick=False):
        assert services.contacts_erase() == 0
    with time_machine.travel("2026-01-08 10:00 +0800", tick=False):
        assert services.contacts_erase() == 1
    message = Message.objects.get()
    assert (message.name, message.contact) == ("", "") and message.contact_erased_at
