"""The report's tables 二, 三 and 四 as an xlsx, one sheet each, in the national layout."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from annual_reports.layout import T3_HEADER, T4_HEADER, Tables
from lushan_portal.spreadsheets import xlsx_append

BOLD = Font(bold=True)


def _title(sheet, title: str) -> None:
    xlsx_append(sheet, [title])
    sheet["A1"].font = Font(bold=True, size=13)


def _notes(sheet, tables: Tables) -> None:
    if tables.notes:
        xlsx_append(sheet, [])
        for note in tables.notes:
            xlsx_append(sheet, [f"注{note['number']}：{note['what']}更正为 {note['value']}。理由：{note['reason']}"])


def _text(cell) -> str:
    return f"{cell.text}（注{cell.note}）" if cell.note else cell.text


def report_xlsx(title: str, tables: Tables) -> bytes:
    book = Workbook()
    two = book.active
    two.title = "表二 主动公开"
    _title(two, f"{title} 二、主动公开政府信息情况")
    for group, header, rows in tables.two:
        xlsx_append(two, [group])
        xlsx_append(two, header)
        for row in rows:
            xlsx_append(two, [row.label, *(_text(cell) for cell in row.cells)])
    _notes(two, tables)

    three = book.create_sheet("表三 依申请公开")
    _title(three, f"{title} 三、收到和处理政府信息公开申请情况")
    xlsx_append(three, ["", "申请人情况"])
    xlsx_append(three, ["", T3_HEADER[0], "法人或其他组织", "", "", "", "", T3_HEADER[-1]])
    xlsx_append(three, ["", "", *T3_HEADER[1:-1], ""])
    for row in tables.three:
        xlsx_append(three, ["　" * row.level + row.label, *(_text(cell) for cell in row.cells)])
    three.column_dimensions["A"].width = 60
    _notes(three, tables)

    four = book.create_sheet("表四 复议诉讼")
    _title(four, f"{title} 四、政府信息公开行政复议、行政诉讼情况")
    xlsx_append(four, ["行政复议", "", "", "", "", "行政诉讼"])
    xlsx_append(four, ["", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉"])
    xlsx_append(four, [*T4_HEADER, *T4_HEADER, *T4_HEADER])
    xlsx_append(four, [_text(cell) for cell in tables.four])
    _notes(four, tables)
    for sheet in book.worksheets:
        for cells in sheet.iter_rows():
            for cell in cells:
                cell.alignment = Alignment(wrap_text=True, vertical="center")
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
