from celery import shared_task

from inspection import rules


@shared_task
def run_inspection() -> dict[str, object]:
    """Nightly (beat), before the deadline scan: every check, findings opened and closed."""
    from inspection.services import inspection_run

    run = inspection_run()
    return {"day": run.day.isoformat(), "passed": run.passed, "score": run.score, "findings": run.findings}


@shared_task
def check_internal_links() -> dict[str, int]:
    """Nightly (beat): the portal's own pages and the internal links of published content."""
    from inspection.crawler import crawl_internal

    result = crawl_internal()
    return {"checked": result.checked, "broken": result.broken}


@shared_task
def check_outbound_links() -> dict[str, int]:
    """Weekly (beat): the outbound links written in published content, politely."""
    from inspection.crawler import crawl_outbound

    result = crawl_outbound()
    return {"checked": result.checked, "broken": result.broken}


@shared_task(soft_time_limit=rules.PROBE_TIMEOUT_SECONDS * 4)
def probe_home() -> bool:
    """Every 5 minutes (beat): open the home page and record how long it took."""
    from django.conf import settings

    from inspection.models import ProbeSource
    from inspection.probe import probe
    from inspection.services import probe_store

    result = probe(rules.site_url(), measure_ipv6=settings.INSPECTION_IPV6)
    return probe_store(result=result, source=ProbeSource.BEAT).ok


@shared_task
def send_inspection_digests() -> int:
    """Weekly (beat, Monday morning): each owner unit's new findings, once per week."""
    from inspection.notifications import digests_send

    return digests_send()
