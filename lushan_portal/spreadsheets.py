"""Reading uploaded spreadsheets (xlsx, csv) for the apps' all-or-nothing imports."""

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

HALF_TO_FULL = str.maketrans({"(": "（", ")": "）"})


class ImportRejected(Exception):
    """The file was not imported; ``errors`` names every bad row and why, in Chinese."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


def normalise_header(cell: object) -> str:
    """Headers compare without spaces or line breaks, with full-width brackets."""
    return re.sub(r"\s+", "", str(cell or "")).translate(HALF_TO_FULL)


def read_rows(name: str, content: bytes) -> Iterator[list[object]]:
    """The first sheet's rows (xlsx) or the file's rows (csv: UTF-8 or GBK, as Excel saves it)."""
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
        except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
            raise ImportRejected([f"无法读取 Excel 文件：{error}"]) from None
        yield from (list(row) for row in sheet.iter_rows(values_only=True))
        return
    if suffix == ".csv":
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = content.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ImportRejected(["CSV 文件编码无法识别，请另存为 UTF-8 或 GBK 编码。"])
        yield from csv.reader(io.StringIO(text))
        return
    raise ImportRejected(["只支持 .xlsx 或 .csv 文件。"])


def is_blank(cell: object) -> bool:
    return cell is None or str(cell).strip() == ""
