"""Who may write a record of the app: staff of its unit (supervisors read, never write)."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from organizations.scoping import can_write_unit, unit_of


def require_writer(by: AbstractBaseUser | None, unit_id: int, message: str) -> None:
    """Refuse ``by`` unless they write the unit; ``None`` is the system (demo, commands)."""
    if by is not None and not can_write_unit(by, unit_id):
        raise PermissionDenied(_(message))


ERROR_REASON_REQUIRED = "撤回必须填写理由。"
ERROR_NOT_PUBLISHED = "只有已发布的记录才能撤回。"


@transaction.atomic
def withdraw_published(
    model: type[Model], *, pk: int, reason: str, by: AbstractBaseUser | None, unit_field: str, message: str
) -> Model:
    """Take a published record (guide, task, report, rectification) off the public pages with the
    reason, kept and shown; never deleted (history kept)."""
    if not reason.strip():
        raise ValidationError(_(ERROR_REASON_REQUIRED))
    record = model.objects.select_for_update().get(pk=pk)
    require_writer(by, unit_of(record, unit_field), message)
    if record.status != "published":
        raise ValidationError(_(ERROR_NOT_PUBLISHED))
    record.status = "withdrawn"
    record.withdrawn_at = timezone.now()
    record.withdrawal_reason = reason.strip()
    record.save(update_fields=["status", "withdrawn_at", "withdrawal_reason"])
    return record
