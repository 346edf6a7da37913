"""Corrections applied over the computed figures, the cells' names, and the national cross-sums
(国办公开办函〔2021〕30号; rules.md §9):
- table 三: each row's 总计 = its six applicant columns; 三（七）总计 = the sum of （一）–（六） in every
  column; 一 + 二 = 三（七） + 四 in every column;
- table 四: each 总计 = the four results before it.
A sum with a cell that is 未提供 or 不适用 is not checked (nothing is invented to make it add up).
"""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from annual_reports.figures import (
    T2_COUNTED,
    T2_COUNTS,
    T2_DECISIONS,
    T3_COLUMNS,
    T3_FIXED,
    T4_KINDS,
    T4_RESULTS,
    TOTAL,
    Snapshot,
    t3_column_keys,
)

ERROR_ROW_TOTAL = "表三“{row}”：总计为 {total}，而六类申请人之和为 {sum}。"
ERROR_OUTCOME_TOTAL = "表三“三、本年度办理结果（七）总计”的“{column}”列为 {total}，而（一）至（六）之和为 {sum}。"
ERROR_BALANCE = (
    "表三“{column}”列：一、本年新收（{new}）加二、上年结转（{carried_in}）为 {left}，"
    "而三（七）总计（{total}）加四、结转下年度（{carried_out}）为 {right}。"
)
ERROR_T4_TOTAL = "表四“{kind}”：总计为 {total}，而四项结果之和为 {sum}。"


def effective(snapshot: Snapshot, corrections: Iterable[tuple[str, int]]) -> Snapshot:
    """The figures with staff corrections applied (a corrected 未提供 cell becomes a number)."""
    result = Snapshot.from_json(snapshot.as_json())
    for cell, value in corrections:
        result.cells[cell] = value
        if cell in result.unavailable:
            result.unavailable.remove(cell)
        if cell in result.not_applicable:
            result.not_applicable.remove(cell)
    return result


def all_cells(snapshot: Snapshot) -> list[str]:
    """Every cell of the report, known or not, in reading order."""
    return [*snapshot.cells.keys(), *snapshot.unavailable, *snapshot.not_applicable]


def cell_label(snapshot: Snapshot, code: str) -> str:
    """The cell as a reader finds it in the printed tables, e.g. 表三“予以公开”·自然人."""
    parts = code.split(".")
    if parts[0] == "t2":
        labels = dict(T2_COUNTED) | dict(T2_DECISIONS)
        if len(parts) == 3:
            return f"表二“{labels[parts[1]]}”·{dict(T2_COUNTS)[parts[2]]}"
        return f"表二“{labels[parts[1]]}”·本年处理决定数量"
    if parts[0] == "t3":
        row, column = ".".join(parts[1:-1]), parts[-1]
        label = dict((code, label) for code, label in snapshot.t3_rows).get(row, row)
        return f"表三“{label}”·{T3_COLUMNS[t3_column_keys().index(column)]}"
    kinds, results = dict(T4_KINDS), dict(T4_RESULTS) | {TOTAL: "总计"}
    return f"表四“{kinds[parts[1]]}”·{results[parts[2]]}"


def _known(snapshot: Snapshot, codes: list[str]) -> list[int] | None:
    values = [snapshot.cells.get(code) for code in codes]
    return None if any(value is None for value in values) else values


def _table_three_errors(snapshot: Snapshot) -> list[str]:
    errors = []
    columns = t3_column_keys()
    labels = dict((code, label) for code, label in snapshot.t3_rows)
    for code, label in snapshot.t3_rows:
        values = _known(snapshot, [f"t3.{code}.{column}" for column in columns])
        if values and values[-1] != sum(values[:-1]):
            errors.append(_(ERROR_ROW_TOTAL).format(row=label, total=values[-1], sum=sum(values[:-1])))
    outcomes = [code for code, _label in snapshot.t3_rows if code not in T3_FIXED]
    for index, column in enumerate(columns):
        total = _known(snapshot, [f"t3.{TOTAL}.{column}"])
        parts = _known(snapshot, [f"t3.{code}.{column}" for code in outcomes])
        if total and parts is not None and total[0] != sum(parts):
            errors.append(_(ERROR_OUTCOME_TOTAL).format(column=T3_COLUMNS[index], total=total[0], sum=sum(parts)))
        balance = _known(snapshot, [f"t3.{code}.{column}" for code in ("new", "carried_in", TOTAL, "carried_out")])
        if balance and labels and balance[0] + balance[1] != balance[2] + balance[3]:
            new, carried_in, total_value, carried_out = balance
            errors.append(
                _(ERROR_BALANCE).format(
                    column=T3_COLUMNS[index],
                    new=new,
                    carried_in=carried_in,
                    left=new + carried_in,
                    total=total_value,
                    carried_out=carried_out,
                    right=total_value + carried_out,
                )
            )
    return errors


def _table_four_errors(snapshot: Snapshot) -> list[str]:
    errors = []
    for kind, label in T4_KINDS:
        values = _known(snapshot, [f"t4.{kind}.{result}" for result, _title in T4_RESULTS] + [f"t4.{kind}.{TOTAL}"])
        if values and values[-1] != sum(values[:-1]):
            errors.append(_(ERROR_T4_TOTAL).format(kind=label, total=values[-1], sum=sum(values[:-1])))
    return errors


def cross_sum_errors(snapshot: Snapshot) -> list[str]:
    """Each broken cross-sum, in Chinese, naming its cells; empty when the tables add up."""
    return _table_three_errors(snapshot) + _table_four_errors(snapshot)
