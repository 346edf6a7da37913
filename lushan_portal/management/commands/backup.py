from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lushan_portal.backups import BackupError, backup_create


class Command(BaseCommand):
    help = "备份数据库和上传文件，生成带日期的压缩包（PostgreSQL 使用 pg_dump）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dir", type=Path, default=Path("backups"), help="备份目录（默认 backups/）")

    def handle(self, *args: object, dir: Path, **options: object) -> None:
        try:
            archive = backup_create(dir)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"已备份：{archive}"))
