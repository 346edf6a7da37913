"""The deadline scan: set-based per rule, idempotent, safe to kill and rerun.

New alerts go in with one INSERT ... SELECT ... ON CONFLICT DO NOTHING: an alert a concurrent
scan raised first is skipped by the partial unique index, and the count reported is the
database's count of rows this scan inserted, so concurrent scans never count a row twice.
"""

import logging
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import BigIntegerField, DateField, F, QuerySet, Value
from django.db.models.functions import Cast
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
        new_rows = overdue.exclude(pk__in=open_alerts.values("object_id"))
        raised = _insert_alerts(rule, new_rows, content_type.pk, now)
    return ScanResult(rule_code=rule.code, raised=raised, resolved=resolved)


def _insert_alerts(rule: DeadlineRule, new_rows: QuerySet, content_type_id: int, now: datetime) -> int:
    """Insert an open alert per row, skipping any that exist by now; return how many were inserted."""
    source = new_rows.annotate(
        alert_object=F("pk"),
        alert_unit=F(rule.unit_field) if rule.unit_field else Cast(Value(None), BigIntegerField()),
        alert_due=F(rule.due_field) if rule.due_field else Cast(Value(None), DateField()),
    ).values("alert_object", "alert_unit", "alert_due")
    try:
        select_sql, select_params = source.query.sql_with_params()
    except EmptyResultSet:  # the rule's queryset is empty by construction (e.g. pk__in=[])
        return 0
    column = {name: connection.ops.quote_name(Alert._meta.get_field(name).column) for name in _COLUMNS}
    # "WHERE true": SQLite's upsert needs a WHERE to parse; PostgreSQL accepts it.
    sql = (
        f"INSERT INTO {connection.ops.quote_name(Alert._meta.db_table)} ({', '.join(column.values())}) "
        "SELECT %s, %s, new.alert_object, new.alert_unit, new.alert_due, %s, NULL "
        f"FROM ({select_sql}) AS new WHERE true ON CONFLICT DO NOTHING"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [rule.code, content_type_id, now, *select_params])
        return cursor.rowcount


_COLUMNS = ("rule_code", "content_type", "object_id", "unit", "due_date", "raised_at", "resolved_at")


def deadlines_scan_all(*, today: date | None = None) -> list[ScanResult]:
    today = today or timezone.localdate()
    results = []
    for rule in rules():
        result = deadline_rule_scan(rule=rule, today=today)
        logger.info("scan %s: %d raised, %d resolved", rule.code, result.raised, result.resolved)
        results.append(result)
    return results
