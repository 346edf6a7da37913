"""三员分立 that holds against its own holders: through the admin pages and through the services."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from accounts import policy
from accounts.policy import PolicyRefusal
from accounts.roles import AUDITOR, SECURITY, SYSTEM, admin_role_grant, has_admin_role
from accounts.services import DEACTIVATED
from accounts.usernames import ERROR_USERNAME
from audit.models import AuditEvent
from conftest import need_service
from organizations.models import Membership, Role
from organizations.roles import role_group
from organizations.services import membership_grant, membership_revoke, supervisor_grant

pytestmark = pytest.mark.django_db


def administrator(django_user_model, username: str, role: str):
    user = django_user_model.objects.create_user(username=username, password="pw-Test-2026")
    admin_role_grant(user=user, role=role)
    return user


@pytest.fixture
def sysadmin(django_user_model):
    return administrator(django_user_model, "sysadmin", SYSTEM)


@pytest.fixture
def secadmin(django_user_model):
    return administrator(django_user_model, "secadmin", SECURITY)


@pytest.fixture
def auditadmin(django_user_model):
    return administrator(django_user_model, "auditadmin", AUDITOR)


def refusals(message: str, username: str):
    return AuditEvent.objects.filter(event="role", result="refused", detail=message, username=username)


def change_url(user) -> str:
    return reverse("admin:auth_user_change", args=[user.pk])


def account_form(user, **changes) -> dict:
    """What the system administrator's form for an ordinary account posts."""
    data = {"username": user.username, "first_name": user.first_name, "last_name": user.last_name,
            "email": user.email, "is_staff": "on", "is_active": "on",
            "groups": list(user.groups.values_list("pk", flat=True))}  # fmt: skip
    data.update(changes)
    return data


def new_account(username: str) -> dict:
    return {"username": username, "password1": "Fresh#Pass1", "password2": "Fresh#Pass1", "usable_password": "true"}


def test_the_system_admin_sets_business_roles_but_never_an_administrator_role(client, sysadmin, editor_a):
    client.force_login(sysadmin)
    editor_group = role_group(Role.EDITOR).pk
    response = client.post(change_url(editor_a), account_form(editor_a, groups=[editor_group, role_group(AUDITOR).pk]))
    assert response.status_code == 200 and policy.ERROR_SYSTEM_ROLES in response.content.decode()
    assert not has_admin_role(editor_a, AUDITOR)
    assert refusals(policy.ERROR_SYSTEM_ROLES, "sysadmin").get().object_repr == "editor-a"

    supervisor = role_group("supervisor").pk
    response = client.post(change_url(editor_a), account_form(editor_a, groups=[editor_group, supervisor]))
    assert response.status_code == 302
    assert editor_a.groups.filter(pk=supervisor).exists()


def test_the_system_admin_cannot_tick_superuser_on_itself_or_anyone(client, sysadmin, editor_a):
    client.force_login(sysadmin)
    page = client.get(change_url(sysadmin)).content.decode()
    assert 'name="is_superuser"' not in page and 'name="groups"' not in page
    response = client.post(change_url(sysadmin), account_form(sysadmin, is_superuser="on"))
    assert response.status_code == 403
    assert refusals(policy.ERROR_OWN_ROLES, "sysadmin").exists()
    response = client.post(change_url(editor_a), account_form(editor_a, is_superuser="on"))
    assert response.status_code == 403
    assert refusals(policy.ERROR_SYSTEM_ROLES, "sysadmin").exists()
    sysadmin.refresh_from_db()
    editor_a.refresh_from_db()
    assert not sysadmin.is_superuser and not editor_a.is_superuser


def test_the_system_admin_keeps_away_from_administrators_accounts(client, sysadmin, auditadmin, unit_a):
    client.force_login(sysadmin)
    response = client.post(
        reverse("admin:auth_user_password_change", args=[auditadmin.pk]),
        {"password1": "Taken#Over9", "password2": "Taken#Over9", "usable_password": "true"},
    )
    assert response.status_code == 403
    assert refusals(policy.ERROR_SYSTEM_ACCOUNTS, "sysadmin").exists()
    auditadmin.refresh_from_db()
    assert auditadmin.check_password("pw-Test-2026")
    with pytest.raises(PolicyRefusal, match=policy.ERROR_SYSTEM_ACCOUNTS):
        membership_grant(user=auditadmin, unit=unit_a, role=Role.EDITOR, by=sysadmin)


def test_superuser_status_is_never_set_through_the_admin_in_production(client, settings, superuser, editor_a):
    client.force_login(superuser)
    settings.PRODUCTION = True
    assert 'name="is_superuser"' not in client.get(change_url(editor_a)).content.decode()
    response = client.post(change_url(editor_a), account_form(editor_a, is_superuser="on"))
    assert response.status_code == 403
    assert refusals(policy.ERROR_SUPERUSER, "root").exists()
    editor_a.refresh_from_db()
    assert not editor_a.is_superuser
    settings.PRODUCTION = False  # the development demo still may
    assert client.post(change_url(editor_a), account_form(editor_a, is_superuser="on")).status_code == 302
    editor_a.refresh_from_db()
    assert editor_a.is_superuser


def test_the_security_admin_cannot_give_its_own_group_change_user(client, secadmin):
    client.force_login(secadmin)
    own = role_group(SECURITY)
    before = set(own.permissions.values_list("pk", flat=True))
    change_user = Permission.objects.get(content_type__app_label="auth", codename="change_user")
    response = client.post(
        reverse("admin:auth_group_change", args=[own.pk]), {"name": own.name, "permissions": [*before, change_user.pk]}
    )
    assert response.status_code == 403
    assert set(own.permissions.values_list("pk", flat=True)) == before
    assert refusals(policy.ERROR_ADMIN_GROUP, "secadmin").exists()


def test_the_security_admin_gives_groups_permissions_but_not_account_or_audit_ones(client, secadmin):
    client.force_login(secadmin)
    editors = role_group(Role.EDITOR)
    before = list(editors.permissions.values_list("pk", flat=True))
    change_user = Permission.objects.get(content_type__app_label="auth", codename="change_user")
    url = reverse("admin:auth_group_change", args=[editors.pk])
    response = client.post(url, {"name": editors.name, "permissions": [*before, change_user.pk]})
    assert response.status_code == 200 and "只属于三员用户组" in response.content.decode()
    assert not editors.permissions.filter(pk=change_user.pk).exists()
    assert AuditEvent.objects.filter(
        event="role", result="refused", username="secadmin", detail__contains="三员"
    ).exists()
    view_domain = Permission.objects.get(content_type__app_label="catalog", codename="view_domain")
    response = client.post(reverse("admin:auth_group_add"), {"name": "专项检查组", "permissions": [view_domain.pk]})
    assert response.status_code == 302
    assert list(Group.objects.get(name="专项检查组").permissions.all()) == [view_domain]


def test_the_security_admin_assigns_roles_but_never_identities_or_passwords(client, secadmin, editor_a):
    # Even holding auth.change_user (the escalation found by the attack test), the policy decides.
    role_group(SECURITY).permissions.add(Permission.objects.get(content_type__app_label="auth", codename="change_user"))
    client.force_login(secadmin)
    page = client.get(change_url(editor_a)).content.decode()
    password_url = reverse("admin:auth_user_password_change", args=[editor_a.pk])
    assert 'name="username"' not in page and password_url not in page and 'name="groups"' in page
    response = client.post(change_url(editor_a), account_form(editor_a, username="renamed", email="x@example.cn"))
    assert response.status_code == 403
    response = client.post(
        reverse("admin:auth_user_password_change", args=[editor_a.pk]),
        {"password1": "Taken#Over9", "password2": "Taken#Over9", "usable_password": "true"},
    )
    assert response.status_code == 403
    response = client.post(reverse("admin:auth_user_add"), new_account("newcomer"))
    assert response.status_code == 403
    assert refusals(policy.ERROR_SECURITY_IDENTITY, "secadmin").count() == 3
    editor_a.refresh_from_db()
    assert editor_a.username == "editor-a" and editor_a.check_password("pw-Test-2026")
    assert not type(editor_a).objects.filter(username="newcomer").exists()

    groups = [role_group(Role.EDITOR).pk, role_group("supervisor").pk]
    assert client.post(change_url(editor_a), {"groups": groups}).status_code == 302
    assert editor_a.groups.filter(pk=role_group("supervisor").pk).exists()


def test_nobody_changes_their_own_roles(client, secadmin, superuser, unit_a):
    supervisor = role_group("supervisor").pk
    for user in (secadmin, superuser):
        client.force_login(user)
        assert client.post(change_url(user), {"groups": [supervisor]}).status_code == 403
        assert refusals(policy.ERROR_OWN_ROLES, user.username).exists()
        assert not user.groups.filter(pk=supervisor).exists()
    client.force_login(secadmin)
    response = client.post(
        reverse("admin:organizations_membership_add"), {"user": secadmin.pk, "unit": unit_a.pk, "role": "editor"}
    )
    assert response.status_code == 200 and policy.ERROR_OWN_ROLES in response.content.decode()
    assert not Membership.objects.filter(user=secadmin).exists()


def test_the_services_ask_the_policy(sysadmin, secadmin, auditadmin, editor_a, unit_a, django_user_model):
    target = django_user_model.objects.create_user("target")
    with pytest.raises(PolicyRefusal, match=policy.ERROR_SYSTEM_ROLES):
        admin_role_grant(user=target, role=AUDITOR, by=sysadmin)
    with pytest.raises(PolicyRefusal, match=policy.ERROR_OWN_ROLES):
        membership_grant(user=sysadmin, unit=unit_a, role=Role.REVIEWER, by=sysadmin)
    with pytest.raises(PolicyRefusal, match=policy.ERROR_NOT_YOURS):
        supervisor_grant(user=target, by=auditadmin)
    with pytest.raises(PolicyRefusal, match=policy.ERROR_OWN_ROLES):
        membership_revoke(membership=Membership.objects.get(user=editor_a), by=editor_a)
    assert not has_admin_role(target, AUDITOR) and Membership.objects.filter(user=editor_a).exists()
    assert AuditEvent.objects.filter(event="role", result="refused").count() == 4
    supervisor_grant(user=target, by=sysadmin)
    membership_grant(user=target, unit=unit_a, role=Role.REVIEWER, by=sysadmin)
    admin_role_grant(user=target, role=AUDITOR, by=secadmin)  # the security admin assigns roles
    assert has_admin_role(target, AUDITOR)


def test_the_audit_admin_changes_nothing(client, auditadmin, editor_a, unit_a):
    client.force_login(auditadmin)
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.post(change_url(editor_a), {"groups": [role_group(AUDITOR).pk]}).status_code == 403
    group = role_group(Role.EDITOR)
    assert client.post(reverse("admin:auth_group_change", args=[group.pk]), {"name": "x"}).status_code == 403
    membership = {"user": editor_a.pk, "unit": unit_a.pk, "role": "reviewer"}
    assert client.post(reverse("admin:organizations_membership_add"), membership).status_code == 403
    assert refusals(policy.ERROR_NOT_YOURS, "auditadmin").exists()
    assert not Membership.objects.filter(user=editor_a, role="reviewer").exists()


def test_a_refusal_keeps_the_username_and_units_of_whoever_tried(client, editor_a):
    client.force_login(editor_a)
    assert client.post(change_url(editor_a), {"groups": [role_group(AUDITOR).pk]}).status_code == 403
    row = AuditEvent.objects.get(event="role", result="refused")
    assert (row.username, row.units, row.detail) == ("editor-a", "civil-affairs", policy.ERROR_OWN_ROLES)


def test_users_are_never_deleted_but_deactivated(client, superuser, sysadmin, auditadmin, editor_a):
    need_service(connection.vendor == "postgresql", "PostgreSQL for the audit trigger")
    client.force_login(editor_a)  # audit rows now point at editor-a (the trigger refused SET NULL)
    client.force_login(superuser)
    delete_url = reverse("admin:auth_user_delete", args=[editor_a.pk])
    assert client.get(delete_url).status_code == 403
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    changelist = reverse("admin:auth_user_changelist")
    page = client.get(changelist).content.decode()
    assert 'value="delete_selected"' not in page and 'value="deactivate_accounts"' in page
    client.post(changelist, {"action": "delete_selected", "_selected_action": [editor_a.pk], "post": "yes"})
    assert type(editor_a).objects.filter(pk=editor_a.pk).exists()

    client.force_login(sysadmin)
    action = {"action": "deactivate_accounts", "_selected_action": [editor_a.pk, auditadmin.pk]}
    response = client.post(changelist, action, follow=True)
    assert policy.ERROR_SYSTEM_ACCOUNTS in response.content.decode()
    editor_a.refresh_from_db()
    auditadmin.refresh_from_db()
    assert not editor_a.is_active and auditadmin.is_active
    row = AuditEvent.objects.get(event="change", detail=DEACTIVATED)
    assert (row.username, row.object_repr, row.object_id) == ("sysadmin", "editor-a", str(editor_a.pk))
    assert refusals(policy.ERROR_SYSTEM_ACCOUNTS, "sysadmin").exists()


BAD_NAMES = ['=HYPERLINK("http://evil.example","x")', "-1+1", "@sum", "a b", "张三", "a@b", ".hidden"]


@pytest.mark.parametrize("username", BAD_NAMES)
def test_usernames_are_letters_digits_and_dot_dash_underscore(client, sysadmin, editor_a, username):
    client.force_login(sysadmin)
    response = client.post(reverse("admin:auth_user_add"), new_account(username))
    assert response.status_code == 200 and ERROR_USERNAME in response.content.decode()
    response = client.post(change_url(editor_a), account_form(editor_a, username=username))
    assert response.status_code == 200 and ERROR_USERNAME in response.content.decode()
    assert not type(editor_a).objects.filter(username=username).exists()
    with pytest.raises(CommandError, match=ERROR_USERNAME):
        call_command("bootstrap_admins", auditor=username, stdout=StringIO())


def test_the_system_admin_creates_an_account_with_a_good_name(client, sysadmin):
    client.force_login(sysadmin)
    new = {
        "username": "zhang.san_01",
        "password1": "Fresh#Pass1",
        "password2": "Fresh#Pass1",
        "usable_password": "true",
    }
    assert client.post(reverse("admin:auth_user_add"), new).status_code == 302
    created = type(sysadmin).objects.get(username="zhang.san_01")
    assert not created.is_superuser and not created.groups.exists()
    names = {"system_admin": "sys-2", "security_admin": "sec-2", "auditor": "audit.2"}
    call_command("bootstrap_admins", stdout=StringIO(), **names)
    assert has_admin_role(type(sysadmin).objects.get(username="audit.2"), AUDITOR)
