from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lushan_portal.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = "把备份压缩包恢复到空数据库（及上传文件目录）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)

    def handle(self, *args: object, archive: Path, **options: object) -> None:
        if not archive.is_file():
            raise CommandError(f"找不到备份文件：{archive}")
        try:
            manifest = backup_restore(archive)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"已恢复 {manifest['created']} 的备份。"))
