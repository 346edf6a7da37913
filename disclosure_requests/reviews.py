"""Administrative reconsideration (行政复议) and litigation (行政诉讼) against a reply, recorded on
the application with their outcome: the annual report's table 四. An outcome is either still open
(尚未审结) or decided; a decision date belongs to a decided case only; an unknown date stays empty
(日期不详), never invented.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure_requests import rules, services
from disclosure_requests.models import Reply, Review, ReviewKind, ReviewOutcome
from organizations.scoping import can_write_unit

ERROR_NO_REPLY = "该申请尚未答复，不能登记行政复议或行政诉讼。"
ERROR_DECIDED_PENDING = "已填写决定或判决日期的，请选择结果（维持、纠正或其他）。"
ERROR_DECIDED_BEFORE_FILED = "决定或判决日期不能早于申请或起诉日期。"
ERROR_FILED_BEFORE_REPLY = "申请复议或起诉的日期不能早于答复日期（%(day)s）。"
ERROR_AFTER_REVIEW = "复议后起诉的，请先登记该申请的行政复议。"
ERROR_FUTURE = "日期不能晚于今天。"
ERROR_COPY_BEFORE_FILED = "收到副本的日期不能早于申请复议或起诉的日期。"
ERROR_ANSWERED_BEFORE_COPY = "提交答复或答辩状的日期不能早于收到副本的日期。"


def review_check(review: Review) -> None:
    """All of a review's errors at once, by field."""
    errors: dict[str, str] = {}
    reply = Reply.objects.filter(application_id=review.application_id, replied_on__isnull=False).first()
    today = timezone.localdate()
    if reply is None:
        raise ValidationError(_(ERROR_NO_REPLY))
    for field in ("filed_on", "decided_on", "copy_received_on", "answered_on"):
        if (getattr(review, field) or today) > today:
            errors[field] = _(ERROR_FUTURE)
    if review.filed_on and review.filed_on < reply.replied_on and "filed_on" not in errors:
        errors["filed_on"] = _(ERROR_FILED_BEFORE_REPLY) % {"day": reply.replied_on}
    if review.decided_on and review.outcome == ReviewOutcome.PENDING:
        errors["outcome"] = _(ERROR_DECIDED_PENDING)
    if review.decided_on and review.filed_on and review.decided_on < review.filed_on and "decided_on" not in errors:
        errors["decided_on"] = _(ERROR_DECIDED_BEFORE_FILED)
    copy_on, answered_on = review.copy_received_on, review.answered_on
    if copy_on and review.filed_on and copy_on < review.filed_on and "copy_received_on" not in errors:
        errors["copy_received_on"] = _(ERROR_COPY_BEFORE_FILED)
    if answered_on and copy_on and answered_on < copy_on and "answered_on" not in errors:
        errors["answered_on"] = _(ERROR_ANSWERED_BEFORE_COPY)
    if review.kind == ReviewKind.LITIGATION_AFTER_REVIEW:
        earlier = Review.objects.filter(application_id=review.application_id, kind=ReviewKind.RECONSIDERATION)
        if not earlier.exclude(pk=review.pk).exists():
            errors["kind"] = _(ERROR_AFTER_REVIEW)
    if errors:
        raise ValidationError(errors)


def answer_due_fill(review: Review) -> None:
    """The last day to answer (复议) or defend (诉讼), from the day the copy arrived; unknown → none."""
    received = review.copy_received_on
    review.answer_due = rules.review_answer_due(review.is_litigation, received) if received else None


def recompute_open_answer_dues() -> int:
    """After a calendar edit: one UPDATE per kind and copy date among reviews still to answer."""
    updated = 0
    pairs = open_answers().order_by().values_list("kind", "copy_received_on").distinct()
    for kind, received in pairs:
        review = Review(kind=kind, copy_received_on=received)
        answer_due_fill(review)
        updated += open_answers().filter(kind=kind, copy_received_on=received).update(answer_due=review.answer_due)
    return updated


def open_answers():
    """Reviews whose answer or defence is still to be filed, with a known last day."""
    return Review.objects.filter(answered_on__isnull=True, copy_received_on__isnull=False)


@transaction.atomic
def review_save(*, review: Review, by: AbstractBaseUser) -> Review:
    """Record or update a reconsideration or lawsuit; staff of the handling unit only."""
    if not can_write_unit(by, review.application.unit_id):
        raise PermissionDenied(_(services.ERROR_NOT_HANDLING_UNIT))
    review.body, review.note = review.body.strip(), review.note.strip()
    review_check(review)
    answer_due_fill(review)
    review.full_clean()
    review.save()
    return review
