"""Events only Django and django-axes announce (logins, lockouts, admin edits) reach the log here.

Everything else (publish, withdraw, import, export) calls audit_record() where it happens.
"""

from axes.signals import user_locked_out
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save

from audit.models import Event
from audit.services import audit_record

ROLE_MODELS = {("auth", "user"), ("auth", "group"), ("organizations", "membership")}
UNLOCK_MODELS = {("axes", "accessattempt")}
ADMIN_EVENTS = {ADDITION: Event.CREATE, CHANGE: Event.CHANGE, DELETION: Event.DELETE}


def on_login(sender, request, user, **kwargs) -> None:
    audit_record(event=Event.LOGIN, user=user, request=request)


def on_logout(sender, request, user, **kwargs) -> None:
    audit_record(event=Event.LOGOUT, user=user, request=request)


def on_login_failed(sender, credentials, request=None, **kwargs) -> None:
    audit_record(
        event=Event.LOGIN_FAILED, username=str(credentials.get("username", "")), request=request, result="failure"
    )


def on_locked_out(sender, request, username=None, ip_address=None, **kwargs) -> None:
    audit_record(event=Event.LOCKOUT, username=username or "", request=request, result="failure")


def on_admin_log(sender, instance: LogEntry, created: bool, **kwargs) -> None:
    if not created:
        return
    key = (instance.content_type.app_label, instance.content_type.model) if instance.content_type else ("", "")
    event = ADMIN_EVENTS.get(instance.action_flag, Event.CHANGE)
    if key in ROLE_MODELS:
        event = Event.ROLE
    if key in UNLOCK_MODELS and instance.action_flag == DELETION:
        event = Event.UNLOCK
    audit_record(
        event=event,
        user=instance.user,
        object_ref=(".".join(key), str(instance.object_id or ""), instance.object_repr),
        detail=instance.get_change_message(),
    )


def connect() -> None:
    user_logged_in.connect(on_login, dispatch_uid="audit.login")
    user_logged_out.connect(on_logout, dispatch_uid="audit.logout")
    user_login_failed.connect(on_login_failed, dispatch_uid="audit.login_failed")
    user_locked_out.connect(on_locked_out, dispatch_uid="audit.locked_out")
    post_save.connect(on_admin_log, sender=LogEntry, dispatch_uid="audit.admin_log")
