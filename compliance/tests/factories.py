"""Alert history built the way production builds it: records left late, published, scanned."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from compliance.scans import deadlines_scan_all
from enforcement.services import decision_publish
from enforcement.tests.factories import make_decision
from organizations.models import Unit
from publication_review.testing import reviewed

COUNTY_CLOCK = ZoneInfo("Asia/Shanghai")


def overdue_history(units: list[Unit], *, months: range = range(7, 13), scan_day: int = 19) -> None:
    """Each month of 2025 in ``months``: 0–3 penalty decisions per unit dated the 2nd and left
    unpublished, a third of the waiting ones published late, then the scan on ``scan_day``."""
    waiting = []
    for month in months:
        for index, unit in enumerate(units):
            for _n in range((index * 7 + month) % 4):
                waiting.append(make_decision(unit, decision_date=date(2025, month, 2)))
        with time_machine.travel(datetime(2025, month, scan_day, 9, tzinfo=COUNTY_CLOCK), tick=False):
            for decision in waiting[::3]:
                decision_publish(decision=reviewed(decision))
            waiting = [d for n, d in enumerate(waiting) if n % 3]
            deadlines_scan_all()
