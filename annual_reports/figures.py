"""The report's computed figures, gathered from the providers registered in
``lushan_portal.annual_figures`` (this app imports no domain app), as one flat snapshot.

A snapshot is plain JSON, stored on the report when it is published (the freeze) and compared
between versions:
- ``cells``: {cell code: int}. Codes: ``t2.<row>[.<column>]``, ``t3.<row>.<column>`` (columns 0–5
  and ``total``), ``t4.<kind>.<result>``.
- ``unavailable``: cells of a provider not registered (未提供, never 0); ``not_applicable``: cells a
  provider answered None for (不适用, e.g. 规章 for a county without rule-making power).
- ``t3_rows``: table 三's rows in order, each [code, label], as the provider gave them.
- ``fees``: section 六's 信息处理费 {"amount": yuan as text, "count": n}, or None when unavailable.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from lushan_portal.annual_figures import provider

REQUESTS = "disclosure_requests"
FEES = "disclosure_requests.fees"
NORMATIVE = "table2.normative"
ENFORCEMENT = "table2.enforcement"
PROVIDER_CODES = (NORMATIVE, ENFORCEMENT, REQUESTS, FEES)

# Table 二 (rules.md §9): rows with the three counts of Art 20(一), rows with one count otherwise.
T2_COUNTED = (("regulations", "规章"), ("normative_documents", "行政规范性文件"))
T2_COUNTS = (("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数"))
T2_DECISIONS = (("licensing", "行政许可"), ("penalty", "行政处罚"), ("coercion", "行政强制"))

# Table 三's columns and table 四's, in the national order.
T3_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
T3_FIXED = ("new", "carried_in", "total", "carried_out")  # the rows that are not outcomes
T3_DEFAULT_ROWS = (
    ("new", "本年新收政府信息公开申请数量"),
    ("carried_in", "上年结转政府信息公开申请数量"),
    ("total", "总计"),
    ("carried_out", "结转下年度继续办理"),
)
T4_KINDS = (
    ("reconsideration", "行政复议"),
    ("litigation_direct", "行政诉讼（未经复议直接起诉）"),
    ("litigation_after_review", "行政诉讼（复议后起诉）"),
)
T4_RESULTS = (("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"))
TOTAL = "total"


def t2_codes() -> list[str]:
    counted = [f"t2.{row}.{column}" for row, _label in T2_COUNTED for column, _title in T2_COUNTS]
    return counted + [f"t2.{row}" for row, _label in T2_DECISIONS]


def t4_codes() -> list[str]:
    results = [key for key, _label in T4_RESULTS] + [TOTAL]
    return [f"t4.{kind}.{result}" for kind, _label in T4_KINDS for result in results]


def t3_column_keys() -> list[str]:
    return [str(index) for index in range(6)] + [TOTAL]


def t3_codes(rows: Iterable[Iterable[str]]) -> list[str]:
    return [f"t3.{code}.{column}" for code, _label in rows for column in t3_column_keys()]


@dataclass
class Snapshot:
    cells: dict[str, int]
    unavailable: list[str]
    not_applicable: list[str]
    t3_rows: list[list[str]]
    fees: dict | None

    def as_json(self) -> dict:
        return {
            "cells": self.cells,
            "unavailable": self.unavailable,
            "not_applicable": self.not_applicable,
            "t3_rows": self.t3_rows,
            "fees": self.fees,
        }

    @classmethod
    def from_json(cls, data: dict) -> "Snapshot":
        return cls(
            cells=dict(data["cells"]),
            unavailable=list(data["unavailable"]),
            not_applicable=list(data["not_applicable"]),
            t3_rows=[list(row) for row in data["t3_rows"]],
            fees=data.get("fees"),
        )


def _table_two(snapshot: Snapshot, normative: object, enforcement: object, missing: set[str]) -> None:
    for row, _label in T2_COUNTED:
        codes = [f"t2.{row}.{column}" for column, _title in T2_COUNTS]
        if NORMATIVE in missing:
            snapshot.unavailable += codes
            continue
        counts = getattr(normative, row, None)
        if counts is None:
            snapshot.not_applicable += codes
            continue
        for code, (column, _title) in zip(codes, T2_COUNTS, strict=True):
            snapshot.cells[code] = int(getattr(counts, column))
    for row, _label in T2_DECISIONS:
        code = f"t2.{row}"
        if ENFORCEMENT in missing:
            snapshot.unavailable.append(code)
        elif getattr(enforcement, row, None) is None:
            snapshot.not_applicable.append(code)
        else:
            snapshot.cells[code] = int(getattr(enforcement, row))


def _table_three(snapshot: Snapshot, requests: object, missing: set[str]) -> None:
    if REQUESTS in missing:
        snapshot.t3_rows = [list(row) for row in T3_DEFAULT_ROWS]
        snapshot.unavailable += t3_codes(T3_DEFAULT_ROWS)
        return
    rows = requests.table_three.rows
    snapshot.t3_rows = [[row.code, str(row.label)] for row in rows]
    for row in rows:
        cells = [int(value) for value in row.cells]
        for column, value in enumerate(cells):
            snapshot.cells[f"t3.{row.code}.{column}"] = value
        snapshot.cells[f"t3.{row.code}.{TOTAL}"] = sum(cells)


def _table_four(snapshot: Snapshot, requests: object, missing: set[str]) -> None:
    if REQUESTS in missing:
        snapshot.unavailable += t4_codes()
        return
    four = requests.table_four
    for kind, _label in T4_KINDS:
        figures = getattr(four, kind)
        values = [int(getattr(figures, result)) for result, _title in T4_RESULTS]
        for (result, _title), value in zip(T4_RESULTS, values, strict=True):
            snapshot.cells[f"t4.{kind}.{result}"] = value
        snapshot.cells[f"t4.{kind}.{TOTAL}"] = sum(values)


def snapshot_of(data: dict[str, object], missing: set[str]) -> Snapshot:
    """The snapshot of one report from each provider's answer (``data``: code -> answer)."""
    snapshot = Snapshot(cells={}, unavailable=[], not_applicable=[], t3_rows=[], fees=None)
    _table_two(snapshot, data.get(NORMATIVE), data.get(ENFORCEMENT), missing)
    _table_three(snapshot, data.get(REQUESTS), missing)
    _table_four(snapshot, data.get(REQUESTS), missing)
    fees = data.get(FEES)
    if FEES not in missing:
        snapshot.fees = {"amount": str(Decimal(fees.amount).quantize(Decimal("0.01"))), "count": int(fees.count)}
    return snapshot


def registered_codes() -> tuple[set[str], set[str]]:
    present = {code for code in PROVIDER_CODES if provider(code) is not None}
    return present, set(PROVIDER_CODES) - present


def compute(year: int, unit_id: int | None) -> Snapshot:
    """One report's figures now: ``unit_id`` None for the county (every unit together)."""
    present, missing = registered_codes()
    data = {code: provider(code).provider(year, unit_id) for code in present}
    return snapshot_of(data, missing)


def compute_many(year: int, unit_ids: Iterable[int]) -> dict[int, Snapshot]:
    """Many units' figures for a year in a fixed number of queries when the providers give
    ``by_unit`` (a provider without it is asked once per unit). A unit a ``by_unit`` answer leaves
    out had nothing that year: it gets the zero figures of the county's shape."""
    present, missing = registered_codes()
    unit_ids = list(unit_ids)
    per_code: dict[str, dict[int, object]] = {}
    for code in present:
        registered = provider(code)
        if registered.by_unit is None:
            per_code[code] = {unit_id: registered.provider(year, unit_id) for unit_id in unit_ids}
            continue
        answers = registered.by_unit(year)
        if any(unit_id not in answers for unit_id in unit_ids):
            empty = registered.provider(year, -1)  # no unit has id -1: the zero answer, one call
            answers = {unit_id: answers.get(unit_id, empty) for unit_id in unit_ids}
        per_code[code] = answers
    return {
        unit_id: snapshot_of({code: answers[unit_id] for code, answers in per_code.items()}, missing)
        for unit_id in unit_ids
    }
