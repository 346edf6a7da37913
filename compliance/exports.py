"""Tables as CSV, xlsx or JSON downloads: the dashboard's matrix and drill-downs."""

import io
import json

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from lushan_portal.spreadsheets import SafeCsvWriter, xlsx_append

FORMATS = ("csv", "xlsx", "json")


def table_response(table: list[list[str]], fmt: str, filename: str) -> HttpResponse:
    if fmt == "xlsx":
        book = Workbook()
        sheet = book.active
        for row in table:
            xlsx_append(sheet, row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        buffer = io.BytesIO()
        book.save(buffer)
        response = HttpResponse(
            buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    elif fmt == "json":
        header, *rows = table
        body = json.dumps([dict(zip(header, row, strict=True)) for row in rows], ensure_ascii=False, indent=1)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        buffer = io.StringIO()
        SafeCsvWriter(buffer).writerows(table)
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
