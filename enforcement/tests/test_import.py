"""Bulk import: every row or none, every bad row named with its number and reason."""

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from enforcement.demo import credit_code
from enforcement.importer import ImportRejected, decisions_import
from enforcement.models import Decision, DecisionStatus
from enforcement.tests.factories import make_decision

pytestmark = pytest.mark.django_db

HEADER = [
    "类型", "行政相对人名称", "行政相对人类别", "统一社会信用代码", "行政处罚决定书文号", "处罚类别",
    "罚款金额(万元)", "处罚决定日期", "行政许可决定文书号", "许可类别", "许可内容", "许可决定日期", "有效期至",
]  # fmt: skip
GOOD_CODE = credit_code("91410423MA44X1234")
BAD_CODE = GOOD_CODE[:17] + ("0" if GOOD_CODE[17] != "0" else "1")


def penalty_row(number: str, **overrides: object) -> list[object]:
    row = dict(zip(HEADER, ["行政处罚", "鲁山县甲公司", "法人及非法人组织", GOOD_CODE, number, "警告、罚款", "0.5",
                            "2025-10-09", "", "", "", "", ""], strict=True))  # fmt: skip
    row.update(overrides)
    return list(row.values())


def licence_row(number: str) -> list[object]:
    return ["行政许可", "鲁山县乙公司", "法人", GOOD_CODE, "", "", "", "", number, "普通", "食品经营",
            date(2025, 10, 10), "2099-12-31"]  # fmt: skip


def xlsx(rows: list[list[object]], header: list[str] = HEADER) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list[object]], encoding: str = "utf-8-sig") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def test_a_good_file_imports_licences_and_penalties_published(unit_a, editor_a):
    content = xlsx([penalty_row("罚1号"), licence_row("许1号")])
    result = decisions_import(unit=unit_a, name="d.xlsx", content=content, by=editor_a)
    assert (result.created, result.published) == (2, 2)
    licence = Decision.objects.get(decision_number="许1号")
    assert licence.kind == "licence" and licence.licence_category == "ordinary" and licence.valid_to.year == 2099
    penalty = Decision.objects.get(decision_number="罚1号")
    assert penalty.status == DecisionStatus.PUBLISHED and penalty.first_published_at is not None
    assert penalty.publication_due == date(2025, 10, 17)  # Saturday 11 October was a working day
    assert penalty.history.count() == 1


def test_draft_import_publishes_nothing(unit_a):
    decisions_import(unit=unit_a, name="d.csv", content=csv_bytes([penalty_row("罚2号")]), publish=False)
    assert Decision.objects.get().status == DecisionStatus.DRAFT


def test_a_gbk_csv_from_excel_is_read(unit_a):
    content = csv_bytes([penalty_row("罚3号")], encoding="gb18030")
    decisions_import(unit=unit_a, name="d.csv", content=content, publish=False)
    assert Decision.objects.get().party_name == "鲁山县甲公司"


def test_bad_rows_import_nothing_and_each_is_named(unit_a):
    make_decision(unit_a, decision_number="已存在1号")
    rows = [
        penalty_row("好1号"),
        penalty_row("坏2号", 处罚类别="打屁股"),
        penalty_row("坏3号", 统一社会信用代码=BAD_CODE),
        penalty_row("坏4号", 处罚决定日期="2025-12-01"),
        penalty_row("坏5号", **{"罚款金额(万元)": "五千"}),
        penalty_row("好1号"),
        penalty_row("已存在1号"),
    ]
    with pytest.raises(ImportRejected) as rejected:
        decisions_import(unit=unit_a, name="d.xlsx", content=xlsx(rows))
    errors = rejected.value.errors
    assert Decision.objects.count() == 1
    assert len(errors) == 6
    assert errors[0].startswith("第 3 行") and "打屁股" in errors[0]
    assert errors[1].startswith("第 4 行") and "统一社会信用代码" in errors[1]
    assert errors[2].startswith("第 5 行") and "不能晚于今天" in errors[2]
    assert errors[3].startswith("第 6 行") and "不是数字" in errors[3]
    assert errors[4].startswith("第 7 行") and "与第 2 行重复" in errors[4]
    assert errors[5].startswith("第 8 行") and "已存在" in errors[5]


def test_unknown_columns_and_wrong_file_types_are_refused(unit_a):
    with pytest.raises(ImportRejected, match="无法识别的列名：身高"):
        decisions_import(unit=unit_a, name="d.xlsx", content=xlsx([], header=["行政相对人名称", "身高"]))
    with pytest.raises(ImportRejected, match="只支持"):
        decisions_import(unit=unit_a, name="d.pdf", content=b"%PDF")
    with pytest.raises(ImportRejected, match="无法读取"):
        decisions_import(unit=unit_a, name="d.xlsx", content=b"not a zip")


def test_the_command_imports_and_reports_bad_rows(unit_a, editor_a, tmp_path: Path):
    good = tmp_path / "good.xlsx"
    good.write_bytes(xlsx([penalty_row("命令1号")]))
    out = io.StringIO()
    call_command("import_enforcement", str(good), "--unit", unit_a.code, "--by", editor_a.username, stdout=out)
    assert "已导入 1 条" in out.getvalue()
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([penalty_row("命令2号", 处罚类别="打屁股")]))
    with pytest.raises(CommandError, match="第 2 行"):
        call_command("import_enforcement", str(bad), "--unit", unit_a.code)
    with pytest.raises(CommandError, match="没有代码"):
        call_command("import_enforcement", str(good), "--unit", "nowhere")


def test_admin_import_only_into_own_unit(client, editor_a, unit_a, unit_b):
    client.force_login(editor_a)
    url = reverse("admin:enforcement_decision_import")
    upload = io.BytesIO(xlsx([penalty_row("后台1号")]))
    upload.name = "d.xlsx"
    refused = client.post(url, {"unit": unit_b.pk, "file": upload})
    assert refused.status_code == 200 and not Decision.objects.exists()
    upload.seek(0)
    accepted = client.post(url, {"unit": unit_a.pk, "file": upload})
    assert accepted.status_code == 302
    assert Decision.objects.get().unit == unit_a


def test_admin_import_shows_every_bad_row(client, editor_a, unit_a):
    client.force_login(editor_a)
    upload = io.BytesIO(xlsx([penalty_row("x1", 处罚类别="打屁股"), penalty_row("x2", 统一社会信用代码=BAD_CODE)]))
    upload.name = "d.xlsx"
    page = client.post(reverse("admin:enforcement_decision_import"), {"unit": unit_a.pk, "file": upload})
    html = page.content.decode()
    assert "文件未导入" in html and "第 2 行" in html and "第 3 行" in html
