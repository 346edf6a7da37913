"""Catalog numbers and time limits in one place.

Regulations on Open Government Information Art 26: proactive information is public within
20 working days of being formed or changed, unless the catalog item says otherwise.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from workdays import add_working_days

DEFAULT_LIMIT_DAYS = 20
DEFAULT_LIMIT_TEXT = "信息形成或者变更之日起20个工作日内"
CONTINUOUS_WORDS = ("实时", "及时", "随时", "长期", "动态", "常态", "即时", "持续")
WORKING_DAYS_PATTERN = re.compile(r"(\d+)\s*个?\s*工作日")
CALENDAR_DAYS_PATTERN = re.compile(r"(\d+)\s*(?:个自然日|自然日|日|天)")


@dataclass(frozen=True)
class TimeLimit:
    kind: str  # a TimeLimitKind value
    days: int | None


def parse_time_limit(text: str) -> TimeLimit:
    """'信息形成或者变更之日起20个工作日内' → 20 working days; '批准后20日内' → 20 calendar days.

    An empty text is the national default; text that names no limit raises ValueError.
    """
    text = text.strip()
    if not text:
        return TimeLimit("working_days", DEFAULT_LIMIT_DAYS)
    if match := WORKING_DAYS_PATTERN.search(text):
        return TimeLimit("working_days", int(match.group(1)))
    if match := CALENDAR_DAYS_PATTERN.search(text):
        return TimeLimit("calendar_days", int(match.group(1)))
    if any(word in text for word in CONTINUOUS_WORDS):
        return TimeLimit("continuous", None)
    raise ValueError(f"无法识别的公开时限“{text}”（应如“20个工作日内”“批准后20日内”“实时公开”）")


def due_date(formed_on: date, kind: str, days: int | None) -> date | None:
    """The last day to publish information formed on ``formed_on``; None when continuous
    (实时/及时: no countable limit, so never reported late)."""
    if kind == "working_days" and days is not None:
        return add_working_days(formed_on, days)
    if kind == "calendar_days" and days is not None:
        return formed_on + timedelta(days=days)
    return None
