"""The weekly digest: each owner unit gets the findings opened since its last digest, once a week.

County-level findings (no owner unit) go to the openness office (OPENNESS_OFFICE_UNIT_CODE)."""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from inspection.models import DigestLog, Finding
from organizations.models import Unit

logger = logging.getLogger(__name__)

FIRST_DIGEST_DAYS = 7  # a unit without a digest yet gets the findings of the last week


def digest_text(unit: Unit, findings: list[Finding], still_open: int) -> str:
    lines = [f"{unit.name}：", f"本周网站自查新发现问题 {len(findings)} 个，尚未整改的共 {still_open} 个。", ""]
    for finding in findings:
        mark = "【单项否决】" if finding.veto else (f"【扣{finding.points}分】" if finding.points else "")
        lines.append(f"{mark}{finding.title}：{finding.evidence}")
    lines += ["", f"详情与整改入口：{settings.PORTAL_NAME} 网站自查页面（/dashboard/inspection/）。"]
    return "\n".join(lines)


def digests_send() -> int:
    now = timezone.now()
    year, week, _day = timezone.localdate().isocalendar()
    week_key = f"{year}-W{week:02d}"
    office = Unit.objects.filter(code=settings.OPENNESS_OFFICE_UNIT_CODE).first()
    last_sent = dict(DigestLog.objects.values("unit").annotate(at=Max("sent_at")).values_list("unit", "at"))
    by_unit: dict[int, list[Finding]] = {}
    open_count: dict[int, int] = {}
    for finding in Finding.objects.filter(resolved_at=None).order_by("opened_at", "pk"):
        unit_id = finding.unit_id or (office.pk if office else None)
        if unit_id is None:
            continue
        open_count[unit_id] = open_count.get(unit_id, 0) + 1
        since: datetime = last_sent.get(unit_id) or now - timedelta(days=FIRST_DIGEST_DAYS)
        if finding.opened_at > since:
            by_unit.setdefault(unit_id, []).append(finding)
    sent = 0
    for unit in Unit.objects.filter(pk__in=by_unit).exclude(email=""):
        try:
            with transaction.atomic():
                DigestLog.objects.create(unit=unit, week=week_key, findings=len(by_unit[unit.pk]))
        except IntegrityError:
            continue  # this week's digest already went out
        send_mail(
            subject=f"{settings.PORTAL_NAME}：{unit.name}网站自查周报（{week_key}）",
            message=digest_text(unit, by_unit[unit.pk], open_count[unit.pk]),
            from_email=None,
            recipient_list=[unit.email],
        )
        sent += 1
    logger.info("inspection digests sent: %d", sent)
    return sent
