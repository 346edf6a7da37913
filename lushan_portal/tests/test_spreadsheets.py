"""Reading hostile spreadsheets refuses them quickly with a named cell; writing defuses formulas."""

import csv
import io
import time

import pytest
from openpyxl import Workbook, load_workbook

from lushan_portal.spreadsheets import (
    ERROR_CELL_NUL,
    ERROR_CELL_TOO_LONG,
    ERROR_CSV_FIELD,
    ERROR_EXPANSION,
    ERROR_FILE_TOO_LARGE,
    ERROR_TOO_MANY_ROWS,
    ERROR_UNCOMPRESSED_TOO_LARGE,
    MAX_CELL_CHARS,
    MAX_EXPANSION_RATIO,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_UNCOMPRESSED_BYTES,
    ImportRejected,
    SafeCsvWriter,
    read_rows,
    xlsx_append,
)
from lushan_portal.tests.bad_files import (
    SHEET,
    edit_entry,
    huge_cell,
    with_broken_sheet_xml,
    with_dimension,
    xlsx,
    zip_bomb,
)

HOSTILE = ['=HYPERLINK("https://evil.example","点此")', "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx", "'=kept"]
HARMLESS = ["鲁山县", "1+1", "a=b", "", "'quoted"]


def rejection(name: str, content: bytes) -> str:
    with pytest.raises(ImportRejected) as rejected:
        list(read_rows(name, content))
    return "\n".join(rejected.value.errors)


def test_csv_cells_that_would_run_as_formulas_get_an_apostrophe():
    buffer = io.StringIO()
    SafeCsvWriter(buffer).writerows([HOSTILE + HARMLESS + [-5, 3.5]])
    written = next(csv.reader(io.StringIO(buffer.getvalue())))
    assert written[: len(HOSTILE)] == ["'" + cell for cell in HOSTILE]
    assert written[len(HOSTILE) :] == [*HARMLESS, "-5", "3.5"]


def test_xlsx_cells_are_text_not_formulas():
    book = Workbook()
    xlsx_append(book.active, HOSTILE + HARMLESS)
    buffer = io.BytesIO()
    book.save(buffer)
    cells = next(load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows())
    assert all(cell.data_type == "s" for cell in cells if cell.value)
    assert all(cell.value.startswith("'") for cell in cells[: len(HOSTILE)])  # (XML reads \r as \n)


def test_the_apostrophe_the_export_added_is_removed_on_import_and_nothing_else():
    buffer = io.StringIO()
    SafeCsvWriter(buffer).writerows([HOSTILE + HARMLESS])
    assert list(read_rows("x.csv", buffer.getvalue().encode())) == [HOSTILE + HARMLESS]


def test_a_zip_bomb_is_refused_from_its_directory_in_milliseconds():
    bomb = zip_bomb(["类型", "违法事实"], mebibytes=1024)  # about 3 MB that would expand to 1 GiB
    started = time.perf_counter()
    message = rejection("bomb.xlsx", bomb)
    assert time.perf_counter() - started < 0.2
    assert message == ERROR_UNCOMPRESSED_TOO_LARGE.format(
        size="1024.0 MB", limit=f"{MAX_UNCOMPRESSED_BYTES >> 20}.0 MB"
    )


def test_a_100_mb_cell_from_a_100_kb_file_is_refused_before_parsing():
    small = huge_cell(["类型", "违法事实"], column=1, mebibytes=100)
    assert len(small) < 120 * 1024
    started = time.perf_counter()
    message = rejection("cell.xlsx", small)
    assert time.perf_counter() - started < 0.2
    assert message.startswith(ERROR_EXPANSION.split("{")[0] + "xl/worksheets/sheet1.xml")
    assert f"超过 {MAX_EXPANSION_RATIO} 倍" in message


def test_a_cell_longer_than_excel_allows_is_named():
    long_text = "".join(chr(0x4E00 + n % 20000) for n in range(MAX_CELL_CHARS + 1))
    # openpyxl cuts what it writes to Excel's limit: put the text into the file's XML instead.
    content = edit_entry(
        xlsx([["类型", "违法事实"], ["行政处罚", "LONG"]]), SHEET, lambda x: x.replace(b"LONG", long_text.encode())
    )
    message = rejection("long.xlsx", content)
    assert message == ERROR_CELL_TOO_LONG.format(row=2, column="B", length=MAX_CELL_CHARS + 1, limit=MAX_CELL_CHARS)


def test_a_csv_field_beyond_the_csv_modules_own_limit_is_named():
    content = ('类型,违法事实\n行政处罚,"' + "x" * 200_000 + '"\n').encode()
    assert rejection("long.csv", content) == ERROR_CSV_FIELD.format(row=2, limit=MAX_CELL_CHARS)


def test_a_nul_byte_in_a_cell_is_named():
    assert rejection("nul.csv", "类型,违法事实\n行政处罚,违法\x00事实\n".encode()) == ERROR_CELL_NUL.format(
        row=2, column="B"
    )


def test_a_stale_dimension_does_not_hide_rows():
    rows = [["序号", "名称"]] + [[n, f"第{n}项"] for n in range(1, 7)]
    stale = with_dimension(xlsx(rows), "A1:A2")
    assert list(read_rows("stale.xlsx", stale)) == rows


def test_corrupt_sheet_xml_is_refused_with_the_last_row_read():
    broken = with_broken_sheet_xml(xlsx([["序号", "名称"], [1, "甲"], [2, "乙"], [3, "丙"]]))
    assert rejection("broken.xlsx", broken).startswith("Excel 文件已损坏：第 2 行之后的内容无法读取")


def test_an_oversized_file_and_too_many_rows_are_refused():
    too_big = b"a" * (MAX_FILE_BYTES + 1)
    limit = f"{MAX_FILE_BYTES >> 20}.0 MB"
    assert rejection("big.csv", too_big) == ERROR_FILE_TOO_LARGE.format(size=limit, limit=limit)
    many = ("序号\n" + "1\n" * MAX_ROWS).encode()
    assert rejection("many.csv", many) == ERROR_TOO_MANY_ROWS.format(limit=MAX_ROWS)
    assert len(list(read_rows("enough.csv", ("1\n" * MAX_ROWS).encode()))) == MAX_ROWS
