"""Backfills month-end snapshots for past months (the beat task freezes each month on the 1st)."""

import re
from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from compliance.snapshots import previous_month, snapshots_backfill

ERROR_MONTH = "参数 %(name)s 须为月份，如 2025-01。"
ERROR_NOT_CLOSED = "只能冻结已结束的月份：%(name)s 须早于本月（%(month)s）。"
ERROR_ORDER = "--from 须不晚于 --to。"


def parse_month(raw: str, name: str) -> date:
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", raw.strip())
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise CommandError(ERROR_MONTH % {"name": name})
    return date(int(match.group(1)), int(match.group(2)), 1)


class Command(BaseCommand):
    help = (
        "冻结过去各月的月末快照（及以该月结束的季度、半年、年度），已冻结的期间保持不变。"
        "补冻结的月份取今日的数字。督查看板对已结束的月份读取快照。"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", dest="first", required=True, help="第一个月份，如 2023-01")
        parser.add_argument("--to", dest="last", help="最后一个月份（默认上个月）")

    def handle(self, *args: object, first: str, last: str | None = None, **options: object) -> None:
        today = timezone.localdate()
        year, month = previous_month(today)
        last_closed = date(year, month, 1)
        start = parse_month(first, "--from")
        end = parse_month(last, "--to") if last else last_closed
        for name, day in (("--from", start), ("--to", end)):
            if day > last_closed:
                raise CommandError(ERROR_NOT_CLOSED % {"name": name, "month": today.strftime("%Y-%m")})
        if start > end:
            raise CommandError(ERROR_ORDER)
        written = snapshots_backfill(start, end)
        for key, rows in written.items():
            self.stdout.write(f"{key}：写入 {rows} 条" if rows else f"{key}：已冻结，未改变")
        self.stdout.write(f"共 {len(written)} 个月，写入 {sum(written.values())} 条。")
