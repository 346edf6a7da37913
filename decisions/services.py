"""Major decisions: the comment window, comments and moderation, the feedback report, the decision."""

import hashlib
import re
import unicodedata
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from decisions import rules
from decisions.models import Comment, CommentStatus, Kind, MajorDecision, WindowForm
from decisions.public import public_comment_body
from decisions.wording import REASON_NOT_STATED
from lushan_portal import pagecache
from lushan_portal.crypto import keyed_hash
from lushan_portal.ratelimit import rate_allows, rate_key
from organizations.scoping import can_write_unit
from publication_review.services import require_review

RATE_NAME = "comment"

ERROR_NOT_EDITOR = "只有决策单位的工作人员可以管理该决策事项。"
ERROR_WINDOW_ORDER = "征求意见截止日期不能早于开始日期。"
ERROR_WINDOW_SHORT = "征求意见期限一般不少于%(days)d日；少于%(days)d日须填写缩短期限的理由。"
ERROR_WINDOW_SHORT_RECORDED = (
    "征求意见期限少于%(days)d日，须填写缩短期限的理由；原公告未说明理由的，填写“" + REASON_NOT_STATED + "”。"
)
ERROR_REASON_NOT_STATED_HERE = "在本网站征求意见的，须说明缩短期限的理由（“" + REASON_NOT_STATED + "”仅用于事后录入）。"
ERROR_WINDOW_PARTIAL = "征求意见开始和截止日期须同时填写。"
ERROR_PUBLISHED_REQUIRED = "“即日起”的开始日期即公告发布日期，请填写公告发布日期。"
ERROR_ENDS_BEFORE_REQUIRED = "期限表述为“某日前”的，请填写原文中的日期。"
ERROR_NO_SUBJECT = "请填写决策事项（或公告标题）。"
ERROR_FUTURE = "原公告的日期不能晚于今天。"
ERROR_NOT_HERE = "该事项未在本网站征求意见，不能在此提交意见。"
ERROR_REPORT_COUNTS = "在本网站征求意见的，须填写收到、采纳和未采纳意见数。"
ERROR_REPORT_BEFORE_CLOSE = "采纳情况公布日期不能早于征求意见截止日期。"
ERROR_CLASSIFIED = "涉密事项不公开征求意见，不能设置征求意见期限。"
ERROR_NOT_OPEN = "该决策事项当前不在征求意见期内，意见未提交。"
ERROR_RATE = "提交过于频繁，请%(minutes)d分钟后再试。"
ERROR_EMPTY = "请填写意见内容。"
ERROR_TOO_LONG = "意见不能超过%(length)d字。"
ERROR_REPORT_RECEIVED = (
    "收到意见数（%(given)s）与系统记录的意见数（%(actual)s：网上 %(online)s 条，其他渠道 %(offline)s 条）不一致。"
)
ERROR_REPORT_SUM = "采纳数与未采纳数之和不能超过收到的意见数。"
ERROR_REPORT_TIMING = "征求意见结束后才能公布意见采纳情况。"
ERROR_REPORT_PENDING = "还有待审核的意见，请先审核。"
ERROR_DECIDED_EARLY = "公布意见采纳情况之前不能标记为已决策。"
ERROR_REJECT_REASON = "不予公开须填写理由。"


def require_editor(user: AbstractBaseUser | None, decision: MajorDecision) -> None:
    if user is not None and not can_write_unit(user, decision.unit_id):
        raise PermissionDenied(_(ERROR_NOT_EDITOR))


def _derive_window(decision: MajorDecision) -> None:
    """The first and last days follow the notice's wording: 即日起 = the publication date, 某日前 = the day before."""
    if decision.window_form == WindowForm.FROM_PUBLICATION:
        decision.opens_on = decision.published_on
    if decision.window_form == WindowForm.BEFORE:
        decision.closes_on = rules.last_day_before(decision.ends_before) if decision.ends_before else None
    else:
        decision.ends_before = None


def _window_errors(decision: MajorDecision) -> dict[str, str]:
    opens, closes, recorded = decision.opens_on, decision.closes_on, decision.entered_after_fact
    if decision.classified:
        return {"opens_on": _(ERROR_CLASSIFIED)} if opens or closes or recorded else {}
    if not recorded and decision.window_form == WindowForm.FROM_PUBLICATION and not decision.published_on:
        return {"published_on": _(ERROR_PUBLISHED_REQUIRED)}
    if not recorded and decision.window_form == WindowForm.BEFORE and not decision.ends_before:
        return {"ends_before": _(ERROR_ENDS_BEFORE_REQUIRED)}
    if not recorded and bool(opens) != bool(closes):
        return {"closes_on": _(ERROR_WINDOW_PARTIAL)}
    if recorded and decision.published_on and decision.published_on > timezone.localdate():
        return {"published_on": _(ERROR_FUTURE)}
    if not (opens and closes):
        return {}
    if closes < opens:
        return {"closes_on": _(ERROR_WINDOW_ORDER)}
    reason = decision.shortened_reason.strip()
    if rules.is_short(opens, closes) and not reason:
        message = ERROR_WINDOW_SHORT_RECORDED if recorded else ERROR_WINDOW_SHORT
        return {"shortened_reason": _(message) % {"days": rules.MIN_COMMENT_DAYS}}
    if rules.is_short(opens, closes) and reason == REASON_NOT_STATED and not recorded:
        return {"shortened_reason": _(ERROR_REASON_NOT_STATED_HERE)}
    return {}


def decision_prepare(decision: MajorDecision) -> None:
    """Checks of the title and the window (seed §3(一): at least 30 days) and the derived dates.

    Records entered after the fact may leave any date unknown; a short window stays flagged.
    """
    decision.title, decision.notice_title = decision.title.strip(), decision.notice_title.strip()
    _derive_window(decision)
    errors = _window_errors(decision)
    if decision.kind == Kind.DRAFT and not decision.title and not decision.notice_title:
        errors["title"] = _(ERROR_NO_SUBJECT)
    if errors:
        raise ValidationError(errors)
    tracked = decision.closes_on and not decision.classified and not decision.entered_after_fact
    decision.feedback_due = rules.feedback_due(decision.closes_on) if tracked else None


def accepts_comments(decision: MajorDecision) -> bool:
    """Comments are taken here only for consultations run on this portal, while open."""
    if decision.classified or decision.entered_after_fact:
        return False
    return rules.is_open(decision.opens_on, decision.closes_on)


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
    return rate_key(RATE_NAME, client)


def comment_rate_allows(client: str) -> bool:
    """At most COMMENTS_PER_WINDOW comments per client per RATE_WINDOW_SECONDS (lushan_portal.ratelimit)."""
    return rate_allows(
        name=RATE_NAME, client=client, limit=rules.COMMENTS_PER_WINDOW, window_seconds=rules.RATE_WINDOW_SECONDS
    )


def comment_submit(*, decision_id: object, body: str, name: str = "", contact: str = "", client: str) -> Comment:
    """Store a citizen's comment while the window is open; refuse clearly otherwise."""
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _(ERROR_EMPTY)})
    if len(body) > rules.MAX_COMMENT_LENGTH:
        raise ValidationError({"body": _(ERROR_TOO_LONG) % {"length": rules.MAX_COMMENT_LENGTH}})
    decision = MajorDecision.objects.filter(pk=decision_id if str(decision_id).isdigit() else None).first()
    if decision is not None and decision.entered_after_fact:
        raise ValidationError(_(ERROR_NOT_HERE))
    if decision is None or not accepts_comments(decision):
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
    erased = expired.update(name="", contact="", contact_hash="")
    if erased:  # published comments are shown masked by the name erased here
        pagecache.bump("decisions")
    return erased


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


def _report_errors_here(decision: MajorDecision, received: int | None) -> None:
    """Run on this portal: after the close, nothing pending, and received = online + offline comments."""
    if decision.closes_on is None or timezone.now() < rules.closing_moment(decision.closes_on):
        raise ValidationError(_(ERROR_REPORT_TIMING))
    comments = decision.comments.all()
    if comments.filter(status=CommentStatus.PENDING).exists():
        raise ValidationError(_(ERROR_REPORT_PENDING))
    online = comments.count()
    offline = sum(decision.offline_comments.values_list("count", flat=True))
    if received != online + offline:
        values = {"given": received, "actual": online + offline, "online": online, "offline": offline}
        raise ValidationError({"report_received": _(ERROR_REPORT_RECEIVED) % values})


def _report_date_errors(decision: MajorDecision, published_on: date | None) -> None:
    if published_on is None:
        return
    if published_on > timezone.localdate():
        raise ValidationError({"report_published_on": _(ERROR_FUTURE)})
    if decision.closes_on and published_on < decision.closes_on:
        raise ValidationError({"report_published_on": _(ERROR_REPORT_BEFORE_CLOSE)})


@transaction.atomic
def feedback_publish(
    *,
    decision: MajorDecision,
    received: int | None,
    adopted: int | None,
    not_adopted: int | None,
    main_views: str,
    reasons: str,
    published_on: date | None = None,
    by: AbstractBaseUser | None = None,
) -> MajorDecision:
    """The feedback report (seed §3(一)).

    Run here: every count is required and must agree with the comments recorded (online and
    offline); the report is published now. Entered after the fact: any count may be 未说明
    (None) and the report's own date is the one entered (None: 日期不详), never today.
    """
    decision = MajorDecision.objects.select_for_update().get(pk=decision.pk)
    require_editor(by, decision)
    require_review(decision, by=by)
    if decision.entered_after_fact:
        _report_date_errors(decision, published_on)
    else:
        if None in (received, adopted, not_adopted):
            raise ValidationError(_(ERROR_REPORT_COUNTS))
        _report_errors_here(decision, received)
        published_on = timezone.localdate()
    if None not in (received, adopted, not_adopted) and adopted + not_adopted > received:
        raise ValidationError({"report_adopted": _(ERROR_REPORT_SUM)})
    decision.report_received, decision.report_adopted, decision.report_not_adopted = received, adopted, not_adopted
    decision.report_main_views, decision.report_reasons = main_views.strip(), reasons.strip()
    decision.report_published_on = published_on
    decision.feedback_published_at = timezone.now()
    decision.save()
    return decision


@transaction.atomic
def decision_mark_decided(*, decision: MajorDecision, decided_on, by: AbstractBaseUser | None = None) -> MajorDecision:
    decision = MajorDecision.objects.select_for_update().get(pk=decision.pk)
    require_editor(by, decision)
    run_here = decision.is_consultation and not decision.entered_after_fact
    if run_here and decision.feedback_published_at is None:
        raise ValidationError(_(ERROR_DECIDED_EARLY))
    decision.decided_on = decided_on
    decision.save()
    return decision
