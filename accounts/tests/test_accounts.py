"""Passwords, lockout, sessions and the three separated administrators (等保 2.0 三级)."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.roles import AUDITOR, SECURITY, SYSTEM, admin_role_grant, has_admin_role
from accounts.tasks import disable_unused_accounts
from audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("password", ["Abcd12!", "abcdefgh", "abcd1234", "ABCDEFG1", "lushan2026"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


@pytest.mark.parametrize("password", ["Lushan-county", "lushan#2026x", "Gov#Open8"])
def test_three_classes_of_eight_characters_pass(password):
    validate_password(password)


def test_the_last_five_passwords_cannot_be_reused(django_user_model):
    user = django_user_model.objects.create_user("staff1", password="First#Pass1")
    for n in range(2, 7):
        validate_password(f"Next#Pass{n}", user)
        user.set_password(f"Next#Pass{n}")
        user.save()
    with pytest.raises(ValidationError, match="最近 5 次"):
        validate_password("Next#Pass2", user)
    validate_password("First#Pass1", user)  # six changes ago: allowed again


def test_staff_with_an_old_password_must_change_it(client, editor_a):
    editor_a.set_password("Fresh#Pass1")
    editor_a.save()
    client.force_login(editor_a)
    assert client.get(reverse("admin:index")).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=91)):
        client.force_login(editor_a)
        response = client.get(reverse("admin:index"))
        assert response.status_code == 302 and response["Location"] == reverse("admin:password_change")
        assert client.get(reverse("admin:password_change")).status_code == 200


def login(client, username: str, password: str):
    return client.post(reverse("admin:login"), {"username": username, "password": password, "next": "/admin/"})


def test_five_failures_lock_the_account_for_ten_minutes(client, django_user_model):
    django_user_model.objects.create_user("locky", password="Right#Pass1", is_staff=True)
    for _ in range(5):
        assert login(client, "locky", "wrong").status_code in (200, 429)
    locked = login(client, "locky", "Right#Pass1")
    assert locked.status_code == 429
    assert "账号已锁定" in locked.content.decode() and "10分钟" in locked.content.decode()
    assert AuditEvent.objects.filter(event="login_failed", username="locky").count() >= 4
    assert AuditEvent.objects.filter(event="lockout").exists()
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        assert login(client, "locky", "Right#Pass1").status_code == 302


def test_staff_sessions_end_on_browser_close_and_after_idle(client, settings, editor_a):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE and settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.SESSION_COOKIE_AGE == 15 * 60
    editor_a.set_password("Right#Pass1")
    editor_a.save()
    response = login(client, "editor-a", "Right#Pass1")
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["expires"] and not cookie["max-age"]  # a browser-session cookie
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert client.get(reverse("admin:index")).status_code == 302  # back to the login page


def test_one_account_cannot_hold_two_administrator_roles(django_user_model):
    user = django_user_model.objects.create_user("admin1")
    admin_role_grant(user=user, role=SYSTEM)
    with pytest.raises(ValidationError, match="三员分立"):
        admin_role_grant(user=user, role=AUDITOR)
    assert has_admin_role(user, SYSTEM) and not has_admin_role(user, AUDITOR)


def test_the_user_admin_refuses_two_administrator_roles(client, superuser, django_user_model):
    from django.contrib.auth.models import Group

    from organizations.roles import role_group

    target = django_user_model.objects.create_user("target")
    client.force_login(superuser)
    groups = [role_group(SYSTEM).pk, role_group(SECURITY).pk]
    response = client.post(
        reverse("admin:auth_user_change", args=[target.pk]),
        {"username": "target", "groups": groups, "date_joined_0": "2025-01-01", "date_joined_1": "00:00:00",
         "is_active": "on", "is_staff": "on"},
    )  # fmt: skip
    assert "三员分立" in response.content.decode()
    assert not Group.objects.filter(user=target).exists()


def test_bootstrap_creates_the_three_administrators_once():
    out = StringIO()
    call_command("bootstrap_admins", stdout=out)
    from django.contrib.auth import get_user_model

    users = {
        u.username: u for u in get_user_model().objects.filter(username__in=["sysadmin", "secadmin", "auditadmin"])
    }
    assert has_admin_role(users["sysadmin"], SYSTEM) and has_admin_role(users["auditadmin"], AUDITOR)
    assert not any(u.is_superuser for u in users.values())
    with pytest.raises(Exception, match="已存在"):
        call_command("bootstrap_admins", stdout=StringIO())


def test_only_the_auditor_reads_the_audit_log(client, superuser, django_user_model):
    system = django_user_model.objects.create_user("sys")
    admin_role_grant(user=system, role=SYSTEM)
    auditor = django_user_model.objects.create_user("aud")
    admin_role_grant(user=auditor, role=AUDITOR)
    url = reverse("admin:audit_auditevent_changelist")
    for user in (system, superuser):
        client.force_login(user)
        assert client.get(url).status_code == 403
    client.force_login(auditor)
    assert client.get(url).status_code == 200
    event = AuditEvent.objects.first()
    response = client.post(url, {"action": "export_csv", "_selected_action": [event.pk]})
    assert response["Content-Type"].startswith("text/csv") and event.hash in response.content.decode("utf-8-sig")
    assert client.post(reverse("admin:audit_auditevent_delete", args=[event.pk]), {"post": "yes"}).status_code == 403


def test_accounts_unused_for_90_days_are_disabled(django_user_model):
    idle = django_user_model.objects.create_user("idle", is_staff=True)
    active = django_user_model.objects.create_user("active", is_staff=True)
    with time_machine.travel(timezone.now() + timedelta(days=91)):
        active.last_login = timezone.now()
        active.save()
        assert disable_unused_accounts() == 1
    idle.refresh_from_db()
    active.refresh_from_db()
    assert not idle.is_active and active.is_active
