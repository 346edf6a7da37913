from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from enforcement.importer import COMMAND_LINE, ImportRejected, decisions_import
from lushan_portal.spreadsheets import file_size_error
from organizations.models import Unit


class Command(BaseCommand):
    help = "导入行政许可、行政处罚决定（xlsx 或 csv）。任何一行有误则整个文件不导入。导入结果记入审计日志。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--unit",
            help="执法单位代码，如 market-regulation：文件没有“处罚机关/许可机关”列时必填；"
            "有该列时各行按所列机关记入相应单位，所列机关不是本单位的行报错",
        )
        parser.add_argument("--draft", action="store_true", help="只导入为草稿，不立即公开")
        parser.add_argument(
            "--by",
            help=f"记为录入人的账号，立即公开时即为对整个文件作公开审查的人（必填）；不填则审计日志记为“{COMMAND_LINE}”",
        )

    def handle(
        self, *args: object, file: Path, unit: str | None, draft: bool, by: str | None, **options: object
    ) -> None:
        enforcing_unit = None
        if unit:
            enforcing_unit = Unit.objects.filter(code=unit).first()
            if enforcing_unit is None:
                raise CommandError(f"没有代码为“{unit}”的单位。")
        user = None
        if by:
            user = get_user_model().objects.filter(username=by, is_active=True).first()
            if user is None:
                raise CommandError(f"没有名为“{by}”的在用账号。")
        if not file.is_file():
            raise CommandError(f"找不到文件：{file}")
        too_large = file_size_error(file.stat().st_size)
        if too_large:
            raise CommandError(too_large)
        try:
            result = decisions_import(
                unit=enforcing_unit, name=file.name, content=file.read_bytes(), publish=not draft, by=user
            )
        except ImportRejected as rejected:
            raise CommandError("文件未导入：\n" + "\n".join(rejected.errors)) from None
        units = "、".join(unit.name for unit in result.units)
        self.stdout.write(
            self.style.SUCCESS(f"已导入 {result.created} 条决定（{units}），其中公开 {result.published} 条。")
        )
