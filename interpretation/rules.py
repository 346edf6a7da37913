"""The interpretation rules (seed §2, rules.md §6), each number in one place.

三同步: an interpretation is published with its document (行政规范性文件 or 重要政策), at latest
INTERPRETATION_SYNC_WORKING_DAYS (default 3) working days after it. A missing date makes the
pair undecidable (无法判断), never synchronised; other documents are outside the rule.
Multi-format share: interpretations in any form but plain text are at least 30 % of a
unit's interpretations in a year, seed §2(三).
Cleaning (规范性文件清理, issue 16): a normative document in force for more than CLEANING_YEARS
since its publication or its last review is due for review; the alert is raised the day after
the anniversary. A document with neither date cannot be judged and is counted apart.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings

from workdays import add_working_days, working_days_between

MULTI_FORMAT_TARGET_PERCENT = 30
CLEANING_YEARS = 5
LABEL_UNKNOWN = "无法判断（日期不详）"
LABEL_NOT_APPLICABLE = "不适用三同步检查（仅行政规范性文件和重要政策适用）"
LABEL_MISSING = "缺少解读"
TITLE_TEMPLATE = "关于《{}》的解读"


def sync_limit_days() -> int:
    return settings.INTERPRETATION_SYNC_WORKING_DAYS


def interpretation_due(document_published_on: date) -> date:
    return add_working_days(document_published_on, sync_limit_days())


@dataclass(frozen=True)
class SyncStatus:
    code: str  # "synchronised", "late", "missing", "unknown" or "not_applicable"
    delay: int | None  # working days after the document

    @property
    def label(self) -> str:
        if self.code == "synchronised":
            return "同步发布" if self.delay == 0 else f"同步（文件发布后 {self.delay} 个工作日内）"
        if self.code == "late":
            return f"迟发 {self.delay} 个工作日（时限 {sync_limit_days()} 个工作日）"
        if self.code == "unknown":
            return LABEL_UNKNOWN
        if self.code == "not_applicable":
            return LABEL_NOT_APPLICABLE
        return LABEL_MISSING


NOT_APPLICABLE = SyncStatus("not_applicable", None)


def sync_status(
    document_published_on: date | None, first_interpretation_on: date | None, *, undated_interpretations: int = 0
) -> SyncStatus:
    """The 三同步 state of a document; an interpretation of unknown date might have been the first."""
    if document_published_on is None:
        return SyncStatus("unknown", None)
    if first_interpretation_on is None:
        return SyncStatus("unknown" if undated_interpretations else "missing", None)
    delay = max(working_days_between(document_published_on, first_interpretation_on), 0)
    if delay <= sync_limit_days():
        return SyncStatus("synchronised", delay)
    return SyncStatus("unknown" if undated_interpretations else "late", delay)


def cleaning_due(published_on: date | None, last_reviewed_on: date | None) -> date | None:
    """The last day a document in force may go without review; None when neither date is known."""
    start = last_reviewed_on or published_on
    if start is None:
        return None
    try:
        return start.replace(year=start.year + CLEANING_YEARS)
    except ValueError:  # 29 February
        return start.replace(year=start.year + CLEANING_YEARS, day=28)


def default_title(document_title: str) -> str:
    """关于《…》的解读, without doubling 《》: outer marks dropped, inner ones become 〈〉."""
    inner = document_title.strip()
    if inner.startswith("《") and inner.endswith("》"):
        inner = inner[1:-1]
    return TITLE_TEMPLATE.format(inner.replace("《", "〈").replace("》", "〉"))


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
