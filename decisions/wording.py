"""How a consultation reads on the page: the notice title and the window as the notice words it.

Unknown values are shown, never replaced: 日期不详 for a date, 未说明 for a count.
"""

from datetime import date
from typing import Protocol

DATE_UNKNOWN = "日期不详"
NOT_STATED = "未说明"
REASON_NOT_STATED = "原文未说明"
COUNTS_NOT_STATED = "原报告未说明意见数量（事后录入，照录原文）。"
CALL_SUBJECT = "%(year)d年度重大行政决策事项"

_NOTICE_ENDINGS = ("征求意见", "的公告", "的通知", "公告")


def long_date(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else DATE_UNKNOWN


def _wraps_whole(text: str) -> bool:
    """《…》 around all of ``text``: its first 《 closes only at the last character."""
    depth = 0
    for position, char in enumerate(text):
        depth += {"《": 1, "》": -1}.get(char, 0)
        if depth == 0:
            return position == len(text) - 1 and position > 0
    return False


def _unwrapped(subject: str) -> str:
    """Drop 《》 around the whole subject (once or repeatedly), never those inside it."""
    text = subject.strip()
    while text.startswith("《") and _wraps_whole(text):
        text = text[1:-1].strip()
    return text


def _reads_as_notice(text: str) -> bool:
    return text.startswith("关于") or text.endswith(_NOTICE_ENDINGS)


def notice_title(kind: str, subject: str, year: int | None) -> str:
    """关于《X》公开征求意见 (draft) or 关于公开征集X的公告 (catalog call); 《》 never doubled."""
    text = _unwrapped(subject)
    if kind == "catalog_call":
        text = text or CALL_SUBJECT % {"year": year or 0}
        return text if _reads_as_notice(text) else f"关于公开征集{text}的公告"
    if _reads_as_notice(text):
        return text if text.startswith("关于") else f"关于{text}"
    return f"关于{text}公开征求意见" if "《" in text else f"关于《{text}》公开征求意见"


def report_title(kind: str, subject: str, heading: str) -> str:
    """《X》征求意见采纳情况, or the notice title's report when the subject is not a bare name."""
    text = _unwrapped(subject)
    if kind == "draft" and text and "《" not in text and not _reads_as_notice(text):
        return f"《{text}》征求意见采纳情况"
    return f"{heading}：意见采纳情况"


class _Window(Protocol):
    window_form: str
    window_wording: str
    published_on: date | None
    opens_on: date | None
    closes_on: date | None
    ends_before: date | None


def window_text(decision: _Window) -> str:
    """The window exactly as the notice words it when its wording was recorded, else built alike."""
    if decision.window_wording.strip():
        return decision.window_wording.strip()
    if decision.window_form == "from_publication":
        return f"即日起（{long_date(decision.published_on)}）至{long_date(decision.closes_on)}"
    if decision.window_form == "before":
        return f"{long_date(decision.ends_before)}前"
    return f"{long_date(decision.opens_on)}至{long_date(decision.closes_on)}"
