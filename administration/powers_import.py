"""Power lists in and out of Excel, in the usual county layout (权责清单).

One row per item or per sub-item: 序号, 职权编码, 职权名称 and the other columns are often merged
over an item's sub-item rows (only the top cell holds the value, as ``read_rows`` gives it), so a
row with no code and no new name continues the item above (its 子项 joins the item's), and a row
with a code of its own under a merged 职权名称 is an item of that name with the merged cells' values.
Every bad cell is named (C5); a file
with any bad row imports nothing. A blank 实施主体, 责任事项 or 追责情形 is kept blank (shown
未说明) and listed as a warning, never filled in.
"""

import io
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from administration.models import ITEM_FIELDS, PowerItem, PowerType
from lushan_portal.spreadsheets import ImportRejected, SafeCsvWriter, is_blank, normalise_header, read_rows, xlsx_append

HEADER = ["序号", "职权编码", "职权类型", "职权名称", "子项", "实施依据", "实施主体", "责任事项", "追责情形", "备注"]
# Header words counties use → the item's field ("" for ignored columns).
COLUMNS = {
    "序号": "",
    "职权编码": "code",
    "权力编码": "code",
    "事项编码": "code",
    "编码": "code",
    "职权类型": "power_type",
    "权力类型": "power_type",
    "事项类型": "power_type",
    "类型": "power_type",
    "职权名称": "name",
    "权力名称": "name",
    "事项名称": "name",
    "主项": "name",
    "主项名称": "name",
    "子项": "sub_items",
    "子项名称": "sub_items",
    "实施依据": "basis",
    "设定依据": "basis",
    "法律依据": "basis",
    "设定和实施依据": "basis",
    "设定依据和实施依据": "basis",
    "依据": "basis",
    "实施主体": "implementing_body",
    "责任主体": "implementing_body",
    "承办机构": "implementing_body",
    "责任事项": "responsibilities",
    "追责情形": "accountability",
    "问责情形": "accountability",
    "责任追究": "accountability",
    "追责情形及依据": "accountability",
    "备注": "note",
    "调整说明": "note",
}
REQUIRED = ("code", "power_type", "name", "basis")
MERGED_OVER_SUB_ITEMS = ("power_type", "name", "basis", "implementing_body", "responsibilities", "accountability")
LABELS = {
    "code": "职权编码",
    "power_type": "职权类型",
    "name": "职权名称",
    "sub_items": "子项",
    "basis": "实施依据",
    "implementing_body": "实施主体",
    "responsibilities": "责任事项",
    "accountability": "追责情形",
    "note": "备注",
}
TYPE_WORDS = {str(label): value for value, label in PowerType.choices} | {
    "许可": PowerType.LICENSING,
    "处罚": PowerType.PENALTY,
    "强制": PowerType.COERCION,
    "行政强制措施": PowerType.COERCION,
    "行政强制执行": PowerType.COERCION,
    "征收": PowerType.LEVY,
    "行政征用": PowerType.LEVY,
    "给付": PowerType.BENEFIT,
    "检查": PowerType.INSPECTION,
    "行政监督检查": PowerType.INSPECTION,
    "确认": PowerType.CONFIRMATION,
    "奖励": PowerType.REWARD,
    "裁决": PowerType.ADJUDICATION,
    "其他权力": PowerType.OTHER,
    "其他职权": PowerType.OTHER,
    "其他": PowerType.OTHER,
}
TYPE_CHOICES_TEXT = "、".join(str(label) for _value, label in PowerType.choices)
HEADER_SEARCH_ROWS = 10
ERROR_NO_HEADER = f"前 {HEADER_SEARCH_ROWS} 行中找不到表头（应含“职权编码”“职权名称”“实施依据”等列）。"
ERROR_MISSING_COLUMN = "表头缺少“{column}”列。"
ERROR_UNKNOWN_COLUMNS = "表头有无法识别的列：{columns}"
ERROR_BLANK = "“{column}”（{ref}）为空"
ERROR_NO_BASIS = "“实施依据”（{ref}）为空：每项职权都须写明法定依据"
ERROR_TYPE = "“职权类型”（{ref}）“{text}”不是职权类型（可写：{choices}）"
ERROR_DUPLICATE = "“职权编码”（{ref}）“{code}”与第 {first} 行重复"
ERROR_TOO_LONG = "“{column}”（{ref}）有 {length} 个字，超过 {limit} 字的上限"
ERROR_EMPTY = "文件中没有职权行。"
ERROR_ROW = "第 {row} 行：{problem}"
WARNING_NOT_STATED = "第 {row} 行：“{column}”（{ref}）为空，公开时显示“未说明”"


@dataclass
class ParsedItem:
    row: int
    values: dict[str, str]
    note: str = ""
    refs: dict[str, str] = field(default_factory=dict)


@dataclass
class ParsedPowers:
    items: list[ParsedItem]
    warnings: list[str]


def cell_ref(row: int, index: int) -> str:
    return f"{get_column_letter(index + 1)}{row}"


def find_header(rows: list[list[object]]) -> tuple[int, dict[str, int]]:
    """The header row's index (0-based) and {field: column index}."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = [normalise_header(cell) for cell in row]
        if not ({"职权名称", "权力名称", "事项名称", "主项名称"} & set(names)):
            continue
        unknown = sorted(name for name in names if name and name not in COLUMNS)
        if unknown:
            raise ImportRejected([ERROR_UNKNOWN_COLUMNS.format(columns="、".join(unknown))])
        columns = {COLUMNS[name]: position for position, name in enumerate(names) if COLUMNS.get(name)}
        missing = [LABELS[name] for name in REQUIRED if name not in columns]
        if missing:
            raise ImportRejected([ERROR_MISSING_COLUMN.format(column=column) for column in missing])
        return index, columns
    raise ImportRejected([ERROR_NO_HEADER])


def _text(row: list[object], index: int) -> str:
    raw = row[index] if index < len(row) else None
    return "" if is_blank(raw) else str(raw).strip()


def _append(current: str, more: str) -> str:
    """A continuation row's cell joins the item's text on a new line, once."""
    if not more or more in current.splitlines():
        return current
    return f"{current}\n{more}" if current else more


def parse_powers(name: str, content: bytes) -> ParsedPowers:
    rows = list(read_rows(name, content))
    header, columns = find_header(rows)
    items: list[ParsedItem] = []
    errors: list[str] = []
    for number, row in enumerate(rows[header + 1 :], start=header + 2):
        if all(is_blank(cell) for cell in row):
            continue
        texts = {name: _text(row, index) for name, index in columns.items()}
        refs = {name: cell_ref(number, index) for name, index in columns.items()}
        current = items[-1] if items else None
        continues = current is not None and not texts["code"] and texts["name"] in ("", current.values["name"])
        if continues:
            for name in ITEM_FIELDS:
                if name not in ("code", "power_type", "name") and name in texts:
                    current.values[name] = _append(current.values[name], texts[name])
            current.note = _append(current.note, texts.get("note", ""))
            continue
        values = {name: texts.get(name, "") for name in ITEM_FIELDS}
        if current is not None and not texts["name"]:
            # A sub-item with a code of its own under merged 职权名称 (and merged type, basis …):
            # the merged cells hold their value in the top row only.
            for name in MERGED_OVER_SUB_ITEMS:
                values[name] = values[name] or current.values[name]
        items.append(ParsedItem(row=number, values=values, note=texts.get("note", ""), refs=refs))
    first_row: dict[str, int] = {}
    warnings: list[str] = []
    for item in items:
        problems = item_problems(item, first_row)
        errors += [ERROR_ROW.format(row=item.row, problem=problem) for problem in problems]
        if not problems:
            item.values["power_type"] = TYPE_WORDS[item.values["power_type"]]
            warnings += [
                WARNING_NOT_STATED.format(row=item.row, column=LABELS[name], ref=item.refs[name])
                for name in ("implementing_body", "responsibilities", "accountability")
                if name in item.refs and not item.values[name]
            ]
    if errors:
        raise ImportRejected(errors)
    if not items:
        raise ImportRejected([ERROR_EMPTY])
    return ParsedPowers(items, warnings)


def item_problems(item: ParsedItem, first_row: dict[str, int]) -> list[str]:
    values, refs, problems = item.values, item.refs, []
    for name in ("code", "power_type", "name"):
        if not values[name]:
            problems.append(ERROR_BLANK.format(column=LABELS[name], ref=refs[name]))
    if not values["basis"]:
        problems.append(ERROR_NO_BASIS.format(ref=refs["basis"]))
    if values["power_type"] and values["power_type"] not in TYPE_WORDS:
        problems.append(ERROR_TYPE.format(ref=refs["power_type"], text=values["power_type"], choices=TYPE_CHOICES_TEXT))
    for name in ("code", "name", "implementing_body"):
        limit = PowerItem._meta.get_field(name).max_length
        if len(values[name]) > limit:
            problems.append(
                ERROR_TOO_LONG.format(column=LABELS[name], ref=refs[name], length=len(values[name]), limit=limit)
            )
    code = values["code"]
    if code and code in first_row:
        problems.append(ERROR_DUPLICATE.format(ref=refs["code"], code=code, first=first_row[code]))
    elif code:
        first_row[code] = item.row
    return problems


# Export: one row per item in the import layout, so that an export imports back unchanged.
def item_row(position: int, item: PowerItem) -> list[object]:
    return [
        position,
        item.code,
        item.get_power_type_display(),
        item.name,
        item.sub_items,
        item.basis,
        item.implementing_body,
        item.responsibilities,
        item.accountability,
        "",
    ]


def powers_xlsx(items: list[PowerItem], title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "权责清单"
    sheet.append(HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for position, item in enumerate(items, start=1):
        xlsx_append(sheet, item_row(position, item))
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, width in enumerate([6, 16, 12, 28, 28, 40, 18, 36, 36, 12], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    book.properties.title = title
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def powers_csv(items: list[PowerItem]) -> str:
    buffer = io.StringIO()
    writer = SafeCsvWriter(buffer)
    writer.writerow(HEADER)
    writer.writerows(item_row(position, item) for position, item in enumerate(items, start=1))
    return "\ufeff" + buffer.getvalue()
