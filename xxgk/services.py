"""指南 workflow: compile → submit → approve (publish, the old version superseded) or return; a
published 指南 changes only through a new version."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from organizations.models import Role, Unit
from organizations.scoping import can_write_unit, user_unit_ids
from publication_review.models import Outcome
from publication_review.services import require_review, review_record
from xxgk.models import OFFICE_FIELDS, OPEN_STATUSES, Guide, GuideReview, GuideStatus, ReviewDecision

ERROR_NOT_EDITOR = "只有本单位信息员可以编辑、提交本单位的政府信息公开指南。"
ERROR_NOT_REVIEWER = "只有本单位的审核员可以审核本单位的政府信息公开指南。"
ERROR_NOT_EDITABLE = "已提交或已发布的指南不能修改；已发布的指南请新建版本。"
ERROR_NOT_SUBMITTED = "只有待审核的指南可以审核。"
ERROR_OPEN_DRAFT = "本单位已有一份正在编制或审核的指南。"
ERROR_RETURN_COMMENT = "退回必须填写审核意见。"
COPIED_FIELDS = (*OFFICE_FIELDS, "fees_rule", "application_notes", "remedies")


def can_review(user: AbstractBaseUser, guide: Guide) -> bool:
    """Reviewers of the 指南's own unit (and superusers)."""
    return user.is_superuser or guide.unit_id in user_unit_ids(user, Role.REVIEWER)


def _require_editor(user: AbstractBaseUser | None, unit_id: int) -> None:
    if user is not None and not can_write_unit(user, unit_id):
        raise PermissionDenied(_(ERROR_NOT_EDITOR))


@transaction.atomic
def guide_start(*, unit: Unit, by: AbstractBaseUser | None = None) -> Guide:
    """A new draft: a copy of the unit's latest 指南, or for a first one the unit's address, phone and
    e-mail as the unit record holds them (the rest 待补充)."""
    _require_editor(by, unit.pk)
    Unit.objects.select_for_update().filter(pk=unit.pk).first()  # one draft at a time per unit
    if Guide.objects.filter(unit=unit, status__in=OPEN_STATUSES).exists():
        raise ValidationError(_(ERROR_OPEN_DRAFT))
    latest = Guide.objects.filter(unit=unit).order_by("-version").first()
    guide = Guide(unit=unit, created_by=by, version=latest.version + 1 if latest else 1)
    if latest is not None:
        for name in COPIED_FIELDS:
            setattr(guide, name, getattr(latest, name))
    else:
        guide.address, guide.phone, guide.email = unit.address, unit.phone, unit.email
    guide.full_clean()
    guide.save()
    return guide


@transaction.atomic
def guide_save(*, guide: Guide, by: AbstractBaseUser | None = None) -> Guide:
    """Save a draft's fields (the admin form); a submitted or published 指南 is refused."""
    if guide.pk is not None:
        stored = Guide.objects.select_for_update().get(pk=guide.pk)
        if not stored.is_editable:
            raise ValidationError(_(ERROR_NOT_EDITABLE))
    _require_editor(by, guide.unit_id)
    guide.full_clean()
    guide.save()
    return guide


@transaction.atomic
def guide_submit(*, guide: Guide, by: AbstractBaseUser | None = None) -> Guide:
    guide = Guide.objects.select_for_update().get(pk=guide.pk)
    _require_editor(by, guide.unit_id)
    if not guide.is_editable:
        raise ValidationError(_(ERROR_NOT_EDITABLE))
    guide.full_clean()
    guide.status = GuideStatus.SUBMITTED
    guide.submitted_at = timezone.now()
    guide.save()
    return guide


@transaction.atomic
def guide_review(*, guide: Guide, by: AbstractBaseUser, approve: bool, comment: str = "") -> Guide:
    """Approve (publish, superseding the previous version) or return with comments."""
    guide = Guide.objects.select_for_update().get(pk=guide.pk)
    if not can_review(by, guide):
        raise PermissionDenied(_(ERROR_NOT_REVIEWER))
    if guide.status != GuideStatus.SUBMITTED:
        raise ValidationError(_(ERROR_NOT_SUBMITTED))
    if not approve and not comment.strip():
        raise ValidationError({"comment": _(ERROR_RETURN_COMMENT)})
    decision = ReviewDecision.APPROVE if approve else ReviewDecision.RETURN
    GuideReview.objects.create(guide=guide, reviewer=by, decision=decision, comment=comment.strip())
    if not approve:
        guide.status = GuideStatus.RETURNED
        guide.save()
        return guide
    # The reviewer's approval is the 公开审查 every published record passes (publication_review).
    review_record(record=guide, reviewer=by, outcome=Outcome.PUBLISH, note=comment)
    require_review(guide)  # the reviewer approves and publishes: only the author must differ
    now = timezone.now()
    for old in Guide.objects.select_for_update().filter(unit=guide.unit_id, status=GuideStatus.PUBLISHED):
        old.status = GuideStatus.SUPERSEDED
        old.superseded_at = now
        old.save()
    guide.status = GuideStatus.PUBLISHED
    guide.published_at = now
    guide.save()
    return guide
