"""The interpretation rules (seed §2, rules.md §6), each number in one place.

三同步: an interpretation is published with its normative document, at latest
INTERPRETATION_SYNC_WORKING_DAYS (default 3) working days after it.
Multi-format share: interpretations in any form but plain text are at least 30 % of a
unit's interpretations in a year, seed §2(三).
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings

from workdays import add_working_days, working_days_between

MULTI_FORMAT_TARGET_PERCENT = 30


def sync_limit_days() -> int:
    return settings.INTERPRETATION_SYNC_WORKING_DAYS


def interpretation_due(document_published_on: date) -> date:
    return add_working_days(document_published_on, sync_limit_days())


@dataclass(frozen=True)
class SyncStatus:
    code: str  # "synchronised", "late" or "missing"
    delay: int | None  # working days after the document

    @property
    def label(self) -> str:
        if self.code == "synchronised":
            return "同步发布" if self.delay == 0 else f"同步（文件发布后 {self.delay} 个工作日内）"
        if self.code == "late":
            return f"迟发 {self.delay} 个工作日（时限 {sync_limit_days()} 个工作日）"
        return "缺少解读"


def sync_status(document_published_on: date, first_interpretation_on: date | None) -> SyncStatus:
    if first_interpretation_on is None:
        return SyncStatus("missing", None)
    delay = max(working_days_between(document_published_on, first_interpretation_on), 0)
    return SyncStatus("synchronised" if delay <= sync_limit_days() else "late", delay)


@dataclass(frozen=True)
class Share:
    multi_format: int
    total: int

    @property
    def percent(self) -> float | None:
        return None if self.total == 0 else round(100 * self.multi_format / self.total, 1)

    @property
    def met(self) -> bool | None:
        """None when there is nothing to measure (shown as "no data", never a division by zero)."""
        if self.total == 0:
            return None
        return self.multi_format * 100 >= MULTI_FORMAT_TARGET_PERCENT * self.total
