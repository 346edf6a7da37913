"""Catalog files: formulas defused on export yet imported back unchanged; hostile or over-long
files refused with the cell named, nothing written, audited from the admin and the command alike."""

import csv
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from audit.models import AuditEvent, Event
from catalog.models import Catalog
from catalog.services import catalog_start
from catalog.spreadsheet import ERROR_TOO_LONG, HEADER, catalog_items_from_file
from catalog.tests.factories import domain, item, published_catalog
from catalog.tests.test_spreadsheet import NATIONAL, xlsx
from lushan_portal.spreadsheets import COMMAND_LINE, ERROR_UNCOMPRESSED_TOO_LARGE, MAX_UNCOMPRESSED_BYTES
from lushan_portal.tests.bad_files import zip_bomb

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example/","低保")'
FIELDS = ["group_number", "level1", "level2", "content", "basis", "time_limit_text", "responsible", "channels"]


def formula_items() -> list:
    return [
        item(FORMULA, "+审批信息", content="-申请条件\n-办理流程", basis="@《社会救助暂行办法》", channels="政府网站"),
        item("临时救助", "办事指南", content="'=保留原样的引号", limit="实时公开"),
    ]


def test_exports_defuse_formulas_and_import_back_unchanged(client, unit_a, lead_reviewer):
    catalog = published_catalog(unit_a, lead_reviewer, items=formula_items())
    original = [[getattr(i, f) for f in FIELDS] for i in catalog.items.order_by("position")]
    url = reverse("catalog:unit_domain_export", args=[unit_a.code, "social-assistance", "xlsx"])
    book = client.get(url).content
    cells = list(load_workbook(io.BytesIO(book)).active.iter_rows(min_row=2))
    assert cells[0][1].value == "'" + FORMULA and cells[0][1].data_type == "s"
    assert [cells[0][2].value, cells[0][3].value, cells[0][4].value] == [
        "'+审批信息",
        "'-申请条件\n-办理流程",
        "'@《社会救助暂行办法》",
    ]
    text = client.get(url.replace(".xlsx", ".csv")).content.decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(text.splitlines()[1])))[1] == "'" + FORMULA
    for name, content in (("x.xlsx", book), ("x.csv", text.encode())):
        again = catalog_items_from_file(name, content).items
        assert [[getattr(i, f) for f in FIELDS] for i in again] == original


def test_a_cell_longer_than_its_field_is_named_and_nothing_replaced(client, unit_a, editor_a):
    draft = catalog_start(unit=unit_a, domain=domain(), by=editor_a)
    client.force_login(editor_a)
    url = reverse("admin:catalog_catalog_import", args=[draft.pk])
    good = io.BytesIO(xlsx(NATIONAL))
    good.name = "good.xlsx"
    client.post(url, {"file": good})
    long_name = "最低生活保障" * 34  # 204 characters; the field holds 200
    bad = io.BytesIO(xlsx([HEADER, ["1", long_name, "", "", "", "实时公开", "", "", "全社会", "主动", "县级"]]))
    bad.name = "bad.xlsx"
    page = client.post(url, {"file": bad})
    assert page.status_code == 200
    message = "第 2 行：" + ERROR_TOO_LONG.format(column="一级事项", ref="B2", length=204, limit=200)
    assert message in page.content.decode()
    assert draft.items.count() == 2
    rows = AuditEvent.objects.filter(event=Event.IMPORT).order_by("id").values_list("username", "result", "detail")
    prefix = f"{unit_a.code} social-assistance"
    assert list(rows) == [
        ("editor-a", "success", f"{prefix} good.xlsx：2 个事项"),
        ("editor-a", "failure", f"{prefix} bad.xlsx：未导入（1 处错误）"),
    ]


def test_the_command_refuses_a_zip_bomb_leaves_no_draft_and_audits_like_the_admin(unit_a, tmp_path: Path):
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(zip_bomb(HEADER, mebibytes=512))
    with pytest.raises(CommandError) as refused:
        call_command("import_catalog", str(bomb), "--unit", unit_a.code, "--domain", "social-assistance")
    limit = f"{MAX_UNCOMPRESSED_BYTES >> 20}.0 MB"
    assert ERROR_UNCOMPRESSED_TOO_LARGE.format(size="512.0 MB", limit=limit) in str(refused.value)
    assert not Catalog.objects.exists()
    good = tmp_path / "good.xlsx"
    good.write_bytes(xlsx(NATIONAL))
    where = ["--unit", unit_a.code, "--domain", "social-assistance"]
    call_command("import_catalog", str(good), *where, stdout=io.StringIO())
    assert Catalog.objects.get().items.count() == 2
    rows = AuditEvent.objects.filter(event=Event.IMPORT).order_by("id").values_list("username", "result", "detail")
    prefix = f"{unit_a.code} social-assistance"
    assert list(rows) == [
        (COMMAND_LINE, "failure", f"{prefix} bomb.xlsx：未导入（1 处错误）"),
        (COMMAND_LINE, "success", f"{prefix} good.xlsx：2 个事项"),
    ]
