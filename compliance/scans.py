"""The deadline scan: set-based per rule, idempotent, safe to kill and rerun."""

import logging
from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from compliance.models import Alert
from compliance.registry import DeadlineRule, rules

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScanResult:
    rule_code: str
    raised: int
    resolved: int


def deadline_rule_scan(*, rule: DeadlineRule, today: date) -> ScanResult:
    overdue = rule.overdue(today).order_by()
    content_type = ContentType.objects.get_for_model(overdue.model, for_concrete_model=False)
    open_alerts = Alert.objects.filter(rule_code=rule.code, content_type=content_type, resolved_at=None)
    now = timezone.now()
    with transaction.atomic():
        resolved = open_alerts.exclude(object_id__in=overdue.values("pk")).update(resolved_at=now)
        new_rows = overdue.exclude(pk__in=open_alerts.values("object_id")).values(
            *{"pk", *filter(None, (rule.unit_field, rule.due_field))}
        )
        alerts = [
            Alert(
                rule_code=rule.code,
                content_type=content_type,
                object_id=row["pk"],
                unit_id=row.get(rule.unit_field),
                due_date=row.get(rule.due_field),
                raised_at=now,
            )
            for row in new_rows
        ]
        # A concurrent scan may have raised the same alert: the partial unique index ignores it.
        created = Alert.objects.bulk_create(alerts, ignore_conflicts=True)
    return ScanResult(rule_code=rule.code, raised=len(created), resolved=resolved)


def deadlines_scan_all(*, today: date | None = None) -> list[ScanResult]:
    today = today or timezone.localdate()
    results = []
    for rule in rules():
        result = deadline_rule_scan(rule=rule, today=today)
        logger.info("scan %s: %d raised, %d resolved", rule.code, result.raised, result.resolved)
        results.append(result)
    return results
