from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from catalog.models import Domain
from catalog.services import catalog_import
from lushan_portal.spreadsheets import ImportRejected, file_size_error
from organizations.models import Unit


class Command(BaseCommand):
    help = "导入一个单位某领域的标准目录（xlsx 或 csv）到草稿；任何一行有误则不导入。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--unit", required=True, help="单位代码，如 xiatang")
        parser.add_argument("--domain", required=True, help="领域代码，如 social-assistance")

    def handle(self, *args: object, file: Path, unit: str, domain: str, **options: object) -> None:
        target_unit = Unit.objects.filter(code=unit).first()
        if target_unit is None:
            raise CommandError(f"没有代码为“{unit}”的单位。")
        target_domain = Domain.objects.filter(code=domain).first()
        if target_domain is None:
            raise CommandError(f"没有代码为“{domain}”的领域。")
        if not file.is_file():
            raise CommandError(f"找不到文件：{file}")
        too_large = file_size_error(file.stat().st_size)
        if too_large:
            raise CommandError(too_large)
        try:
            draft, parsed = catalog_import(
                unit=target_unit, domain=target_domain, name=file.name, content=file.read_bytes()
            )
        except ImportRejected as rejected:
            raise CommandError("文件未导入：\n" + "\n".join(rejected.errors)) from None
        except ValidationError as error:
            raise CommandError("；".join(error.messages)) from None
        self.stdout.write(self.style.SUCCESS(f"已导入 {len(parsed.items)} 个事项到 {draft}（草稿，提交审核后发布）。"))
        for warning in parsed.warnings:
            self.stdout.write(self.style.WARNING(f"提醒：{warning}"))
