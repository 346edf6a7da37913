"""The audit log: who did what, append-only, chained."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from audit.models import AuditEvent
from audit.services import audit_record, audit_verify
from conftest import need_service
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db


def test_logins_and_failures_are_recorded_with_the_client(client, django_user_model):
    django_user_model.objects.create_user("alice", password="Right#Pass1", is_staff=True)
    client.post(reverse("admin:login"), {"username": "alice", "password": "wrong"}, REMOTE_ADDR="192.0.2.7")
    client.post(reverse("admin:login"), {"username": "alice", "password": "Right#Pass1"}, REMOTE_ADDR="192.0.2.7")
    events = list(AuditEvent.objects.order_by("id").values_list("event", "username", "result", "ip"))
    assert ("login_failed", "alice", "failure", "192.0.2.7") in events
    assert ("login", "alice", "success", "192.0.2.7") in events


def test_admin_changes_publishing_and_role_changes_are_recorded(client, editor_a, superuser, unit_a):
    from enforcement.tests.factories import make_decision

    decision = reviewed(make_decision(unit_a))
    client.force_login(editor_a)
    client.post(reverse("admin:enforcement_decision_publish", args=[decision.pk]), {"use_review": "1"})
    published = AuditEvent.objects.get(event="publish")
    assert published.username == "editor-a" and published.units == "civil-affairs"
    assert published.object_repr == str(decision)
    client.force_login(superuser)
    from organizations.models import Membership

    membership = Membership.objects.get(user=editor_a)
    client.post(reverse("admin:organizations_membership_delete", args=[membership.pk]), {"post": "yes"})
    assert AuditEvent.objects.filter(event="role", username="root").exists()


def test_the_chain_verifies_and_a_tampered_row_is_found(unit_a):
    for n in range(5):
        audit_record(event="export", username=f"u{n}", detail=f"导出 {n}")
    assert list(audit_verify()) == []
    call_command("audit_verify", stdout=StringIO())
    target = AuditEvent.objects.order_by("id")[2]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # as a database owner with full rights could
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_append_only")
        cursor.execute("UPDATE audit_auditevent SET detail = 'forged' WHERE id = %s", [target.pk])
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER audit_append_only")
    broken = next(audit_verify())
    assert broken.event_id == target.pk
    with pytest.raises(CommandError, match=f"第 {target.pk} 条断链"):
        call_command("audit_verify", stdout=StringIO())


def test_postgresql_refuses_update_and_delete():
    # The trigger is PostgreSQL's: skipped on a SQLite laptop, a failure in CI.
    need_service(connection.vendor == "postgresql", "PostgreSQL for the append-only trigger")
    row = audit_record(event="export", username="x")
    for statement in (
        "UPDATE audit_auditevent SET detail = 'x' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, [row.pk])
    assert AuditEvent.objects.filter(pk=row.pk, detail="").exists()
