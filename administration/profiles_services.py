"""Unit profiles and the reform history: drafts are reviewed (条例第十七条) and published; a
published version is never edited or deleted: it is followed by a new version, or withdrawn with a
reason."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from administration.models import InternalBody, Leader, RecordStatus, ReformKind, UnitProfile, UnitReform
from organizations.scoping import can_write_unit
from publication_review.services import require_review

ERROR_NOT_EDITOR = "只有本单位信息员可以编辑、发布本单位的机构概况和机构沿革。"
ERROR_NOT_DRAFT = "只有未发布的记录可以发布；已发布的机构概况请新建版本。"
ERROR_NOT_PUBLISHED = "只有已发布的记录可以撤回。"
ERROR_REASON_REQUIRED = "撤回必须填写理由。"
ERROR_SUCCESSOR_NEEDED = "并入、分设和更名须指明承接单位。"

Record = UnitProfile | UnitReform
# The kinds after which another unit (or the renamed unit itself) carries on the duties.
SUCCEEDED_KINDS = (ReformKind.RENAMED, ReformKind.MERGED, ReformKind.SPLIT)


def _require_editor(user: AbstractBaseUser | None, unit_id: int) -> None:
    if user is not None and not can_write_unit(user, unit_id):
        raise PermissionDenied(_(ERROR_NOT_EDITOR))


def _locked(record: Record) -> Record:
    return type(record).objects.select_for_update().get(pk=record.pk)


@transaction.atomic
def profile_publish(*, profile: UnitProfile, by: AbstractBaseUser | None = None) -> UnitProfile:
    profile = _locked(profile)
    _require_editor(by, profile.unit_id)
    if profile.status != RecordStatus.DRAFT:
        raise ValidationError(_(ERROR_NOT_DRAFT))
    require_review(profile, by=by)
    profile.status, profile.published_at = RecordStatus.PUBLISHED, timezone.now()
    profile.save()
    return profile


@transaction.atomic
def profile_new_version(*, profile: UnitProfile, by: AbstractBaseUser | None = None) -> UnitProfile:
    """A draft copy of a version, with its bodies and leaders, to be edited and published anew.
    Its date is left for the editor to set: the copy keeps the old one until then."""
    _require_editor(by, profile.unit_id)
    bodies, leaders = list(profile.bodies.all()), list(profile.leaders.all())
    copy = UnitProfile.objects.create(
        unit_id=profile.unit_id,
        effective_on=profile.effective_on,
        functions=profile.functions,
        basis=profile.basis,
        address=profile.address,
        office_hours=profile.office_hours,
        phone=profile.phone,
        created_by=by,
    )
    InternalBody.objects.bulk_create(
        InternalBody(profile=copy, name=b.name, duties=b.duties, position=b.position) for b in bodies
    )
    Leader.objects.bulk_create(
        Leader(profile=copy, name=x.name, post=x.post, duties=x.duties, position=x.position) for x in leaders
    )
    return copy


@transaction.atomic
def reform_publish(*, reform: UnitReform, by: AbstractBaseUser | None = None) -> UnitReform:
    reform = _locked(reform)
    _require_editor(by, reform.unit_id)
    if reform.status != RecordStatus.DRAFT:
        raise ValidationError(_(ERROR_NOT_DRAFT))
    if reform.kind in SUCCEEDED_KINDS and reform.successor_id is None:
        raise ValidationError(_(ERROR_SUCCESSOR_NEEDED))
    require_review(reform, by=by)
    reform.status, reform.published_at = RecordStatus.PUBLISHED, timezone.now()
    reform.save()
    return reform


@transaction.atomic
def record_withdraw(*, record: Record, reason: str, by: AbstractBaseUser | None = None) -> Record:
    """Take a published profile version or reform entry off the public pages, with the reason kept."""
    record = _locked(record)
    _require_editor(by, record.unit_id)
    if record.status != RecordStatus.PUBLISHED:
        raise ValidationError(_(ERROR_NOT_PUBLISHED))
    if not reason.strip():
        raise ValidationError(_(ERROR_REASON_REQUIRED))
    record.status, record.withdrawal_reason = RecordStatus.WITHDRAWN, reason.strip()
    record.save()
    return record


def profile_publish_for_admin(profile: UnitProfile, by: AbstractBaseUser | None = None) -> UnitProfile:
    return profile_publish(profile=profile, by=by)


def reform_publish_for_admin(reform: UnitReform, by: AbstractBaseUser | None = None) -> UnitReform:
    return reform_publish(reform=reform, by=by)


def withdraw_for_admin(record: Record, reason: str, by: AbstractBaseUser | None = None) -> Record:
    return record_withdraw(record=record, reason=reason, by=by)
