"""Catalog numbers and time limits in one place.

Regulations on Open Government Information Art 26: proactive information is public within
20 working days of being formed or changed, unless the catalog item says otherwise.

A 公开时限 cell may hold several clauses ("信息形成或者变更之日起20个工作日内；其中行政许可、
行政处罚决定7个工作日内", "10个工作日内，公示7个工作日"). Each is stored as a dict:
``{"text", "unit", "days", "applies_to", "period"}`` — the original wording, working_days /
calendar_days / continuous, the number of days (None when continuous), what it applies to
("" for the general clause) and whether it is a 公示期 (how long a notice stays up, not a
limit to publish within).
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError

from workdays import add_working_days

DEFAULT_LIMIT_DAYS = 20
DEFAULT_LIMIT_TEXT = "信息形成或者变更之日起20个工作日内"
WORKING_DAYS, CALENDAR_DAYS, CONTINUOUS = "working_days", "calendar_days", "continuous"
CONTINUOUS_WORDS = ("实时", "及时", "随时", "长期", "动态", "常态", "即时", "持续")
WORKING_DAYS_PATTERN = re.compile(r"(\d+)\s*个?\s*工作日")
CALENDAR_DAYS_PATTERN = re.compile(r"(\d+)\s*(?:个自然日|自然日|日|天)")
CLAUSE_SEPARATORS = re.compile(r"([；;。，,\n])")
SCOPE_PREFIXES = ("其中", "对于", "对", "涉及")
SCOPE_SUFFIXES = ("之日起", "起", "应在", "应", "在", "于", "的")
SCOPE_TERMS = re.compile(r"[、，,和及与/]+")
CLAUSE_KEYS = {"text", "unit", "days", "applies_to", "period"}
ERROR_UNREADABLE = "无法识别的公开时限“{text}”（应如“20个工作日内”“批准后20日内”“实时公开”）"
ERROR_CLAUSES = "公开时限条款格式不正确：{detail}"


@dataclass(frozen=True)
class TimeLimit:
    kind: str  # working_days / calendar_days / continuous
    days: int | None


def _limit_of(text: str) -> TimeLimit | None:
    if match := WORKING_DAYS_PATTERN.search(text):
        return TimeLimit(WORKING_DAYS, int(match.group(1)))
    if match := CALENDAR_DAYS_PATTERN.search(text):
        return TimeLimit(CALENDAR_DAYS, int(match.group(1)))
    if any(word in text for word in CONTINUOUS_WORDS):
        return TimeLimit(CONTINUOUS, None)
    return None


def parse_time_limit(text: str) -> TimeLimit:
    """The first clause: '信息形成或者变更之日起20个工作日内' → 20 working days."""
    first = parse_time_limits(text)[0]
    return TimeLimit(first["unit"], first["days"])


def _scope(text: str) -> str:
    """'其中行政许可、行政处罚决定7个工作日内' → '行政许可、行政处罚决定'."""
    number = re.search(r"\d", text)
    scope = (text[: number.start()] if number else text).strip(" ：:")
    for prefix in SCOPE_PREFIXES:
        scope = scope.removeprefix(prefix)
    changed = True
    while changed:
        stripped = scope
        for suffix in SCOPE_SUFFIXES:
            stripped = stripped.removesuffix(suffix)
        changed, scope = stripped != scope, stripped
    return scope.strip(" ：:")


def _is_period(text: str) -> bool:
    return "公示期" in text or (text.startswith("公示") and "内" not in text)


def _clause(text: str, limit: TimeLimit, first: bool) -> dict:
    period = _is_period(text)
    scope = "" if first or period else _scope(text)
    return {"text": text, "unit": limit.kind, "days": limit.days, "applies_to": scope, "period": period}


def parse_time_limits(text: str) -> list[dict]:
    """Every clause of a 公开时限 cell. Pieces naming no limit join the clause that follows
    (or the last one); an empty cell is the national default; text naming no limit raises ValueError."""
    text = text.strip()
    if not text:
        return [_clause(DEFAULT_LIMIT_TEXT, TimeLimit(WORKING_DAYS, DEFAULT_LIMIT_DAYS), True)]
    parts = CLAUSE_SEPARATORS.split(text)
    clauses: list[dict] = []
    buffer = ""
    for piece, separator in zip(parts[::2], [*parts[1::2], ""], strict=True):
        buffer += piece
        limit = _limit_of(piece)
        if limit is None:
            buffer += separator
            continue
        clauses.append(_clause(buffer.strip(), limit, not clauses))
        buffer = ""
    leftover = buffer.strip(" ；;。，,\n")
    if not clauses:
        raise ValueError(ERROR_UNREADABLE.format(text=text))
    if leftover:
        clauses[-1]["text"] += "，" + leftover
    return clauses


def validate_time_limits(value: object) -> None:
    """The one check of a stored clause list (model validator and migration alike)."""
    problem = None
    if not isinstance(value, list) or not value:
        problem = "应为非空列表"
    else:
        for clause in value:
            if not isinstance(clause, dict) or set(clause) != CLAUSE_KEYS:
                problem = f"每条应含 {'、'.join(sorted(CLAUSE_KEYS))}"
            elif clause["unit"] not in (WORKING_DAYS, CALENDAR_DAYS, CONTINUOUS):
                problem = f"未知的天数单位“{clause['unit']}”"
            elif (clause["days"] is None) != (clause["unit"] == CONTINUOUS):
                problem = "工作日、自然日须有天数，实时公开不应有天数"
            elif clause["days"] is not None and (not isinstance(clause["days"], int) or clause["days"] < 0):
                problem = "天数应为非负整数"
            elif not isinstance(clause["text"], str) or not isinstance(clause["applies_to"], str):
                problem = "原文和适用范围应为文字"
            elif not isinstance(clause["period"], bool):
                problem = "“公示期”应为是或否"
            if problem:
                break
    if problem:
        raise ValidationError(ERROR_CLAUSES.format(detail=problem), code="time_limits")


def due_date(formed_on: date, kind: str, days: int | None) -> date | None:
    """The last day to publish information formed on ``formed_on``; None when continuous
    (实时/及时: no countable limit, so never reported late)."""
    if kind == WORKING_DAYS and days is not None:
        return add_working_days(formed_on, days)
    if kind == CALENDAR_DAYS and days is not None:
        return formed_on + timedelta(days=days)
    return None


def _applies(clause: dict, info_kind: str) -> bool:
    terms = [term for term in SCOPE_TERMS.split(clause["applies_to"]) if term]
    return any(term in info_kind or info_kind in term for term in terms)


def _earliest(clauses: list[dict], formed_on: date) -> dict:
    """The shortest clause: the earliest due date; a continuous clause only when none is countable."""
    countable = [c for c in clauses if c["days"] is not None]
    if not countable:
        return clauses[0]
    return min(countable, key=lambda c: due_date(formed_on, c["unit"], c["days"]))


def applicable_clause(clauses: list[dict], info_kind: str, formed_on: date) -> dict | None:
    """The clause for information of ``info_kind`` formed on ``formed_on``: the shortest clause
    naming that kind; else, for a stated kind, the general clause; else the shortest of all.
    公示期 clauses are never a limit to publish within."""
    limits = [c for c in clauses if not c["period"]]
    if not limits:
        return None
    info_kind = info_kind.strip()
    if info_kind:
        specific = [c for c in limits if c["applies_to"] and _applies(c, info_kind)]
        general = [c for c in limits if not c["applies_to"]]
        if specific or general:
            return _earliest(specific or general, formed_on)
    return _earliest(limits, formed_on)
