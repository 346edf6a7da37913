"""Tables 二, 三 and 四 in the national layout (国办公开办函〔2021〕30号), for the page and the xlsx.

A cell shows its number, 未提供 (no provider registered), 不适用, or for the fee amount 未填报;
a corrected cell carries the number of its note, printed under the table with the reason.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from annual_reports.checks import cell_label
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

NUMERALS = "一二三四五六七八九十"
PARTIAL_NOTE = "（区分处理的，只计这一情形，不计其他情形）"
UNAVAILABLE = "未提供"
NOT_APPLICABLE = "不适用"
NOT_ENTERED = "未填报"


@dataclass(frozen=True)
class Cell:
    text: str
    note: int | None = None


@dataclass
class Row:
    label: str
    cells: list[Cell] = field(default_factory=list)
    level: int = 0  # 0: a numbered row (一、), 1: （一）, 2: 1.
    heading: bool = False  # a row that only names a group


@dataclass
class Tables:
    two: list[tuple[str, list[str], list[Row]]]
    three: list[Row]
    four: list[Cell]
    notes: list[dict]
    fees_text: str


def _cell(snapshot: Snapshot, code: str, notes: dict[str, int]) -> Cell:
    if code in snapshot.unavailable:
        text = _(UNAVAILABLE)
    elif code in snapshot.not_applicable:
        text = _(NOT_APPLICABLE)
    else:
        text = str(snapshot.cells[code])
    return Cell(text, notes.get(code))


def _table_two(snapshot: Snapshot, notes: dict[str, int], fee_amount: Decimal | None) -> list:
    counted = [
        Row(label, [_cell(snapshot, f"t2.{row}.{column}", notes) for column, _title in T2_COUNTS])
        for row, label in T2_COUNTED
    ]
    decisions = [Row(label, [_cell(snapshot, f"t2.{row}", notes)]) for row, label in T2_DECISIONS]
    fee = Cell(_(NOT_ENTERED) if fee_amount is None else f"{fee_amount.normalize():f}")
    decision_header = [_("信息内容"), _("本年处理决定数量")]
    return [
        (_("第二十条第（一）项"), [_("信息内容"), *(title for _code, title in T2_COUNTS)], counted),
        (_("第二十条第（五）项"), decision_header, decisions[:1]),
        (_("第二十条第（六）项"), decision_header, decisions[1:]),
        (_("第二十条第（八）项"), [_("信息内容"), _("本年收费金额（单位：万元）")], [Row(_("行政事业性收费"), [fee])]),
    ]


def _t3_cells(snapshot: Snapshot, code: str, notes: dict[str, int]) -> list[Cell]:
    return [_cell(snapshot, f"t3.{code}.{column}", notes) for column in t3_column_keys()]


def _table_three(snapshot: Snapshot, notes: dict[str, int]) -> list[Row]:
    labels = dict((code, label) for code, label in snapshot.t3_rows)
    rows = [
        Row(f"一、{labels['new']}", _t3_cells(snapshot, "new", notes)),
        Row(f"二、{labels['carried_in']}", _t3_cells(snapshot, "carried_in", notes)),
        Row(_("三、本年度办理结果"), heading=True),
    ]
    groups: list[str] = []
    item = 0
    for code, label in snapshot.t3_rows:
        if code in T3_FIXED:
            continue
        group = code.split(".")[0]
        group_label, _sep, reason = label.partition("：")
        if group not in groups:
            groups.append(group)
            item = 0
            numbered = f"（{NUMERALS[len(groups) - 1]}）{group_label}"
            if "." not in code:
                rows.append(Row(numbered + (PARTIAL_NOTE if group_label == "部分公开" else ""), level=1))
            else:
                rows.append(Row(numbered, level=1, heading=True))
        if "." in code:
            item += 1
            rows.append(Row(f"{item}.{reason}", level=2))
        rows[-1].cells = _t3_cells(snapshot, code, notes)
    rows.append(Row(f"（{NUMERALS[len(groups)]}）{labels['total']}", _t3_cells(snapshot, TOTAL, notes), level=1))
    rows.append(Row(f"四、{labels['carried_out']}", _t3_cells(snapshot, "carried_out", notes)))
    return rows


def _fees_text(snapshot: Snapshot) -> str:
    if snapshot.fees is None:
        return _("本年度收取信息处理费情况：未提供。")
    if not snapshot.fees["count"]:
        return _("本年度未收取信息处理费。")
    return _("本年度共收取信息处理费 %(count)d 笔，合计 %(amount)s 元。") % snapshot.fees


def tables(snapshot: Snapshot, corrections: list[tuple[str, int, str]], fee_amount: Decimal | None) -> Tables:
    """``corrections``: (cell, value, reason) in the order staff entered them."""
    notes = {cell: number for number, (cell, _value, _reason) in enumerate(corrections, start=1)}
    t4 = [f"t4.{kind}.{result}" for kind, _k in T4_KINDS for result in [*(r for r, _t in T4_RESULTS), TOTAL]]
    return Tables(
        two=_table_two(snapshot, notes, fee_amount),
        three=_table_three(snapshot, notes),
        four=[_cell(snapshot, code, notes) for code in t4],
        notes=[
            {"number": notes[cell], "what": cell_label(snapshot, cell), "value": value, "reason": reason}
            for cell, value, reason in corrections
        ],
        fees_text=_fees_text(snapshot),
    )


T3_HEADER = T3_COLUMNS
T4_HEADER = (*(title for _key, title in T4_RESULTS), "总计")
