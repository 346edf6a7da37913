"""Replying (Art 36–39): draft a reply of any kind with its letter, edit it, finalise it (the
application closes and its reply is counted in table 三's cell), then send it by e-mail or record
that it was posted or handed over. Every write checks that ``by`` belongs to the handling unit; bad
input raises ValidationError naming each field; nothing is saved half.
"""

import logging
import smtplib
from datetime import date

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure_requests import letters, rules, services
from disclosure_requests.models import (
    KINDS_NEEDING_GROUND,
    REASONS_BY_KIND,
    Application,
    Reply,
    ReplyKind,
    ReplyReason,
    SentRoute,
    SentStatus,
)
from organizations.scoping import can_write_unit

logger = logging.getLogger(__name__)

ERROR_KIND = "请选择办理结果。"
ERROR_REASON = "请选择与办理结果相符的具体情形。"
ERROR_GROUND = "不予公开、无法提供和部分公开的答复须写明理由和法律依据。"
ERROR_RECONSIDERATION_BODY = "请写明申请人可以申请行政复议的机关。"
ERROR_LITIGATION_COURT = "请写明申请人可以提起行政诉讼的人民法院。"
ERROR_RIGHT_AGENCY_ONLY = "只有“本机关不掌握相关政府信息”的答复才告知负责公开的机关。"
ERROR_URL_ONLY = "只有予以公开或部分公开的答复才告知信息的公开位置。"
ERROR_URL = "请填写以 http:// 或 https:// 开头的网址。"
ERROR_LETTER_EMPTY = "告知书内容不能为空。"
ERROR_LETTER_LONG = "告知书内容过长（最多 %(n)d 字）。"
ERROR_NUL = "内容含有空字符（NUL），请删除后重新提交。"
ERROR_NO_DRAFT = "请先起草答复和告知书。"
ERROR_FINALISED = "答复已定稿，不能再修改；如需更正，请另行出具告知书并在说明中记录。"
ERROR_NOT_FINALISED = "答复尚未定稿，不能发送。"
ERROR_ALREADY_SENT = "告知书已经送达，不能重复发送。"
ERROR_NO_EMAIL = "申请人没有留下电子邮箱，请选择邮寄或当面送达。"
ERROR_SEND_FAILED = "邮件发送失败，请稍后重试或改为邮寄、当面送达。"
ERROR_ROUTE = "请选择邮寄或当面送达（电子邮件由系统发送）。"
ERROR_SENT_BEFORE_REPLY = "送达日期不能早于答复日期（%(day)s）。"
ERROR_REPLY_BEFORE_RECEIPT = "答复日期不能早于收到申请日期（%(day)s）。"
ERROR_FUTURE = "日期不能晚于今天。"

# The reply's fields a draft sets (besides kind, reason and the letter).
DETAIL_FIELDS = ("legal_ground", "reconsideration_body", "litigation_court", "right_agency", "disclosed_url")
# 部分公开 withholds the rest: Art 37 asks for the reasons, so it states a ground like a refusal.
KINDS_STATING_GROUND = (*KINDS_NEEDING_GROUND, ReplyKind.PARTIAL)
_url = URLValidator(schemes=["http", "https"])


def reply_check(*, kind: str, reason: str, details: dict[str, str]) -> None:
    """Every field's error at once: the reason matches the kind (the annual report's cell), grounds
    and remedies for 不予公开 and 无法提供, the right agency only for 本机关不掌握, a link only
    for information that is disclosed."""
    errors: dict[str, str] = {}
    if kind not in ReplyKind.values:
        raise ValidationError({"kind": _(ERROR_KIND)})
    allowed = REASONS_BY_KIND[kind]
    if (reason or allowed) and reason not in allowed:
        errors["reason"] = _(ERROR_REASON)
    for field, value in details.items():
        if "\x00" in value:
            errors[field] = _(ERROR_NUL)
    if kind in KINDS_STATING_GROUND and not details.get("legal_ground"):
        errors["legal_ground"] = _(ERROR_GROUND)
    if kind in KINDS_NEEDING_GROUND:
        if not details.get("reconsideration_body"):
            errors["reconsideration_body"] = _(ERROR_RECONSIDERATION_BODY)
        if not details.get("litigation_court"):
            errors["litigation_court"] = _(ERROR_LITIGATION_COURT)
    if details.get("right_agency") and reason != ReplyReason.NOT_HELD:
        errors["right_agency"] = _(ERROR_RIGHT_AGENCY_ONLY)
    url = details.get("disclosed_url")
    if url and kind not in (ReplyKind.DISCLOSED, ReplyKind.PARTIAL):
        errors["disclosed_url"] = _(ERROR_URL_ONLY)
    elif url:
        try:
            _url(url)
        except ValidationError:
            errors["disclosed_url"] = _(ERROR_URL)
    if errors:
        raise ValidationError(errors)


def _letter_check(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError({"letter_text": _(ERROR_LETTER_EMPTY)})
    if "\x00" in text:
        raise ValidationError({"letter_text": _(ERROR_NUL)})
    if len(text) > rules.LETTER_MAX_LENGTH:
        raise ValidationError({"letter_text": _(ERROR_LETTER_LONG) % {"n": rules.LETTER_MAX_LENGTH}})
    return text


def _writable(application: Application, by: AbstractBaseUser) -> None:
    if not can_write_unit(by, application.unit_id):
        raise PermissionDenied(_(services.ERROR_NOT_HANDLING_UNIT))


def _draft_of(application: Application) -> Reply | None:
    return Reply.objects.select_for_update().filter(application=application).first()


@transaction.atomic
def reply_draft(
    *,
    application: Application,
    kind: str,
    by: AbstractBaseUser,
    reason: str = "",
    letter_text: str | None = None,
    **details: str,
) -> Reply:
    """Create or change the draft reply. ``letter_text`` None (or blank) drafts the letter from the
    kind's template; a text is the staff's edited letter, kept as written."""
    _writable(application, by)
    application = Application.objects.select_for_update().select_related("unit").get(pk=application.pk)
    if application.closed_on is not None:
        raise ValidationError(_(services.ERROR_CLOSED))
    if application.received_on is None:
        raise ValidationError(_(services.ERROR_NOT_RECEIVED))
    unknown = set(details) - set(DETAIL_FIELDS)
    if unknown:
        raise TypeError(f"unknown reply fields: {sorted(unknown)}")
    details = {field: (details.get(field) or "").strip() for field in DETAIL_FIELDS}
    reply_check(kind=kind, reason=reason, details=details)
    reply = _draft_of(application) or Reply(application=application)
    reply.kind, reply.reason, reply.sent_status = kind, reason, SentStatus.DRAFT
    for field, value in details.items():
        setattr(reply, field, value)
    reply.letter_text = (
        _letter_check(letter_text) if letter_text and letter_text.strip() else letters.draft_letter(application, reply)
    )
    reply.full_clean()
    reply.save()
    return reply


@transaction.atomic
def reply_finalise(*, application: Application, replied_on: date, by: AbstractBaseUser) -> Reply:
    """The letter is final: the application closes on ``replied_on`` with the reply's cell."""
    _writable(application, by)
    reply = _draft_of(application)
    if reply is None:
        raise ValidationError(_(ERROR_NO_DRAFT))
    if reply.replied_on is not None:
        raise ValidationError(_(ERROR_FINALISED))
    details = {field: getattr(reply, field) for field in DETAIL_FIELDS}
    reply_check(kind=reply.kind, reason=reply.reason, details=details)
    _letter_check(reply.letter_text)
    if application.received_on and replied_on < application.received_on:
        raise ValidationError({"replied_on": _(ERROR_REPLY_BEFORE_RECEIPT) % {"day": application.received_on}})
    return services.application_close(
        application=application, kind=reply.kind, reason=reply.reason, replied_on=replied_on, by=by
    )


def _sendable(application: Application, by: AbstractBaseUser) -> Reply:
    _writable(application, by)
    reply = Reply.objects.select_related("application__unit").filter(application=application).first()
    if reply is None or reply.replied_on is None:
        raise ValidationError(_(ERROR_NOT_FINALISED))
    if reply.sent_status == SentStatus.SENT:
        raise ValidationError(_(ERROR_ALREADY_SENT))
    return reply


def _claim(reply: Reply, route: str) -> bool:
    """One sender wins: the conditional update marks the letter sent before the slow work."""
    claimed = Reply.objects.filter(pk=reply.pk).exclude(sent_status=SentStatus.SENT)
    return bool(claimed.update(sent_status=SentStatus.SENT, sent_route=route))


def _email(reply: Reply) -> EmailMultiAlternatives:
    application = reply.application
    subject = _("%(title)s（申请编号 %(reference)s）") % {
        "title": letters.letter_title(reply),
        "reference": application.reference,
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=letters.final_text(reply),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[application.email],
    )
    message.attach_alternative(letters.letter_html(reply), "text/html")
    return message


def reply_send_email(*, application: Application, by: AbstractBaseUser) -> Reply:
    """E-mail the final letter to the applicant's address through Django's mail backend.

    The send is claimed first (no second e-mail from a double click), the mail goes out outside
    any transaction, and a failure is stored as 发送失败 so it can be retried or sent by post."""
    reply = _sendable(application, by)
    if not reply.application.email.strip():
        raise ValidationError(_(ERROR_NO_EMAIL))
    message = _email(reply)
    if not _claim(reply, SentRoute.EMAIL):
        raise ValidationError(_(ERROR_ALREADY_SENT))
    try:
        message.send()
    except (OSError, smtplib.SMTPException):
        logger.warning("reply letter of %s not sent", application.reference, exc_info=True)
        reply.sent_status, reply.sent_route = SentStatus.FAILED, SentRoute.EMAIL
        reply.save(update_fields=["sent_status", "sent_route", "updated_at"])
        raise ValidationError(_(ERROR_SEND_FAILED)) from None
    now = timezone.now()
    reply.sent_status, reply.sent_route, reply.sent_at, reply.sent_on = (
        SentStatus.SENT, SentRoute.EMAIL, now, timezone.localdate(now),
    )  # fmt: skip
    reply.save(update_fields=["sent_status", "sent_route", "sent_at", "sent_on", "updated_at"])
    return reply


@transaction.atomic
def reply_record_delivery(
    *, application: Application, route: str, on: date, by: AbstractBaseUser, tracking_number: str = ""
) -> Reply:
    """The letter was posted (with the postal tracking number when there is one) or handed over on ``on``."""
    reply = _sendable(application, by)
    reply = Reply.objects.select_for_update().get(pk=reply.pk)
    errors: dict[str, str] = {}
    if route not in (SentRoute.POST, SentRoute.IN_PERSON):
        errors["route"] = _(ERROR_ROUTE)
    if on > timezone.localdate():
        errors["on"] = _(ERROR_FUTURE)
    elif on < reply.replied_on:
        errors["on"] = _(ERROR_SENT_BEFORE_REPLY) % {"day": reply.replied_on}
    if "\x00" in tracking_number:
        errors["tracking_number"] = _(ERROR_NUL)
    if errors:
        raise ValidationError(errors)
    if reply.sent_status == SentStatus.SENT:
        raise ValidationError(_(ERROR_ALREADY_SENT))
    reply.sent_status, reply.sent_route, reply.sent_on = SentStatus.SENT, route, on
    reply.tracking_number = tracking_number.strip() if route == SentRoute.POST else ""
    reply.full_clean()
    reply.save()
    return reply
