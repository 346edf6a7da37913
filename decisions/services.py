"""Major decisions: the comment window, comments and moderation, the feedback report, the decision."""

import hashlib
import logging
import re
import unicodedata
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from decisions import rules
from decisions.models import Comment, CommentStatus, MajorDecision
from decisions.public import public_comment_body
from lushan_portal.cache import cache_available
from lushan_portal.crypto import keyed_hash
from organizations.scoping import can_write_unit

logger = logging.getLogger(__name__)

ERROR_NOT_EDITOR = "只有决策单位的工作人员可以管理该决策事项。"
ERROR_WINDOW_ORDER = "征求意见截止日期不能早于开始日期。"
ERROR_WINDOW_SHORT = "征求意见期限一般不少于%(days)d日；少于%(days)d日须填写缩短期限的理由。"
ERROR_WINDOW_PARTIAL = "征求意见开始和截止日期须同时填写。"
ERROR_CLASSIFIED = "涉密事项不公开征求意见，不能设置征求意见期限。"
ERROR_NOT_OPEN = "该决策事项当前不在征求意见期内，意见未提交。"
ERROR_RATE = "提交过于频繁，请%(minutes)d分钟后再试。"
ERROR_EMPTY = "请填写意见内容。"
ERROR_TOO_LONG = "意见不能超过%(length)d字。"
ERROR_REPORT_RECEIVED = "收到意见数（%(given)s）与系统记录的意见数（%(actual)s）不一致。"
ERROR_REPORT_SUM = "采纳数与未采纳数之和不能超过收到的意见数。"
ERROR_REPORT_TIMING = "征求意见结束后才能公布意见采纳情况。"
ERROR_REPORT_PENDING = "还有待审核的意见，请先审核。"
ERROR_DECIDED_EARLY = "公布意见采纳情况之前不能标记为已决策。"
ERROR_REJECT_REASON = "不予公开须填写理由。"


def require_editor(user: AbstractBaseUser | None, decision: MajorDecision) -> None:
    if user is not None and not can_write_unit(user, decision.unit_id):
        raise PermissionDenied(_(ERROR_NOT_EDITOR))


def decision_prepare(decision: MajorDecision) -> None:
    """Checks of the window (seed §3(一): at least 30 days) and the derived due date."""
    errors = {}
    opens, closes = decision.opens_on, decision.closes_on
    if decision.classified and (opens or closes):
        errors["opens_on"] = _(ERROR_CLASSIFIED)
    elif bool(opens) != bool(closes):
        errors["closes_on"] = _(ERROR_WINDOW_PARTIAL)
    elif opens and closes:
        if closes < opens:
            errors["closes_on"] = _(ERROR_WINDOW_ORDER)
        elif rules.window_days(opens, closes) < rules.MIN_COMMENT_DAYS and not decision.shortened_reason.strip():
            errors["shortened_reason"] = _(ERROR_WINDOW_SHORT) % {"days": rules.MIN_COMMENT_DAYS}
    if errors:
        raise ValidationError(errors)
    decision.feedback_due = rules.feedback_due(closes) if closes and not decision.classified else None


@transaction.atomic
def decision_save(*, decision: MajorDecision, by: AbstractBaseUser | None = None) -> MajorDecision:
    require_editor(by, decision)
    decision_prepare(decision)
    decision.full_clean()
    decision.save()
    return decision


def fingerprint(text: str) -> str:
    """Comments that differ only in spacing, punctuation or letter case share a fingerprint."""
    normalised = unicodedata.normalize("NFKC", text).lower()
    normalised = re.sub(r"[\W_]+", "", normalised)
    return hashlib.sha1(normalised.encode()).hexdigest()


def _rate_key(client: str) -> str:
    return "comment-rate:" + hashlib.sha256(client.encode()).hexdigest()[:32]


def comment_rate_allows(client: str) -> bool:
    """At most COMMENTS_PER_WINDOW comments per client per RATE_WINDOW_SECONDS (shared cache: Redis).

    Without the cache the limit is not enforced (logged): a comment is never lost to an outage.
    """
    key = _rate_key(client)
    cache.add(key, 0, timeout=rules.RATE_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr, or the cache is unavailable
        cache.set(key, 1, timeout=rules.RATE_WINDOW_SECONDS)
        count = 1
    if not cache_available():
        logger.warning("Comment rate limit not enforced: the cache is unavailable.")
        return True
    return count <= rules.COMMENTS_PER_WINDOW


def comment_submit(*, decision_id: object, body: str, name: str = "", contact: str = "", client: str) -> Comment:
    """Store a citizen's comment while the window is open; refuse clearly otherwise."""
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _(ERROR_EMPTY)})
    if len(body) > rules.MAX_COMMENT_LENGTH:
        raise ValidationError({"body": _(ERROR_TOO_LONG) % {"length": rules.MAX_COMMENT_LENGTH}})
    decision = MajorDecision.objects.filter(pk=decision_id if str(decision_id).isdigit() else None).first()
    if decision is None or decision.classified or not rules.is_open(decision.opens_on, decision.closes_on):
        raise ValidationError(_(ERROR_NOT_OPEN))
    if not comment_rate_allows(client):
        raise ValidationError(_(ERROR_RATE) % {"minutes": rules.RATE_WINDOW_SECONDS // 60})
    contact = contact.strip()[:100]
    comment = Comment(
        decision=decision, body=body, name=name.strip()[:50], contact=contact, contact_hash=keyed_hash(contact)
    )
    comment.fingerprint = fingerprint(body)
    comment.full_clean()
    comment.save()
    return comment


def contacts_erase() -> int:
    """Erase commenters' names and contacts COMMENT_CONTACT_RETENTION_DAYS after the report.

    A body that repeats the name keeps only its public, masked form: without the name the
    masking could no longer find it there.
    """
    cutoff = timezone.now() - timedelta(days=settings.COMMENT_CONTACT_RETENTION_DAYS)
    expired = Comment.objects.filter(decision__feedback_published_at__lt=cutoff).exclude(
        contact_hash="", name="", contact=""
    )
    for pk, body, name in expired.exclude(name="").values_list("pk", "body", "name"):
        if (masked := public_comment_body(body, name)) != body:
            Comment.objects.filter(pk=pk).update(body=masked)
    return expired.update(name="", contact="", contact_hash="")


@transaction.atomic
def comment_moderate(
    *, comment: Comment, approve: bool, reason: str = "", by: AbstractBaseUser | None = None
) -> Comment:
    comment = Comment.objects.select_for_update().select_related("decision").get(pk=comment.pk)
    require_editor(by, comment.decision)
    if not approve and not reason.strip():
        raise ValidationError({"rejection_reason": _(ERROR_REJECT_REASON)})
    comment.status = CommentStatus.APPROVED if approve else CommentStatus.REJECTED
    comment.rejection_reason = "" if approve else reason.strip()
    comment.moderated_at = timezone.now()
    comment.moderated_by = by
    comment.save()
    return comment


@transaction.atomic
def feedback_publish(
    *,
    decision: MajorDecision,
    received: int,
    adopted: int,
    not_adopted: int,
    main_views: str,
    reasons: str,
    by: AbstractBaseUser | None = None,
) -> MajorDecision:
    """The feedback report (seed §3(一)): counts must agree with the comments recorded."""
    decision = MajorDecision.objects.select_for_update().get(pk=decision.pk)
    require_editor(by, decision)
    if decision.closes_on is None or timezone.now() < rules.closing_moment(decision.closes_on):
        raise ValidationError(_(ERROR_REPORT_TIMING))
    comments = decision.comments.all()
    if comments.filter(status=CommentStatus.PENDING).exists():
        raise ValidationError(_(ERROR_REPORT_PENDING))
    actual = comments.count()
    if received != actual:
        raise ValidationError({"report_received": _(ERROR_REPORT_RECEIVED) % {"given": received, "actual": actual}})
    if adopted + not_adopted > received:
        raise ValidationError({"report_adopted": _(ERROR_REPORT_SUM)})
    decision.report_received, decision.report_adopted, decision.report_not_adopted = received, adopted, not_adopted
    decision.report_main_views, decision.report_reasons = main_views.strip(), reasons.strip()
    decision.feedback_published_at = timezone.now()
    decision.save()
    return decision


@transaction.atomic
def decision_mark_decided(*, decision: MajorDecision, decided_on, by: AbstractBaseUser | None = None) -> MajorDecision:
    decision = MajorDecision.objects.select_for_update().get(pk=decision.pk)
    require_editor(by, decision)
    if not decision.classified and decision.opens_on and decision.feedback_published_at is None:
        raise ValidationError(_(ERROR_DECIDED_EARLY))
    decision.decided_on = decided_on
    decision.save()
    return decision
