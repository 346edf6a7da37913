"""Catalog import and export in the national layout (rules.md §2).

Real county files vary: 序号 and 一级事项 merged over the rows they group (only the top cell
holds the value), a title row above the header, a two-row header whose second row names
the choices of 公开对象/公开方式/公开层级 with ticks (√) below them, ■/□ boxes for channels,
several lines in a cell, other words for the same choice (特定群众, 依申请公开, 镇、村级 …),
a 五公开 column, or no 公开层级 column at all. The importer copes with these or names the
exact cell it cannot read; a file with any bad row imports nothing.

Ticks lost (blank 公开对象/公开方式/公开层级, or no such column) import as 待补充 with a
warning naming the cell, as does a 公开主体 naming no unit of this county; nothing is defaulted.
"""

import io
import re
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from catalog.models import CHOICE_GROUPS, PENDING, CatalogItem
from catalog.rules import parse_time_limits
from lushan_portal.spreadsheets import (
    ImportRejected,
    SafeCsvWriter,
    is_blank,
    normalise_header,
    read_rows,
    xlsx_append,
)
from organizations.models import Unit

HEADER = [
    "序号",
    "一级事项",
    "二级事项",
    "公开内容（要素）",
    "公开依据",
    "公开时限",
    "公开主体",
    "公开渠道和载体",
    "公开对象",
    "公开方式",
    "公开层级",
]
TEXT_COLUMNS = {
    "序号": "group_number",
    "一级事项": "level1",
    "二级事项": "level2",
    "公开内容（要素）": "content",
    "公开依据": "basis",
    "公开主体": "responsible",
}
HEADER_ALIASES = {"公开内容": "公开内容（要素）", "公开渠道": "公开渠道和载体", "公开载体和渠道": "公开渠道和载体"}
IGNORED_COLUMNS = {"五公开", "备注", "公开事项"}
# Choice words as counties write them → (group, flag field).
CHOICES = {
    "全社会": ("公开对象", "audience_public"),
    "特定群体": ("公开对象", "audience_specific"),
    "特定群众": ("公开对象", "audience_specific"),
    "特定对象": ("公开对象", "audience_specific"),
    "主动": ("公开方式", "mode_proactive"),
    "主动公开": ("公开方式", "mode_proactive"),
    "依申请": ("公开方式", "mode_on_request"),
    "依申请公开": ("公开方式", "mode_on_request"),
    "县级": ("公开层级", "level_county"),
    "县": ("公开层级", "level_county"),
    "乡级": ("公开层级", "level_township"),
    "乡镇级": ("公开层级", "level_township"),
    "乡（镇）级": ("公开层级", "level_township"),
    "镇级": ("公开层级", "level_township"),
    "镇、村级": ("公开层级", "level_township"),
    "镇（街）级": ("公开层级", "level_township"),
    "乡、村级": ("公开层级", "level_township"),
    "乡": ("公开层级", "level_township"),
}
GROUPS = tuple(CHOICE_GROUPS)
GROUP_FLAGS = {group: tuple(flag for flag, _label in choices) for group, choices in CHOICE_GROUPS.items()}
CANONICAL = {"公开对象": "全社会、特定群体", "公开方式": "主动、依申请", "公开层级": "县级、乡级"}
TICKS = ("√", "✓", "✔", "●", "■", "是", "☑")
SEPARATORS = re.compile(r"[、,，;；/\n\r\t ]+")
HEADER_SEARCH_ROWS = 10
ERROR_TOO_LONG = "“{column}”（{ref}）：有 {length} 个字，超过 {limit} 字的上限"
ERROR_NO_LEVEL1 = "“一级事项”（{ref}）为空，且上方没有可沿用的一级事项"
WARNING_PENDING = "第 {row} 行：“{group}”（{ref}）没有选择任何一项，记为待补充"
WARNING_NO_COLUMN = "文件没有“{group}”列：全部事项的{group}记为待补充"
WARNING_FOREIGN_UNIT = "第 {row} 行：“公开主体”（{ref}）“{text}”不是本县的单位，请核对"
RESPONSIBLE_SEPARATORS = re.compile(r"[、,，;；/\n\r]+")
GENERIC_RESPONSIBLE = ("各", "本", "相关", "有关")
COUNTY_PREFIX = re.compile(r"^(?:中共)?(\w{1,6}?县)")


@dataclass
class ParsedCatalog:
    items: list[CatalogItem]
    warnings: list[str]


@dataclass(frozen=True)
class Column:
    index: int
    name: str  # a HEADER name, or a choice word under a group (tick column)
    group: str | None = None


def cell_ref(row_number: int, index: int) -> str:
    return f"{get_column_letter(index + 1)}{row_number}"


def _header_names(row: list[object]) -> list[str]:
    names = [normalise_header(cell) for cell in row]
    return [HEADER_ALIASES.get(name, name) for name in names]


def is_second_header_row(names: list[str], below: list[str]) -> bool:
    """True when ``below`` names 一级/二级事项 or a tick grid: two choices of the group above."""
    if {"一级事项", "二级事项"} & set(below):
        return True
    for position, name in enumerate(names[:-1]):
        if name in GROUPS and position + 1 < len(below):
            pair = [CHOICES.get(below[position]), CHOICES.get(below[position + 1])]
            if all(choice and choice[0] == name for choice in pair):
                return True
    return False


def find_header(rows: list[list[object]]) -> tuple[int, list[Column]]:
    """The header's last row index (0-based) and its columns."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = _header_names(row)
        if not ({"一级事项", "公开事项", "公开内容（要素）"} & set(names)):
            continue
        below = _header_names(rows[index + 1]) if index + 1 < len(rows) else []
        two_rows = is_second_header_row(names, below)
        columns: list[Column] = []
        group = None
        for position, name in enumerate(names):
            sub = below[position] if two_rows and position < len(below) else ""
            if name:
                group = name if name in GROUPS else None
            if sub in CHOICES:
                columns.append(Column(position, CHOICES[sub][1], CHOICES[sub][0]))
            elif sub:
                columns.append(Column(position, sub))
            elif name:
                columns.append(Column(position, name))
            elif group is None:
                continue
        return (index + 1 if two_rows else index), columns
    raise ImportRejected([f"前 {HEADER_SEARCH_ROWS} 行中找不到表头（应含“一级事项”或“公开事项”“公开内容（要素）”）。"])


def length_problem(column_name: str, text: str, ref: str) -> str | None:
    """A text longer than its field holds (the database would refuse it at the end)."""
    field = {**TEXT_COLUMNS, "公开时限": "time_limit_text", "公开渠道和载体": "channels"}.get(column_name)
    limit = CatalogItem._meta.get_field(field).max_length if field else None
    if limit and len(text) > limit:
        return ERROR_TOO_LONG.format(column=column_name, ref=ref, length=len(text), limit=limit)
    return None


def parse_choices(text: str, group: str) -> set[str]:
    flags = set()
    for word in (w.strip("□■√ ") for w in SEPARATORS.split(text)):
        if not word or word == PENDING:
            continue
        if word not in CHOICES or CHOICES[word][0] != group:
            raise ValueError(f"“{word}”不是{group}的选项（可写：{CANONICAL[group]}）")
        flags.add(CHOICES[word][1])
    return flags


def parse_channels(text: str) -> str:
    chosen = re.findall(r"■\s*([^■□\n\r、,，;；]+)", text) if "■" in text or "□" in text else SEPARATORS.split(text)
    return "、".join(dict.fromkeys(c.strip() for c in chosen if c.strip()))


def county_unit_names() -> tuple[str, set[str]]:
    """(this county's name prefix such as 鲁山县, every way a unit of it is written: full name,
    short name, and the name with the county written as 县 or left out)."""
    units = list(Unit.objects.filter(is_active=True).values_list("name", "short_name"))
    prefixes = [m.group(1) for name, _short in units if (m := COUNTY_PREFIX.match(name))]
    county = max(set(prefixes), key=prefixes.count) if prefixes else ""
    names: set[str] = set()
    for name, short in units:
        names |= {name, short, *(name.replace(county, w) for w in ("县", "") if county)}
    return county, names - {""}


def names_county_unit(text: str, county: str, names: set[str]) -> bool:
    """True when some part of a 公开主体 cell is a unit of this county (or 各乡镇, 本单位 …)."""
    for part in (p.strip() for p in RESPONSIBLE_SEPARATORS.split(text)):
        written = part.replace(county, "县") if county else part
        if part and (part in names or written in names or part.startswith(GENERIC_RESPONSIBLE)):
            return True
    return False


def check_columns(columns: list[Column]) -> None:
    names = {c.name for c in columns if c.group is None}
    unknown = sorted(names - set(HEADER) - IGNORED_COLUMNS - {""})
    if unknown:
        raise ImportRejected([f"表头有无法识别的列：{'、'.join(unknown)}"])
    if "一级事项" not in names:
        raise ImportRejected(["表头缺少“一级事项”列。"])


def catalog_items_from_file(name: str, content: bytes) -> ParsedCatalog:
    rows = list(read_rows(name, content))
    header_end, columns = find_header(rows)
    check_columns(columns)
    county, unit_names = county_unit_names()
    present = {c.group or c.name for c in columns}
    items: list[CatalogItem] = []
    errors: list[str] = []
    warnings = [WARNING_NO_COLUMN.format(group=group) for group in GROUPS if group not in present]
    carried = {"group_number": "", "level1": ""}
    for offset, row in enumerate(rows[header_end + 1 :], start=header_end + 2):
        if all(is_blank(cell) for cell in row):
            continue
        item, problems, notes = parse_row(row, offset, columns, carried)
        errors += [f"第 {offset} 行：{p}" for p in problems]
        if item is not None:
            items.append(item)
            warnings += notes
            if item.responsible and not names_county_unit(item.responsible, county, unit_names):
                ref = cell_ref(offset, next(c.index for c in columns if c.name == "公开主体"))
                warnings.append(WARNING_FOREIGN_UNIT.format(row=offset, ref=ref, text=item.responsible))
    if errors:
        raise ImportRejected(errors)
    if not items:
        raise ImportRejected(["文件中没有事项行。"])
    return ParsedCatalog(items, warnings)


def group_ref(number: int, columns: list[Column], group: str) -> str:
    """The cell of a group (I2), or the range of its tick columns (I4:J4)."""
    indexes = [c.index for c in columns if group in (c.name, c.group)]
    first, last = cell_ref(number, min(indexes)), cell_ref(number, max(indexes))
    return first if first == last else f"{first}:{last}"


def parse_row(
    row: list[object], number: int, columns: list[Column], carried: dict
) -> tuple[CatalogItem | None, list[str], list[str]]:
    """(the item or None, errors, warnings) of one row."""
    values: dict[str, object] = {}
    flags: dict[str, set[str]] = {group: set() for group in GROUPS}
    seen_groups: set[str] = set()
    problems: list[str] = []
    for column in columns:
        raw = row[column.index] if column.index < len(row) else None
        text = "" if is_blank(raw) else str(raw).strip()
        if column.group:
            seen_groups.add(column.group)
            if any(tick in text for tick in TICKS):
                flags[column.group].add(column.name)
            continue
        ref = cell_ref(number, column.index)
        too_long = length_problem(column.name, text, ref)
        if too_long:
            problems.append(too_long)
            if column.name in TEXT_COLUMNS:  # kept, so that it is not also reported as empty
                values[TEXT_COLUMNS[column.name]] = text
            continue
        if column.name in TEXT_COLUMNS:
            values[TEXT_COLUMNS[column.name]] = text
        elif column.name == "公开时限":
            try:
                values.update(time_limit_text=text, time_limits=parse_time_limits(text))
            except ValueError as error:
                problems.append(f"“公开时限”（{ref}）：{error}")
        elif column.name == "公开渠道和载体":
            values["channels"] = parse_channels(text)
        elif column.name in GROUPS:
            seen_groups.add(column.name)
            try:
                flags[column.name] |= parse_choices(text, column.name)
            except ValueError as error:
                problems.append(f"“{column.name}”（{ref}）：{error}")
    if not values.get("level1"):
        values["level1"] = carried["level1"]
        values["group_number"] = values.get("group_number") or carried["group_number"]
    carried.update(level1=values["level1"], group_number=values.get("group_number", ""))
    if not values["level1"]:
        level1 = next((c.index for c in columns if c.name == "一级事项"), 0)
        problems.append(ERROR_NO_LEVEL1.format(ref=cell_ref(number, level1)))
    if problems:
        return None, problems, []
    warnings = [
        WARNING_PENDING.format(row=number, group=group, ref=group_ref(number, columns, group))
        for group in GROUPS
        if group in seen_groups and not flags[group]
    ]
    for group, names in GROUP_FLAGS.items():
        for flag in names:
            values[flag] = flag in flags[group]
    return CatalogItem(**values), [], warnings


def _ticks(item: CatalogItem, group: str) -> str:
    """The chosen words of a group; blank when 待补充 (as the file it came from)."""
    return "" if group in item.pending_fields else item.group_label(group)


def item_row(item: CatalogItem) -> list[str]:
    return [
        item.group_number,
        item.level1,
        item.level2,
        item.content,
        item.basis,
        item.time_limit_text,
        item.responsible,
        item.channels,
        _ticks(item, "公开对象"),
        _ticks(item, "公开方式"),
        _ticks(item, "公开层级"),
    ]


def catalog_xlsx(items: list[CatalogItem], title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "标准目录"
    sheet.append(HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for item in items:
        xlsx_append(sheet, item_row(item))
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, width in enumerate([6, 16, 18, 40, 30, 22, 16, 24, 12, 12, 12], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    book.properties.title = title
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def catalog_csv(items: list[CatalogItem]) -> str:
    buffer = io.StringIO()
    writer = SafeCsvWriter(buffer)
    writer.writerow(HEADER)
    writer.writerows(item_row(item) for item in items)
    return "\ufeff" + buffer.getvalue()
