"""Demo self-inspection: a week of home-page probes (as beat records them, 20 a day as the inspectors
sample), one of them slow, and today's run over the demo data, so the 网站自查 page has a verdict."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from inspection import rules
from inspection.models import Probe, ProbeSource
from inspection.services import inspection_run

PROBES_PER_DAY = 20
DAYS = 7


def seed(write=print) -> None:
    if Probe.objects.exists():
        write("inspection: probes already seeded")
        return
    today = timezone.localdate()
    url = rules.site_url()
    zone = timezone.get_current_timezone()
    probes = []
    for day_back in range(DAYS):
        day = today - timedelta(days=day_back)
        for index in range(PROBES_PER_DAY):
            at = datetime.combine(day, time(8, 0), tzinfo=zone) + timedelta(minutes=30 * index)
            slow = day_back == 2 and index == 5  # one visit over 15 s: counted, well under the 5 % line
            elapsed = 16200 if slow else 180 + 7 * index
            probes.append(
                Probe(at=at, url=url, source=ProbeSource.BEAT, status=200, elapsed_ms=elapsed, ok=not slow,
                      https=True, hsts=True, identity=True, search_entry=True, feedback_entry=True,
                      error="超过 15 秒" if slow else "")
            )  # fmt: skip
    Probe.objects.bulk_create(probes)
    run = inspection_run(today=today)
    verdict = "合格" if run.passed else "不合格"
    write(f"inspection: {len(probes)} probes, today's run {verdict}, score {run.score}, {run.findings} findings")
