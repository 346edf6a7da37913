"""Erase identity images ID_IMAGE_RETENTION_DAYS after their application closed (as beat does daily)."""

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from disclosure_requests import rules
from disclosure_requests.retention import id_images_due, id_images_erase


class Command(BaseCommand):
    help = f"删除办结满 {rules.ID_IMAGE_RETENTION_DAYS} 日的依申请公开申请人身份证件图片（可重复运行）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="只统计应删除的数量，不删除")

    def handle(self, *args: object, dry_run: bool = False, **options: object) -> None:
        today = timezone.localdate()
        if dry_run:
            self.stdout.write(f"应删除的身份证件图片：{id_images_due(today).count()} 份（未删除）")
            return
        self.stdout.write(f"已删除身份证件图片：{id_images_erase(today)} 份")
