"""Writes of the self-inspection: store a day's run and its findings, record a probe."""

import logging
from datetime import date

from django.db import transaction
from django.utils import timezone

from inspection.checks import FindingData, Report, inspect
from inspection.models import Finding, Probe, Run
from inspection.probe import ProbeResult

logger = logging.getLogger(__name__)

KEY_LENGTH = Finding._meta.get_field("key").max_length


def _fields(data: FindingData) -> dict:
    return {
        "kind": data.kind,
        "unit_id": data.unit_id,
        "title": data.title[:300],
        "evidence": data.evidence,
        "url": data.url[:500],
        "admin_url": data.admin_url[:500],
        "veto": data.veto,
        "points": data.points,
    }


def findings_store(*, report: Report) -> tuple[int, int]:
    """Open the new findings, refresh those still found, close the others. Returns (opened, resolved).

    One finding per key stays open across runs (the partial unique index), so a rerun the same
    day opens nothing twice, and the compliance alert tied to the finding lasts as long as it.
    """
    now = timezone.now()
    current: dict[str, FindingData] = {}
    for data in report.findings:
        current.setdefault(data.key[:KEY_LENGTH], data)
    with transaction.atomic():
        open_rows = {f.key: f for f in Finding.objects.select_for_update().filter(resolved_at=None)}
        gone = [pk for key, pk in ((k, f.pk) for k, f in open_rows.items()) if key not in current]
        resolved = Finding.objects.filter(pk__in=gone).update(resolved_at=now) if gone else 0
        new = [
            Finding(key=key, opened_at=now, **_fields(data)) for key, data in current.items() if key not in open_rows
        ]
        # A concurrent run that opened the same finding first wins (the partial unique index).
        Finding.objects.bulk_create(new, batch_size=1000, ignore_conflicts=True)
        changed = []
        for key, row in open_rows.items():
            data = current.get(key)
            if data is None:
                continue
            fields = _fields(data)
            if any(getattr(row, name) != value for name, value in fields.items()):
                for name, value in fields.items():
                    setattr(row, name, value)
                changed.append(row)
        Finding.objects.bulk_update(changed, list(_fields(FindingData("", "", ""))), batch_size=1000)
    return len(new), resolved


def inspection_run(*, today: date | None = None) -> Run:
    """The nightly run: every check, the findings stored, the day's verdict kept for the trend."""
    today = today or timezone.localdate()
    report = inspect(today)
    opened, resolved = findings_store(report=report)
    run, _created = Run.objects.update_or_create(
        day=today,
        defaults={
            "passed": report.passed,
            "score": report.score,
            "vetoes": [
                {"title": v.title, "count": v.count, "line": str(v.line), "hit": v.hit, "note": v.note}
                for v in report.vetoes
            ],
            "deductions": [
                {"title": d.title, "points": d.points, "evidence": d.evidence[:50], "count": len(d.evidence)}
                for d in report.deductions
            ],
            "figures": {"opened": opened, "resolved": resolved, "notes": report.notes},
            "findings": len({f.key for f in report.findings}),
            "finished_at": timezone.now(),
        },
    )
    logger.info("inspection %s: %s, score %d, %d opened, %d resolved", today, run.passed, run.score, opened, resolved)
    return run


def probe_store(*, result: ProbeResult, source: str) -> Probe:
    return Probe.objects.create(
        at=result.at,
        url=result.url,
        source=source,
        status=result.status,
        elapsed_ms=result.elapsed_ms,
        ok=result.ok,
        error=result.error[:300],
        https=result.https,
        hsts=result.hsts,
        identity=result.identity,
        search_entry=result.search_entry,
        feedback_entry=result.feedback_entry,
        ipv6=result.ipv6,
    )
