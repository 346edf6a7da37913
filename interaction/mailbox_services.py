"""Handling a message: accept or refer (首问负责), extend, mark invalid, reply, publish, rate.

Every step is one transaction on the locked message; staff act only for the unit that holds it.
"""

from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from interaction import rules
from interaction.mailbox_selectors import scrubbed
from interaction.models import OPEN_STATUSES, Message, MessageStatus, Rating, Referral, Reply
from organizations.models import Unit
from organizations.scoping import can_write_unit
from publication_review.services import require_review

ERROR_NOT_YOUR_UNIT = "只有承办单位的工作人员可以办理该留言。"
ERROR_NOT_WAITING = "该留言已受理或已办结，不能再受理或转交。"
ERROR_NOT_ACCEPTED = "只有办理中的留言可以%(action)s。"
ERROR_REFER_SAME_UNIT = "不能转交给本单位。"
ERROR_REFER_REASON = "转交须写明理由（例如：不属于本单位职责，属于哪个单位的职责）。"
ERROR_REFER_INACTIVE = "该单位已停用，不能转交。"
ERROR_EXTEND_TWICE = "每条留言只能延期一次。"
ERROR_EXTEND_LATE = "延期须在答复期限（%(due)s）之前提出。"
ERROR_EXTEND_REASON = "延期须写明理由。"
ERROR_EXTEND_PROGRESS = "延期须写明告知留言人的办理进展。"
ERROR_INVALID_REASON = "不予受理须写明理由（例如：广告、重复留言、属于信访或举报事项）。"
ERROR_REPLY_EMPTY = "请填写答复内容。"
ERROR_REPLY_SENT = "该答复已经发送，不能修改或重复发送。"
ERROR_REPLY_NOT_OPEN = "该留言不在办理中，不能发送答复。"
ERROR_NO_CONSENT = "留言人未同意公开，该留言不能公开。"
ERROR_NOT_ANSWERED = "留言答复发送给留言人之后才能公开。"
ERROR_ALREADY_PUBLIC = "该留言已经公开。"
ERROR_NOT_PUBLIC = "该留言没有公开，无需撤回。"
ERROR_WITHDRAW_REASON = "撤回公开须写明理由。"
ERROR_RATED = "该答复已经评价过。"
ERROR_NOT_RATABLE = "答复发送后才能评价。"


def _locked(message: Message, by: AbstractBaseUser | None) -> Message:
    locked = Message.objects.select_for_update().get(pk=message.pk)
    if by is not None and not can_write_unit(by, locked.unit_id):
        raise PermissionDenied(_(ERROR_NOT_YOUR_UNIT))
    return locked


@transaction.atomic
def message_accept(*, message: Message, by: AbstractBaseUser) -> Message:
    """The holding unit accepts the message: the reply clock starts (the day itself not counted)."""
    message = _locked(message, by)
    if message.status != MessageStatus.RECEIVED:
        raise ValidationError(_(ERROR_NOT_WAITING))
    today = timezone.localdate()
    message.status = MessageStatus.ACCEPTED
    message.accepted_on = message.reply_started_on = today
    message.reply_due = rules.reply_due(today)
    message.save()
    return message


@transaction.atomic
def message_refer(*, message: Message, to_unit: Unit, reason: str, by: AbstractBaseUser) -> Referral:
    """Refer a message outside the unit's duties to the responsible unit, which then has its own
    ACCEPT_WORKING_DAYS to accept or refer it. The first responder stays on the message."""
    message = _locked(message, by)
    reason = (reason or "").strip()
    if message.status != MessageStatus.RECEIVED:
        raise ValidationError(_(ERROR_NOT_WAITING))
    if to_unit.pk == message.unit_id:
        raise ValidationError({"refer_to": _(ERROR_REFER_SAME_UNIT)})
    if not to_unit.is_active:
        raise ValidationError({"refer_to": _(ERROR_REFER_INACTIVE)})
    if not reason:
        raise ValidationError({"reason": _(ERROR_REFER_REASON)})
    now = timezone.now()
    today = timezone.localdate(now)
    referral = Referral.objects.create(
        message=message,
        from_unit_id=message.unit_id,
        to_unit=to_unit,
        reason=reason[: rules.MAX_REASON_LENGTH],
        referred_at=now,
        referred_on=today,
        referred_by=by,
    )
    message.unit, message.referred = to_unit, True
    message.assigned_on = today
    message.accept_due = rules.accept_due(today)
    message.save()
    return referral


@transaction.atomic
def message_extend(*, message: Message, reason: str, progress_note: str, by: AbstractBaseUser) -> Message:
    """A complex case: once, before the due date, with a reason and a progress note the writer sees."""
    message = _locked(message, by)
    reason, progress_note = (reason or "").strip(), (progress_note or "").strip()
    if message.status != MessageStatus.ACCEPTED:
        raise ValidationError(_(ERROR_NOT_ACCEPTED) % {"action": _("延期")})
    if message.extended:
        raise ValidationError(_(ERROR_EXTEND_TWICE))
    if rules.is_overdue(message.reply_due, timezone.localdate()):
        raise ValidationError(_(ERROR_EXTEND_LATE) % {"due": f"{message.reply_due:%Y-%m-%d}"})
    errors = {}
    if not reason:
        errors["reason"] = _(ERROR_EXTEND_REASON)
    if not progress_note:
        errors["progress"] = _(ERROR_EXTEND_PROGRESS)
    if errors:
        raise ValidationError(errors)
    message.extended, message.extension_reason, message.progress_note = True, reason, progress_note
    message.reply_due = rules.reply_due(message.reply_started_on, extended=True)
    message.save()
    return message


@transaction.atomic
def message_mark_invalid(*, message: Message, reason: str, by: AbstractBaseUser) -> Message:
    """Spam, a duplicate, a 信访 or 举报 matter: out of the clocks and of the red line, kept with its reason."""
    message = _locked(message, by)
    reason = (reason or "").strip()
    if message.status not in OPEN_STATUSES:
        raise ValidationError(_(ERROR_NOT_WAITING))
    if not reason:
        raise ValidationError({"reason": _(ERROR_INVALID_REASON)})
    message.status, message.invalid_reason = MessageStatus.INVALID, reason
    message.save()
    return message


@transaction.atomic
def reply_draft(*, message: Message, body: str, by: AbstractBaseUser) -> Reply:
    message = _locked(message, by)
    body = (body or "").strip()
    if message.status != MessageStatus.ACCEPTED:
        raise ValidationError(_(ERROR_NOT_ACCEPTED) % {"action": _("答复")})
    if not body:
        raise ValidationError({"body": _(ERROR_REPLY_EMPTY)})
    return Reply.objects.create(message=message, unit_id=message.unit_id, body=body, created_by=by)


@transaction.atomic
def reply_send(*, reply: Reply, by: AbstractBaseUser) -> Reply:
    """Send a reviewed reply to the writer (shown on the status page): the message is answered.

    The review is the unit's rule (公开审查, a second person where the unit requires one)."""
    message = _locked(reply.message, by)
    reply = Reply.objects.select_for_update().get(pk=reply.pk)
    if reply.sent_at is not None:
        raise ValidationError(_(ERROR_REPLY_SENT))
    if message.status != MessageStatus.ACCEPTED or reply.unit_id != message.unit_id:
        raise ValidationError(_(ERROR_REPLY_NOT_OPEN))
    require_review(reply, by=by)
    now = timezone.now()
    today = timezone.localdate(now)
    reply.sent_at, reply.sent_on, reply.sent_by = now, today, by
    # update(), not save(): the reviewed version of the reply stays its current one (no new history
    # row), so publishing it later passes require_review on the same review. Its text never changes.
    Reply.objects.filter(pk=reply.pk).update(sent_at=now, sent_on=today, sent_by=by)
    message.status, message.answered_on = MessageStatus.ANSWERED, today
    if message.first_answered_on is None:
        message.first_answered_on = today
        message.answer_working_days = rules.working_days_to_answer(message.received_on, today)
        message.first_answer_on_time = not rules.is_overdue(message.reply_due, today)
    message.save()
    return reply


def _latest_sent_reply(message: Message) -> Reply | None:
    return message.replies.filter(sent_at__isnull=False).order_by("-sent_at", "-pk").first()


@transaction.atomic
def message_publish(*, message: Message, by: AbstractBaseUser) -> Message:
    """Publish question and answer on the mailbox page, only with the writer's consent, masked once
    here (the writer's name and contact, ID and phone numbers in the text)."""
    message = _locked(message, by)
    if not message.consent_publication:
        raise ValidationError(_(ERROR_NO_CONSENT))
    if message.is_public:
        raise ValidationError(_(ERROR_ALREADY_PUBLIC))
    reply = _latest_sent_reply(message)
    if reply is None:
        raise ValidationError(_(ERROR_NOT_ANSWERED))
    require_review(reply, by=by)
    message.public_subject = scrubbed(message, message.subject)
    message.public_body = scrubbed(message, message.body)
    message.public_answer = scrubbed(message, reply.body)
    message.public_answered_on = reply.sent_on
    message.published_at, message.withdrawn_at, message.withdrawal_reason = timezone.now(), None, ""
    message.save()
    return message


@transaction.atomic
def message_withdraw_publication(*, message: Message, reason: str, by: AbstractBaseUser) -> Message:
    """Take a published letter off the page, with a reason; it is kept, with its history."""
    message = _locked(message, by)
    reason = (reason or "").strip()
    if not message.is_public:
        raise ValidationError(_(ERROR_NOT_PUBLIC))
    if not reason:
        raise ValidationError({"reason": _(ERROR_WITHDRAW_REASON)})
    message.withdrawn_at, message.withdrawal_reason = timezone.now(), reason
    message.save()
    return message


@transaction.atomic
def reply_rate(*, message: Message, rating: str) -> Message:
    """The writer rates the latest reply (from the status page, after the number and code matched).
    A dissatisfied rating reopens the message once: a new reply is due as after an acceptance."""
    message = _locked(message, None)
    reply = _latest_sent_reply(message)
    if reply is None or message.status != MessageStatus.ANSWERED:
        raise ValidationError(_(ERROR_NOT_RATABLE))
    if reply.rating:
        raise ValidationError(_(ERROR_RATED))
    if rating not in Rating.values:
        raise ValidationError(_(ERROR_NOT_RATABLE))
    now = timezone.now()
    reply.rating, reply.rated_at = rating, now
    Reply.objects.filter(pk=reply.pk).update(rating=rating, rated_at=now)  # as in reply_send: same version
    if rating == Rating.DISSATISFIED and message.reopened_count < rules.REOPENINGS_ALLOWED:
        today = timezone.localdate(now)
        message.status = MessageStatus.ACCEPTED
        message.reopened_count += 1
        message.reply_started_on = today
        message.extended = False
        message.reply_due = rules.reply_due(today)
        message.save()
    return message


def contacts_erase() -> int:
    """Erase writers' names and contacts CONTACT_RETENTION_DAYS after the message was closed."""
    cutoff = timezone.localdate() - timedelta(days=rules.CONTACT_RETENTION_DAYS)
    closed_long_ago = Q(status=MessageStatus.ANSWERED, answered_on__lt=cutoff) | Q(
        status=MessageStatus.INVALID, received_on__lt=cutoff
    )
    expired = Message.objects.filter(closed_long_ago, contact_erased_at__isnull=True)
    return expired.update(name="", contact="", contact_erased_at=timezone.now())
