"""Backup → empty database → restore: the rows and the audit chain come back intact."""

import uuid

import psycopg2
import pytest
from django.db import connection

from audit.models import AuditEvent
from audit.services import GENESIS, audit_record, event_hash
from conftest import need_service
from lushan_portal.backups import BackupError, backup_create, backup_restore
from organizations.seed import seed_units

pytestmark = pytest.mark.django_db(transaction=True)
TABLES = ["organizations_unit", "audit_auditevent", "workdays_calendarday"]


def counts(cursor) -> dict[str, int]:
    found = {}
    for table in TABLES:
        cursor.execute(f"SELECT COUNT(*) FROM {table}")
        found[table] = cursor.fetchone()[0]
    return found


def test_backup_restore_round_trip(tmp_path, settings):
    need_service(connection.vendor == "postgresql", "PostgreSQL for pg_dump/pg_restore")
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "附件.txt").write_text("内容")
    seed_units()
    for n in range(3):
        audit_record(event="export", username=f"u{n}")
    with connection.cursor() as cursor:
        before = counts(cursor)
    archive = backup_create(tmp_path / "backups")
    assert archive.name.startswith("lushan-backup-") and archive.stat().st_size > 0

    with pytest.raises(BackupError, match="不是空库"):
        backup_restore(archive)

    params = connection.settings_dict
    empty = f"restore_{uuid.uuid4().hex[:8]}"
    dsn = {"host": params["HOST"] or "127.0.0.1", "port": params["PORT"] or 5432, "user": params["USER"]}
    admin = psycopg2.connect(dbname="postgres", **dsn)
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{empty}"')
    try:
        (tmp_path / "media" / "附件.txt").unlink()
        backup_restore(archive, database={**params, "NAME": empty})
        restored = psycopg2.connect(dbname=empty, **dsn)
        with restored.cursor() as cursor:
            assert counts(cursor) == before
            cursor.execute(
                "SELECT at, username, units, event, object_type, object_id, object_repr, result, ip, detail, "
                "prev_hash, hash FROM audit_auditevent ORDER BY id"
            )
            previous = GENESIS
            for row in cursor.fetchall():
                event = AuditEvent(**dict(zip([c.name for c in cursor.description], row, strict=True)))
                assert event.prev_hash == previous and event_hash(event, event.prev_hash) == event.hash
                previous = event.hash
        restored.close()
        assert (tmp_path / "media" / "附件.txt").read_text() == "内容"
    finally:
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{empty}" WITH (FORCE)')
        admin.close()
