from django.core.management.base import BaseCommand, CommandParser

from inspection.crawler import crawl_internal, crawl_outbound
from inspection.services import inspection_run


class Command(BaseCommand):
    help = "运行一次网站自查（可先检查站内或外部链接）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--links", choices=["internal", "outbound", "all"], help="先检查链接")

    def handle(self, *args: object, links: str | None, **options: object) -> None:
        if links in ("internal", "all"):
            result = crawl_internal()
            self.stdout.write(f"站内链接：检查 {result.checked} 个，失效 {result.broken} 个")
        if links in ("outbound", "all"):
            result = crawl_outbound()
            self.stdout.write(f"外部链接：检查 {result.checked} 个，失效 {result.broken} 个")
        run = inspection_run()
        verdict = "合格" if run.passed else "不合格"
        self.stdout.write(f"{run.day} 自查结论：{verdict}，得分 {run.score}，问题 {run.findings} 个")
