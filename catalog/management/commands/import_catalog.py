from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from catalog.models import OPEN_STATUSES, Catalog, Domain
from catalog.services import catalog_items_replace, catalog_start
from catalog.spreadsheet import catalog_items_from_file
from lushan_portal.spreadsheets import ImportRejected
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
        try:
            items = catalog_items_from_file(file.name, file.read_bytes(), unit_kind=target_unit.kind)
        except ImportRejected as rejected:
            raise CommandError("文件未导入：\n" + "\n".join(rejected.errors)) from None
        draft = Catalog.objects.filter(unit=target_unit, domain=target_domain, status__in=OPEN_STATUSES).first()
        try:
            draft = draft or catalog_start(unit=target_unit, domain=target_domain)
            catalog_items_replace(catalog=draft, items=items)
        except ValidationError as error:
            raise CommandError("；".join(error.messages)) from None
        self.stdout.write(self.style.SUCCESS(f"已导入 {len(items)} 个事项到 {draft}（草稿，提交审核后发布）。"))
