"""Changes to accounts. Accounts are never deleted (audit rows point at them): they are disabled."""

from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest

from accounts.policy import check_user_change
from audit.models import Event
from audit.services import audit_record

DEACTIVATED = "停用账号"


def account_deactivate(
    *, user: AbstractBaseUser, by: AbstractBaseUser | None = None, request: HttpRequest | None = None
) -> bool:
    """Disable ``user`` (audited); False when it was disabled already."""
    check_user_change(actor=by, target=user, fields={"is_active"}, request=request)
    if not user.is_active:
        return False
    user.is_active = False
    user.save(update_fields=["is_active"])
    audit_record(event=Event.CHANGE, user=by, obj=user, request=request, detail=DEACTIVATED)
    return True
