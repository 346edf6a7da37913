"""Dates in tests: ``d("2025-11-03")`` and ``at("2025-11-03")``, the county's afternoon of that day."""

from datetime import date

import time_machine


def d(text: str) -> date:
    return date.fromisoformat(text)


def at(day: str | date, time: str = "16:00"):
    return time_machine.travel(f"{day if isinstance(day, str) else day.isoformat()} {time} +0800", tick=False)
