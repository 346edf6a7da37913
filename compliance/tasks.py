from celery import shared_task

from compliance.scans import deadlines_scan_all


@shared_task
def scan_deadlines() -> dict[str, dict[str, int]]:
    """Daily (beat): check every registered deadline and raise or resolve alerts."""
    return {r.rule_code: {"raised": r.raised, "resolved": r.resolved} for r in deadlines_scan_all()}


@shared_task
def recompute_due_dates() -> dict[str, int]:
    """After the working-day calendar changed: refresh stored due dates of open records."""
    from compliance.registry import rules

    return {rule.code: rule.recompute_due_dates() for rule in rules() if rule.recompute_due_dates}


@shared_task
def send_alert_digests() -> int:
    """Daily (beat): e-mail each unit its new and still-open alerts, once per day."""
    from compliance.notifications import digests_send

    return digests_send()


@shared_task
def snapshot_last_month() -> int:
    """Monthly (beat, on the 1st): freeze last month's figures (and a quarter, half or year ending then)."""
    from django.utils import timezone

    from compliance.snapshots import previous_month, snapshot_month

    return snapshot_month(*previous_month(timezone.localdate()))


@shared_task
def ensure_obligation_dues() -> int:
    """Daily: expand this year's obligations for units added since (idempotent)."""
    from django.utils import timezone

    from compliance.models import Obligation
    from compliance.obligations import obligation_dues_ensure

    year = timezone.localdate().year
    return sum(obligation_dues_ensure(obligation=o) for o in Obligation.objects.filter(year=year))
