"""Backups: a dated archive of the database (pg_dump, or SQLite's backup API) and the uploads."""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

DUMP_NAME = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    pass


def _pg_env(params: dict) -> dict:
    env = {**os.environ}
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = params["PASSWORD"]
    return env


def _pg_args(params: dict) -> list[str]:
    args = ["-h", params.get("HOST") or "127.0.0.1", "-p", str(params.get("PORT") or 5432)]
    return args + (["-U", params["USER"]] if params.get("USER") else [])


def _dump_database(target: Path) -> None:
    params = connection.settings_dict
    if connection.vendor == "postgresql":
        command = ["pg_dump", "-Fc", "--no-owner", *_pg_args(params), "-f", str(target), params["NAME"]]
        result = subprocess.run(command, env=_pg_env(params), capture_output=True, text=True)
        if result.returncode:
            raise BackupError(f"pg_dump 失败：{result.stderr.strip()}")
        return
    connection.ensure_connection()
    with sqlite3.connect(target) as copy:
        connection.connection.backup(copy)


def backup_create(directory: Path) -> Path:
    """Write lushan-backup-<time>.tar.gz into ``directory`` and return its path."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    archive = directory / f"lushan-backup-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DUMP_NAME[connection.vendor]
        _dump_database(dump)
        manifest = {"created": timezone.now().isoformat(), "vendor": connection.vendor, "database": dump.name}
        (Path(work) / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False))
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(dump, arcname=dump.name)
            tar.add(Path(work) / "manifest.json", arcname="manifest.json")
            media = Path(settings.MEDIA_ROOT)
            if media.exists():
                tar.add(media, arcname="media")
    return archive


def _database_is_empty() -> bool:
    return not connection.introspection.table_names()


def backup_restore(archive: Path, database: dict | None = None) -> dict:
    """Restore into an empty database (``database``: settings-style parameters, default the
    configured one) and the uploads into MEDIA_ROOT. Returns the archive's manifest."""
    params = database or connection.settings_dict
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive, "r:gz") as tar:
        tar.extractall(work, filter="data")
        manifest = json.loads((Path(work) / "manifest.json").read_text())
        dump = Path(work) / manifest["database"]
        if manifest["vendor"] == "postgresql":
            if database is None and not _database_is_empty():
                raise BackupError("目标数据库不是空库，为避免覆盖现有数据，未恢复。")
            command = [
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                *_pg_args(params),
                "-d",
                params["NAME"],
                str(dump),
            ]
            result = subprocess.run(command, env=_pg_env(params), capture_output=True, text=True)
            if result.returncode:
                raise BackupError(f"pg_restore 失败：{result.stderr.strip()}")
        else:
            target = Path(params["NAME"])
            if target.exists() and target.stat().st_size:
                raise BackupError("目标数据库文件已存在，为避免覆盖现有数据，未恢复。")
            shutil.copyfile(dump, target)
        media = Path(work) / "media"
        if media.exists():
            shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return manifest
