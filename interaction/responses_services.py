"""回应关切: recording a concern (its clocks stored from when it was first seen) and its responses,
published after review, withdrawn or corrected with a reason."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from interaction import rules
from interaction.models import Concern, ReplyStatus, Response, Severity
from interaction.proposals_services import is_openness_office
from organizations.scoping import can_write_unit
from publication_review.services import require_review

ERROR_NOT_WRITER = "只有县政务公开主管部门或牵头回应单位的工作人员可以登记和修改社会关切及其回应。"
ERROR_BEFORE_SEEN = "回应时间不能早于首次发现时间。"
ERROR_FUTURE = "时间不能晚于现在。"
ERROR_WITHDRAWN = "回应已撤回，不能再次公开。"
ERROR_NOT_PUBLISHED = "只有已公开的回应可以撤回或更正。"
ERROR_REASON_REQUIRED = "撤回须写明理由。"
ERROR_NOTE_REQUIRED = "修改已公开的回应须写明更正说明。"


def may_write_concern(user: AbstractBaseUser | None, unit_id: int | None) -> bool:
    return user is None or is_openness_office(user) or can_write_unit(user, unit_id)


def _require_writer(by: AbstractBaseUser | None, unit_id: int | None) -> None:
    if not may_write_concern(by, unit_id):
        raise PermissionDenied(_(ERROR_NOT_WRITER))


def concern_prepare(concern: Concern) -> None:
    if concern.first_seen_at and concern.first_seen_at > timezone.now():
        raise ValidationError({"first_seen_at": _(ERROR_FUTURE)})
    if concern.first_seen_at is None:
        return  # full_clean reports the missing time
    if concern.severity == Severity.EMERGENCY:
        concern.first_response_due = rules.emergency_info_due(concern.first_seen_at)
        concern.press_due = rules.emergency_press_due(concern.first_seen_at)
    else:
        concern.first_response_due = rules.general_response_due(concern.first_seen_at)
        concern.press_due = None


@transaction.atomic
def concern_save(*, concern: Concern, by: AbstractBaseUser | None = None) -> Concern:
    if concern.pk is not None:
        _require_writer(by, Concern.objects.select_for_update().get(pk=concern.pk).unit_id)
    _require_writer(by, concern.unit_id)
    if concern.created_by_id is None and by is not None:
        concern.created_by = by
    concern_prepare(concern)
    concern.full_clean()
    concern.save()
    return concern


def response_prepare(response: Response) -> None:
    if response.made_at is None:
        return
    if response.made_at > timezone.now():
        raise ValidationError({"made_at": _(ERROR_FUTURE)})
    if response.concern_id and response.made_at < response.concern.first_seen_at:
        raise ValidationError({"made_at": _(ERROR_BEFORE_SEEN)})


@transaction.atomic
def response_save(*, response: Response, by: AbstractBaseUser | None = None) -> Response:
    """Record or edit a response not yet public (a public one: response_correct)."""
    if response.pk is not None:
        stored = Response.objects.select_for_update().select_related("concern").get(pk=response.pk)
        _require_writer(by, stored.concern.unit_id)
        if stored.status == ReplyStatus.PUBLISHED:
            raise ValidationError(_(ERROR_NOTE_REQUIRED))
    _require_writer(by, response.concern.unit_id)
    if response.created_by_id is None and by is not None:
        response.created_by = by
    response_prepare(response)
    response.full_clean()
    response.save()
    return response


@transaction.atomic
def response_publish(*, response: Response, by: AbstractBaseUser | None = None) -> Response:
    response = Response.objects.select_for_update().select_related("concern").get(pk=response.pk)
    _require_writer(by, response.concern.unit_id)
    if response.status == ReplyStatus.WITHDRAWN:
        raise ValidationError(_(ERROR_WITHDRAWN))
    if response.status == ReplyStatus.PUBLISHED:
        return response
    require_review(response, by=by, unit_field="concern__unit")
    response.status = ReplyStatus.PUBLISHED
    response.published_at = timezone.now()
    response.save()
    return response


@transaction.atomic
def response_withdraw(*, response: Response, reason: str, by: AbstractBaseUser | None = None) -> Response:
    if not reason.strip():
        raise ValidationError(_(ERROR_REASON_REQUIRED))
    response = Response.objects.select_for_update().select_related("concern").get(pk=response.pk)
    _require_writer(by, response.concern.unit_id)
    if response.status != ReplyStatus.PUBLISHED:
        raise ValidationError(_(ERROR_NOT_PUBLISHED))
    response.status = ReplyStatus.WITHDRAWN
    response.withdrawn_at = timezone.now()
    response.withdrawal_reason = reason.strip()
    response.save()
    return response


@transaction.atomic
def response_correct(*, response: Response, note: str, by: AbstractBaseUser | None = None) -> Response:
    if not note.strip():
        raise ValidationError({"correction_note": _(ERROR_NOTE_REQUIRED)})
    stored = Response.objects.select_for_update().select_related("concern").get(pk=response.pk)
    _require_writer(by, stored.concern.unit_id)
    if stored.status != ReplyStatus.PUBLISHED:
        raise ValidationError(_(ERROR_NOT_PUBLISHED))
    response_prepare(response)
    response.corrected_at = timezone.now()
    response.correction_note = note.strip()
    response.full_clean()
    response.save()
    return response
