"""manage.py probe URL: one availability probe, for another machine's cron (every 5 minutes).

On the outside machine, point DATABASE_URL at the portal's database (a role allowed to insert
into inspection_probe), or use --print to only print the result as one line of JSON.
"""

import json

from django.core.management.base import BaseCommand, CommandParser

from inspection.models import ProbeSource
from inspection.probe import probe
from inspection.services import probe_store


class Command(BaseCommand):
    help = "打开首页一次，记录响应时间与能否在 15 秒内打开（供外部机器的 cron 每 5 分钟运行）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url", help="要探测的首页地址，如 https://gongkai.example.gov.cn/")
        parser.add_argument("--ipv6", action="store_true", help="同时检测能否通过 IPv6 访问")
        parser.add_argument("--print", action="store_true", dest="print_only", help="只打印结果，不写入数据库")

    def handle(self, *args: object, url: str, ipv6: bool, print_only: bool, **options: object) -> None:
        result = probe(url, measure_ipv6=ipv6)
        if not print_only:
            probe_store(result=result, source=ProbeSource.COMMAND)
        line = {
            "at": result.at.isoformat(),
            "url": result.url,
            "status": result.status,
            "elapsed_ms": result.elapsed_ms,
            "ok": result.ok,
            "error": result.error,
            "https": result.https,
            "hsts": result.hsts,
            "identity": result.identity,
            "search_entry": result.search_entry,
            "feedback_entry": result.feedback_entry,
            "ipv6": result.ipv6,
        }
        self.stdout.write(json.dumps(line, ensure_ascii=False))
