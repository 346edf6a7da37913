"""Service guides: save a draft, publish (complete and reviewed), correct with a note, withdraw with
a reason. Every write path (admin, demo, tests) calls these."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from administration.access import require_writer, withdraw_published
from administration.guides_selectors import missing_elements
from administration.models import GuideStatus, ServiceGuide
from publication_review.services import require_review

ERROR_NOT_EDITOR = "只有实施单位的工作人员可以编辑、发布或撤回本单位的办事指南。"
ERROR_INCOMPLETE = "办事指南缺少以下要素，不能发布：%(missing)s。"
ERROR_INCOMPLETE_CORRECTION = "更正后的办事指南缺少以下要素：%(missing)s。"
ERROR_NOTE_REQUIRED = "修改已发布的办事指南必须填写更正说明。"
ERROR_NOT_PUBLISHED = "只有已发布的办事指南才能更正。"
ERROR_WITHDRAWN = "已撤回的办事指南不能修改或再次发布，请新建一份。"
ERROR_PROMISE_LONGER = "承诺办结时限不能长于法定办结时限。"


def _require_writer(by: AbstractBaseUser | None, unit_id: int) -> None:
    require_writer(by, unit_id, ERROR_NOT_EDITOR)


def _check_limits(guide: ServiceGuide) -> None:
    legal, promised = guide.legal_limit_days, guide.promised_limit_days
    if legal is not None and promised is not None and promised > legal:
        raise ValidationError({"promised_limit_days": _(ERROR_PROMISE_LONGER)})


def guide_refusal(guide: ServiceGuide) -> str:
    """Why ``guide`` may not be published for lack of elements ("" when complete)."""
    missing = missing_elements(guide)
    return _(ERROR_INCOMPLETE) % {"missing": "、".join(missing)} if missing else ""


@transaction.atomic
def guide_save(*, guide: ServiceGuide, by: AbstractBaseUser | None = None) -> ServiceGuide:
    """Save a draft (any element may still be missing: the list shows which)."""
    _require_writer(by, guide.unit_id)
    if guide.pk is not None:
        stored = ServiceGuide.objects.select_for_update().get(pk=guide.pk)
        if stored.status == GuideStatus.WITHDRAWN:
            raise ValidationError(_(ERROR_WITHDRAWN))
        if stored.status == GuideStatus.PUBLISHED:
            raise ValidationError({"correction_note": _(ERROR_NOTE_REQUIRED)})
    elif by is not None:
        guide.created_by = by
    _check_limits(guide)
    guide.full_clean()
    guide.save()
    return guide


@transaction.atomic
def guide_publish(*, guide: ServiceGuide, by: AbstractBaseUser | None = None) -> ServiceGuide:
    """Publish a complete guide on its review (条例第十七条). The message names what is missing."""
    guide = ServiceGuide.objects.select_for_update().get(pk=guide.pk)
    _require_writer(by, guide.unit_id)
    if guide.status == GuideStatus.WITHDRAWN:
        raise ValidationError(_(ERROR_WITHDRAWN))
    if guide.status == GuideStatus.PUBLISHED:
        return guide
    if refusal := guide_refusal(guide):
        raise ValidationError(refusal)
    require_review(guide, by=by)
    guide.status = GuideStatus.PUBLISHED
    guide.published_at = timezone.now()
    guide.save(update_fields=["status", "published_at"])
    return guide


@transaction.atomic
def guide_correct(*, guide: ServiceGuide, note: str, by: AbstractBaseUser | None = None) -> ServiceGuide:
    """Save changes to a published guide (materials and steps already saved by the caller): the note is
    public, the page says when it was corrected, and no element may be lost."""
    if not note.strip():
        raise ValidationError({"correction_note": _(ERROR_NOTE_REQUIRED)})
    stored = ServiceGuide.objects.select_for_update().get(pk=guide.pk)
    _require_writer(by, stored.unit_id)
    if stored.status != GuideStatus.PUBLISHED or guide.unit_id != stored.unit_id:
        raise ValidationError(_(ERROR_NOT_PUBLISHED))
    if missing := missing_elements(guide):
        raise ValidationError(_(ERROR_INCOMPLETE_CORRECTION) % {"missing": "、".join(missing)})
    _check_limits(guide)
    guide.correction_note = note.strip()
    guide.corrected_at = timezone.now()
    guide.full_clean()
    guide.save()
    return guide


@transaction.atomic
def guide_withdraw(*, guide: ServiceGuide, reason: str, by: AbstractBaseUser | None = None) -> ServiceGuide:
    """Off the public pages with the reason (access.withdraw_published)."""
    record = withdraw_published(
        ServiceGuide, pk=guide.pk, reason=reason, by=by, unit_field="unit", message=ERROR_NOT_EDITOR
    )
    return record
