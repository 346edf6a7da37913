from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone


@shared_task
def disable_unused_accounts() -> int:
    """Daily: staff accounts unused for ACCOUNT_INACTIVE_DAYS (90) days are disabled (not deleted)."""
    from audit.models import Event
    from audit.services import audit_record

    cutoff = timezone.now() - timedelta(days=settings.ACCOUNT_INACTIVE_DAYS)
    unused = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff))
    )
    users = list(unused)
    unused.update(is_active=False)
    for user in users:
        audit_record(event=Event.CHANGE, username=user.get_username(), detail="长期未使用，账号已停用")
    return len(users)
