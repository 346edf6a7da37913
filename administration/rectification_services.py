"""Rectification of 督查 and 审计 findings: enter, publish (reviewed), record the completion and
publish its report (reviewed again: it is new public text), withdraw with a reason."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from administration.access import require_writer, withdraw_published
from administration.models import PublicStatus, Rectification
from publication_review.services import require_review

ERROR_NOT_WRITER = "只有整改单位的工作人员可以编辑、发布本单位的整改情况。"
ERROR_NOT_DRAFT = "已发布或已撤回的整改记录只能报告完成情况或撤回。"
ERROR_FUTURE_COMPLETION = "整改完成日期不能晚于今天。"
ERROR_COMPLETION_BEFORE = "整改完成日期不能早于发现日期。"
ERROR_REPORT_REQUIRED = "请填写整改完成情况。"
ERROR_ALREADY_COMPLETED = "已记录整改完成情况；确需修改的，请撤回后重新录入。"
ERROR_NOT_PUBLISHED = "只有已发布的整改记录才能报告完成情况。"
ERROR_WITHDRAWN = "已撤回的整改记录不能再发布。"
ERROR_NOTHING_TO_PUBLISH = "整改记录及其完成情况均已发布。"


def _require_writer(by: AbstractBaseUser | None, unit_id: int) -> None:
    require_writer(by, unit_id, ERROR_NOT_WRITER)


@transaction.atomic
def rectification_save(*, rectification: Rectification, by: AbstractBaseUser | None = None) -> Rectification:
    _require_writer(by, rectification.unit_id)
    if rectification.pk is not None:
        stored = Rectification.objects.select_for_update().get(pk=rectification.pk)
        if stored.status != PublicStatus.DRAFT:
            raise ValidationError(_(ERROR_NOT_DRAFT))
        _require_writer(by, stored.unit_id)
    elif by is not None:
        rectification.created_by = by
    rectification.full_clean()
    rectification.save()
    return rectification


def completion_pending(rectification: Rectification) -> bool:
    """Completed, but its completion report not yet public."""
    return rectification.completed_on is not None and rectification.completion_published_at is None


@transaction.atomic
def rectification_publish(*, rectification: Rectification, by: AbstractBaseUser | None = None) -> Rectification:
    """Publish the finding with its deadline and measures; once completed, publish the completion
    report. Each step on a review of the record as it then stands."""
    rectification = Rectification.objects.select_for_update().get(pk=rectification.pk)
    _require_writer(by, rectification.unit_id)
    if rectification.status == PublicStatus.WITHDRAWN:
        raise ValidationError(_(ERROR_WITHDRAWN))
    if rectification.status == PublicStatus.PUBLISHED and not completion_pending(rectification):
        raise ValidationError(_(ERROR_NOTHING_TO_PUBLISH))
    require_review(rectification, by=by)
    now = timezone.now()
    if rectification.status == PublicStatus.DRAFT:
        rectification.status = PublicStatus.PUBLISHED
        rectification.published_at = now
    if rectification.completed_on is not None:
        rectification.completion_published_at = now
    rectification.save(update_fields=["status", "published_at", "completion_published_at"])
    return rectification


@transaction.atomic
def rectification_complete(
    *, rectification: Rectification, completed_on: date, report: str, by: AbstractBaseUser | None = None
) -> Rectification:
    """Record the completion (the date it was done, which decides on time) and its report; the report
    goes public with rectification_publish after a review."""
    rectification = Rectification.objects.select_for_update().get(pk=rectification.pk)
    _require_writer(by, rectification.unit_id)
    if rectification.status != PublicStatus.PUBLISHED:
        raise ValidationError(_(ERROR_NOT_PUBLISHED))
    if rectification.completed_on is not None:
        raise ValidationError(_(ERROR_ALREADY_COMPLETED))
    if completed_on > timezone.localdate():
        raise ValidationError({"completed_on": _(ERROR_FUTURE_COMPLETION)})
    if rectification.found_on and completed_on < rectification.found_on:
        raise ValidationError({"completed_on": _(ERROR_COMPLETION_BEFORE)})
    if not report.strip():
        raise ValidationError({"completion_report": _(ERROR_REPORT_REQUIRED)})
    rectification.completed_on = completed_on
    rectification.completion_report = report.strip()
    rectification.save(update_fields=["completed_on", "completion_report"])
    return rectification


@transaction.atomic
def rectification_withdraw(
    *, rectification: Rectification, reason: str, by: AbstractBaseUser | None = None
) -> Rectification:
    """Off the public pages with the reason (access.withdraw_published)."""
    record = withdraw_published(
        Rectification, pk=rectification.pk, reason=reason, by=by, unit_field="unit", message=ERROR_NOT_WRITER
    )
    return record
