"""Spreadsheets in and out: the apps' all-or-nothing imports and every CSV or xlsx the portal writes.

Reading is bounded before any parsing (file size, the archive's declared uncompressed size)
and while reading (rows, characters per cell, NUL bytes); each refusal names the row and
column, or the problem. Writing neutralises cells a spreadsheet would run as a formula.
"""

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from openpyxl.utils import get_column_letter

HALF_TO_FULL = str.maketrans({"(": "（", ")": "）"})

# Import limits, one place. The text fields that imports fill share MAX_CELL_CHARS, Excel's
# own limit for a cell: anything longer was not made by a spreadsheet program.
MAX_FILE_BYTES = 50 * 1024 * 1024  # 100,000 typical decision rows make about 38 MB
MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024
# Like Apache POI's ZipSecureFile: an entry larger than the grace size may expand at most
# this many times; real sheets compress 5-30 times, a zip bomb about a thousand.
MAX_EXPANSION_RATIO = 100
EXPANSION_GRACE_BYTES = 100 * 1024
MAX_ROWS = 100_000
MAX_CELL_CHARS = 32_767
# For a model TextField that imports fill (its max_length alone binds only forms, not full_clean).
CELL_TEXT = {"max_length": MAX_CELL_CHARS, "validators": [MaxLengthValidator(MAX_CELL_CHARS)]}

ERROR_FORMAT = "只支持 .xlsx 或 .csv 文件。"
ERROR_FILE_TOO_LARGE = "文件大小为 {size}，超过上限 {limit}，请拆分后导入。"
ERROR_NOT_XLSX = "无法读取 Excel 文件：{error}"
ERROR_UNCOMPRESSED_TOO_LARGE = "Excel 文件解压后为 {size}，超过上限 {limit}（可能是压缩炸弹），未读取。"
ERROR_EXPANSION = "Excel 文件中的 {entry} 解压后是压缩大小的 {ratio} 倍，超过 {limit} 倍（可能是压缩炸弹），未读取。"
ERROR_CORRUPT = "Excel 文件已损坏：第 {row} 行之后的内容无法读取（{error}）。请在 Excel 中打开并另存后重新导入。"
ERROR_ENCODING = "CSV 文件编码无法识别，请另存为 UTF-8 或 GBK 编码。"
ERROR_CSV = "第 {row} 行：CSV 格式有误（{error}）。"
ERROR_CSV_FIELD = "第 {row} 行：有一格超过每格 {limit} 个字符的上限。"
ERROR_TOO_MANY_ROWS = "一次最多导入 {limit} 行，请拆分文件。"
ERROR_CELL_TOO_LONG = "第 {row} 行 {column} 列：内容有 {length} 个字符，超过每格 {limit} 个字符的上限。"
ERROR_CELL_NUL = "第 {row} 行 {column} 列：含有空字符（NUL），请删除后重新导入。"

# The audit log's account name for an import run on the server without naming an account.
COMMAND_LINE = "命令行"

# Cells that Excel, LibreOffice or WPS would evaluate (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_GUARD = "'"
GUARDED = re.compile("'*[" + re.escape("".join(FORMULA_TRIGGERS)) + "]")


class ImportRejected(Exception):
    """The file was not imported; ``errors`` names every bad row and why, in Chinese."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


def normalise_header(cell: object) -> str:
    """Headers compare without spaces or line breaks, with full-width brackets."""
    return re.sub(r"\s+", "", str(cell or "")).translate(HALF_TO_FULL)


def is_blank(cell: object) -> bool:
    return cell is None or str(cell).strip() == ""


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


# Writing ---------------------------------------------------------------------------------


def neutralise(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe.

    So does one that already starts with apostrophes before such a character, so that
    ``unneutralise`` gives back exactly what was exported, whatever the text.
    """
    if isinstance(value, str) and GUARDED.match(value):
        return FORMULA_GUARD + value
    return value


def unneutralise(value: Any) -> Any:
    """Undo ``neutralise`` on import, so that an export imports back unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_GUARD) and GUARDED.match(value):
        return value[1:]
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [neutralise(value) for value in row]


class SafeCsvWriter:
    """csv.writer whose every cell goes through ``neutralise``."""

    def __init__(self, target: Any) -> None:
        self._writer = csv.writer(target)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow(safe_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def xlsx_append(sheet: Any, row: Iterable[Any]) -> None:
    """Append a row to an openpyxl sheet; text starting with '=' is never stored as a formula."""
    sheet.append(safe_row(row))


# Reading ---------------------------------------------------------------------------------


def file_size_error(size: int) -> str | None:
    if size > MAX_FILE_BYTES:
        return ERROR_FILE_TOO_LARGE.format(size=megabytes(size), limit=megabytes(MAX_FILE_BYTES))
    return None


def validate_upload_size(upload: Any) -> None:
    """For an upload form's file field: refuse a large file before it is read into memory."""
    message = file_size_error(upload.size)
    if message:
        raise ValidationError(message)


def read_rows(name: str, content: bytes) -> Iterator[list[object]]:
    """The first sheet's rows (xlsx) or the file's rows (csv: UTF-8 or GBK, as Excel saves it).

    Raises ImportRejected, possibly while iterating: consumers write nothing until the end.
    """
    suffix = Path(name).suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ImportRejected([ERROR_FORMAT])
    too_large = file_size_error(len(content))
    if too_large:
        raise ImportRejected([too_large])
    raw = xlsx_rows(content) if suffix == ".xlsx" else csv_rows(content)
    return checked_rows(raw)


def checked_rows(rows: Iterator[list[object]]) -> Iterator[list[object]]:
    filled = 0
    for number, row in enumerate(rows, start=1):
        for index, cell in enumerate(row):
            if isinstance(cell, str):
                check_cell(cell, number, index)
        if not all(is_blank(cell) for cell in row):
            filled += 1
            if filled > MAX_ROWS:
                raise ImportRejected([ERROR_TOO_MANY_ROWS.format(limit=MAX_ROWS)])
        yield [unneutralise(cell) for cell in row]


def check_cell(text: str, row: int, index: int) -> None:
    column = get_column_letter(index + 1)
    if "\x00" in text:
        raise ImportRejected([ERROR_CELL_NUL.format(row=row, column=column)])
    if len(text) > MAX_CELL_CHARS:
        raise ImportRejected(
            [ERROR_CELL_TOO_LONG.format(row=row, column=column, length=len(text), limit=MAX_CELL_CHARS)]
        )


def check_archive(content: bytes) -> None:
    """Refuse a zip bomb from its central directory, before anything is decompressed.

    The declared sizes can be trusted as bounds: Python's zipfile stops at an entry's declared
    size (and then fails its CRC check), so no entry expands beyond what is checked here.
    """
    try:
        entries = zipfile.ZipFile(io.BytesIO(content)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise ImportRejected([ERROR_NOT_XLSX.format(error=error)]) from None
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ImportRejected(
            [ERROR_UNCOMPRESSED_TOO_LARGE.format(size=megabytes(total), limit=megabytes(MAX_UNCOMPRESSED_BYTES))]
        )
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > EXPANSION_GRACE_BYTES and ratio > MAX_EXPANSION_RATIO:
            raise ImportRejected(
                [ERROR_EXPANSION.format(entry=entry.filename, ratio=int(ratio), limit=MAX_EXPANSION_RATIO)]
            )


def xlsx_rows(content: bytes) -> Iterator[list[object]]:
    from openpyxl import load_workbook

    check_archive(content)
    try:
        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise ImportRejected([ERROR_NOT_XLSX.format(error=error)]) from None
    # A stale <dimension> would cut rows and columns off silently: read what the sheet holds.
    sheet.reset_dimensions()
    rows = sheet.iter_rows(values_only=True)
    number = 0
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception as error:  # the sheet's XML is parsed lazily, row by row
            raise ImportRejected([ERROR_CORRUPT.format(row=number, error=error)]) from None
        number += 1
        yield list(row)


def csv_rows(content: bytes) -> Iterator[list[object]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportRejected([ERROR_ENCODING])
    reader = csv.reader(io.StringIO(text))
    number = 0
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            # csv's own field limit (128 KiB) is above MAX_CELL_CHARS: such a cell is too long anyway.
            too_long = "field larger than field limit" in str(error)
            message = ERROR_CSV_FIELD.format(row=number, limit=MAX_CELL_CHARS) if too_long else None
            raise ImportRejected([message or ERROR_CSV.format(row=number, error=error)]) from None
        yield list(row)
