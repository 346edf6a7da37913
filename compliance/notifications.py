"""The daily digest: each unit's contact gets its new and still-open alerts, at most once a day."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from compliance.models import Alert, DigestLog
from organizations.models import Unit

logger = logging.getLogger(__name__)


def digest_text(unit: Unit, alerts: list[Alert], since) -> str:
    new = [a for a in alerts if since is None or a.raised_at > since]
    lines = [f"{unit.name}：", f"未解除的预警共 {len(alerts)} 条，其中新增 {len(new)} 条。", ""]
    for alert in alerts:
        mark = "【新】" if alert in new else ""
        due = f"，截止 {alert.due_date:%Y-%m-%d}" if alert.due_date else ""
        lines.append(f"{mark}{alert.rule_title}：{alert.record}{due}")
    lines += ["", f"详情请登录 {settings.PORTAL_NAME} 管理后台查看。"]
    return "\n".join(lines)


def digests_send() -> int:
    """Send today's digests not yet sent; claiming the (unit, day) row first makes reruns harmless."""
    today = timezone.localdate()
    # The records are fetched per type in one query each, not one per alert.
    open_alerts = Alert.objects.filter(resolved_at=None, unit__isnull=False).prefetch_related("record")
    by_unit: dict[int, list[Alert]] = {}
    for alert in open_alerts:
        by_unit.setdefault(alert.unit_id, []).append(alert)
    last_sent = dict(
        DigestLog.objects.filter(unit__in=by_unit).values("unit").annotate(at=Max("sent_at")).values_list("unit", "at")
    )
    sent = 0
    for unit in Unit.objects.filter(pk__in=by_unit).exclude(email=""):
        previous = last_sent.get(unit.pk)
        try:
            with transaction.atomic():
                DigestLog.objects.create(unit=unit, day=today, alerts=len(by_unit[unit.pk]))
        except IntegrityError:
            continue  # already sent today
        # The claim is committed before the slow mail: a crash here loses one day's digest, never doubles it.
        send_mail(
            subject=f"{settings.PORTAL_NAME}：{unit.name}预警摘要（{today:%Y-%m-%d}）",
            message=digest_text(unit, by_unit[unit.pk], previous),
            from_email=None,
            recipient_list=[unit.email],
        )
        sent += 1
    logger.info("digests sent: %d", sent)
    return sent
