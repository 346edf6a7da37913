"""Lists, per unit, the records whose fields are still unknown (待补充, 日期不详, 未说明)."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from compliance.incomplete import incomplete_records, incomplete_rows
from organizations.models import Unit

ERROR_NO_UNIT = "没有代码为 %(code)s 的单位。"
NOTHING = "没有信息不全的记录。"


class Command(BaseCommand):
    help = "按单位列出信息不全（待补充、日期不详、未说明）的记录。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--unit", help="只列出这一单位（单位代码）")
        parser.add_argument("--records", action="store_true", help="同时列出每条记录及其待补全的字段")

    def handle(self, *args: object, unit: str | None = None, records: bool = False, **options: object) -> None:
        unit_ids = None
        if unit:
            found = Unit.objects.filter(code=unit).values_list("pk", flat=True).first()
            if found is None:
                raise CommandError(ERROR_NO_UNIT % {"code": unit})
            unit_ids = [found]
        rows = incomplete_rows(unit_ids)
        if not rows:
            self.stdout.write(NOTHING)
            return
        for row in rows:
            parts = "，".join(f"{kind.title} {n} 条" for kind, n in row.counts if n)
            self.stdout.write(f"{row.unit.name}（{row.unit.code}）：{parts}；合计 {row.total} 条")
            if records:
                for kind, n in row.counts:
                    if n:
                        for record, missing in incomplete_records(kind, row.unit.pk):
                            self.stdout.write(f"  [{kind.title}] {record}：{'、'.join(missing)}")
