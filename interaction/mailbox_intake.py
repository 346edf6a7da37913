"""Receiving letters from the public form, the number and query code, and the look-up.

Bad input raises ValidationError naming each field; nothing is saved half (one transaction).
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from interaction import rules
from interaction.models import Category, Mailbox, Message, MessageStatus
from lushan_portal.query_codes import lookup_by_code, new_query_code, query_code_hash
from lushan_portal.ratelimit import rate_allows

LETTER_RATE = "mailbox-letter"
STATUS_RATE = "mailbox-status"

ERROR_CLOSED_MAILBOX = "该信箱暂停接收来信，请选择其他信箱。"
ERROR_CATEGORY = "请选择留言类别。"
ERROR_SUBJECT = "请填写标题。"
ERROR_BODY = "请填写留言内容。"
ERROR_NAME = "请填写姓名，以便答复。"
ERROR_CONTACT = "请填写联系电话或电子邮箱，以便答复。"
ERROR_TOO_LONG = "不能超过%(length)d个字符。"
ERROR_NUL = "内容含有空字符（NUL），请删除后重新提交。"
ERROR_RATE = "提交过于频繁，请%(minutes)d分钟后再试。"
ERROR_STATUS_RATE = "查询过于频繁，请%(minutes)d分钟后再试。"


@dataclass(frozen=True)
class Received:
    message: Message
    query_code: str  # shown once to the writer; only its keyed hash is stored


def _check(*, category: str, subject: str, body: str, name: str, contact: str) -> None:
    errors: dict[str, str] = {}
    if category not in Category.values:
        errors["category"] = _(ERROR_CATEGORY)
    for field, value, required, limit in (
        ("subject", subject, ERROR_SUBJECT, rules.MAX_SUBJECT_LENGTH),
        ("body", body, ERROR_BODY, rules.MAX_BODY_LENGTH),
        ("name", name, ERROR_NAME, rules.MAX_NAME_LENGTH),
        ("contact", contact, ERROR_CONTACT, rules.MAX_CONTACT_LENGTH),
    ):
        if not value:
            errors[field] = _(required)
        elif len(value) > limit:
            errors[field] = _(ERROR_TOO_LONG) % {"length": limit}
        elif "\x00" in value:
            errors[field] = _(ERROR_NUL)
    if errors:
        raise ValidationError(errors)


def message_submit(
    *,
    mailbox: Mailbox,
    category: str,
    subject: str,
    body: str,
    name: str,
    contact: str,
    consent_publication: bool,
    client: str | None,
) -> Received:
    """A letter from the public form: received today (county time) by the mailbox's unit, which
    accepts or refers it within ACCEPT_WORKING_DAYS. ``client`` is the writer's address for the rate
    limit (None: not from the web, e.g. the demo)."""
    subject, body, name, contact = (v.strip() for v in (subject or "", body or "", name or "", contact or ""))
    _check(category=category, subject=subject, body=body, name=name, contact=contact)
    if not mailbox.is_open:
        raise ValidationError(_(ERROR_CLOSED_MAILBOX))
    if client is not None and not rate_allows(
        name=LETTER_RATE, client=client, limit=rules.LETTERS_PER_WINDOW, window_seconds=rules.LETTER_WINDOW_SECONDS
    ):
        raise ValidationError(_(ERROR_RATE) % {"minutes": rules.LETTER_WINDOW_SECONDS // 60})
    now = timezone.now()
    today = timezone.localdate(now)
    code = new_query_code()
    message = Message(
        mailbox=mailbox,
        category=category,
        subject=subject,
        body=body,
        name=name,
        contact=contact,
        consent_publication=bool(consent_publication),
        received_at=now,
        received_on=today,
        first_unit_id=mailbox.unit_id,
        unit_id=mailbox.unit_id,
        status=MessageStatus.RECEIVED,
        assigned_on=today,
        accept_due=rules.accept_due(today),
        red_line_on=rules.red_line_on(today),
        query_code_hash=query_code_hash(code),
    )
    with transaction.atomic():
        message.save()
        message.reference = f"LY{today:%Y%m%d}{message.pk:06d}"
        message.save(update_fields=["reference"])
    return Received(message, code)


def message_lookup(*, reference: str, code: str, client: str | None) -> Message | None:
    """The message with this number when the code matches; None for any mismatch, alike."""
    if client is not None and not rate_allows(
        name=STATUS_RATE,
        client=client,
        limit=rules.STATUS_LOOKUPS_PER_WINDOW,
        window_seconds=rules.STATUS_WINDOW_SECONDS,
    ):
        raise ValidationError(_(ERROR_STATUS_RATE) % {"minutes": rules.STATUS_WINDOW_SECONDS // 60})
    messages = Message.objects.select_related("mailbox", "unit", "first_unit")
    return lookup_by_code(messages, reference=reference, code=code)
