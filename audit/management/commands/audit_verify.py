from django.core.management.base import BaseCommand, CommandError

from audit.models import AuditEvent
from audit.services import audit_verify


class Command(BaseCommand):
    help = "校验审计日志的哈希链，报告第一处断链。"

    def handle(self, *args: object, **options: object) -> None:
        broken = next(audit_verify(), None)
        if broken is not None:
            raise CommandError(f"审计日志第 {broken.event_id} 条断链：{broken.reason}")
        self.stdout.write(self.style.SUCCESS(f"审计日志完整：{AuditEvent.objects.count()} 条，哈希链无断点。"))
