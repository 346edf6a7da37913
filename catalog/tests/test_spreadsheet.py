"""Import of real county files and export in the national layout; all rows or none."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from catalog.models import Catalog, CatalogStatus
from catalog.spreadsheet import HEADER, catalog_items_from_file
from catalog.tests.factories import published_catalog
from lushan_portal.spreadsheets import ImportRejected

pytestmark = pytest.mark.django_db


def xlsx(rows: list[list[object]], merges: list[str] = ()) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


NATIONAL = [
    HEADER,
    ["1", "最低生活保障", "政策文件", "法规、规章", "《社会救助暂行办法》", "信息形成或者变更之日起20个工作日内",
     "县民政局", "政府网站、公开查阅点", "全社会", "主动", "县级、乡级"],
    ["", "", "审批信息", "低保对象名单", "", "制定或获取信息之日起10个工作日内", "县民政局", "政府网站",
     "特定群体", "主动、依申请", "乡级"],
]  # fmt: skip


def test_the_national_layout_imports_with_carried_down_groups():
    items = catalog_items_from_file("c.xlsx", xlsx(NATIONAL)).items
    assert [(i.group_number, i.level1, i.level2) for i in items] == [
        ("1", "最低生活保障", "政策文件"),
        ("1", "最低生活保障", "审批信息"),
    ]
    second = items[1]
    assert [(c["unit"], c["days"]) for c in second.time_limits] == [("working_days", 10)]
    assert second.audience_specific and not second.audience_public
    assert second.mode_proactive and second.mode_on_request
    assert second.level_township and not second.level_county


def test_a_real_county_file_with_title_two_row_header_ticks_boxes_and_aliases():
    rows = [
        ["下汤镇社会救助领域基层政务公开标准目录"],
        ["序号", "公开事项", None, "公开内容(要素)", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
         "公开对象", None, "公开方式", None, "五公开"],
        [None, "一级事项", "二级事项", None, None, None, None, None, "全社会", "特定群众", "主动", "依申请公开", None],
        ["1", "特困人员\n救助供养", "办事指南", "申请条件\n办理流程", "《社会救助暂行办法》", "实时公开", "下汤镇",
         "■政府网站 □政府公报 ■公开查阅点", "√", None, "√", None, "服务公开"],
        [None, None, "审批信息", "特困人员名单", None, "批准后20日内", "下汤镇", "■便民服务站",
         None, "√", "√", "√", None],
    ]  # fmt: skip
    items = catalog_items_from_file("c.xlsx", xlsx(rows, merges=["A4:A5", "B4:B5"])).items
    first, second = items
    assert first.level1 == second.level1 == "特困人员\n救助供养"
    assert first.channels == "政府网站、公开查阅点"
    assert [(c["unit"], c["days"]) for c in first.time_limits] == [("continuous", None)]
    assert [(c["unit"], c["days"]) for c in second.time_limits] == [("calendar_days", 20)]
    assert second.audience_specific and not second.audience_public and second.mode_on_request
    assert first.pending_fields == ["公开层级"]  # no 公开层级 column: 待补充, not the unit's own level


def test_three_bad_rows_in_different_columns_import_nothing_and_are_named(unit_a, lead_reviewer):
    rows = [
        HEADER,
        ["1", "最低生活保障", "政策文件", "", "", "尽快", "", "", "全社会", "主动", "县级"],
        ["2", "临时救助", "审批信息", "", "", "", "", "", "全世界", "主动", "县级"],
        ["3", "特困人员", "办事指南", "", "", "", "", "", "全社会", "主动", "省级"],
        ["4", "特困人员", "审批信息", "", "", "", "", "", "全社会", "主动", "县级"],
    ]
    with pytest.raises(ImportRejected) as rejected:
        catalog_items_from_file("c.xlsx", xlsx(rows))
    errors = rejected.value.errors
    assert len(errors) == 3
    assert errors[0].startswith("第 2 行") and "F2" in errors[0] and "尽快" in errors[0]
    assert errors[1].startswith("第 3 行") and "I3" in errors[1] and "全世界" in errors[1]
    assert errors[2].startswith("第 4 行") and "K4" in errors[2] and "省级" in errors[2]


def test_unknown_header_and_missing_header_are_named():
    with pytest.raises(ImportRejected, match="无法识别的列：身高"):
        catalog_items_from_file("c.xlsx", xlsx([[*HEADER, "身高"]]))
    with pytest.raises(ImportRejected, match="找不到表头"):
        catalog_items_from_file("c.xlsx", xlsx([["甲", "乙"]]))


def test_export_then_import_gives_the_same_items(client, unit_a, lead_reviewer):
    catalog = published_catalog(unit_a, lead_reviewer)
    url = reverse("catalog:unit_domain_export", args=[unit_a.code, "social-assistance", "xlsx"])
    exported = client.get(url)
    assert exported["Content-Type"].startswith("application/vnd.openxmlformats")
    assert [c.value for c in load_workbook(io.BytesIO(exported.content)).active[1]] == HEADER
    again = catalog_items_from_file("x.xlsx", exported.content).items
    fields = ["group_number", "level1", "level2", "content", "time_limit_text", "time_limits", "channels",
              "audience_public", "audience_specific", "mode_proactive", "mode_on_request", "level_county",
              "level_township"]  # fmt: skip
    original = [[getattr(i, f) or "" for f in fields] for i in catalog.items.all()]
    assert [[getattr(i, f) or "" for f in fields] for i in again] == original
    csv_text = client.get(url.replace(".xlsx", ".csv")).content.decode("utf-8-sig")
    assert csv_text.splitlines()[0] == ",".join(HEADER)
    assert client.get(url.replace(".xlsx", ".pdf")).status_code == 404


def test_the_command_imports_into_a_draft_and_refuses_bad_files(unit_a, tmp_path: Path):
    good = tmp_path / "good.xlsx"
    good.write_bytes(xlsx(NATIONAL))
    out = io.StringIO()
    call_command("import_catalog", str(good), "--unit", unit_a.code, "--domain", "social-assistance", stdout=out)
    assert "已导入 2 个事项" in out.getvalue()
    draft = Catalog.objects.get()
    assert draft.status == CatalogStatus.DRAFT and draft.items.count() == 2
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(xlsx([HEADER, ["1", "低保", "", "", "", "马上", "", "", "全社会", "主动", "县级"]]))
    with pytest.raises(CommandError, match="第 2 行"):
        call_command("import_catalog", str(bad), "--unit", unit_a.code, "--domain", "social-assistance")
    assert draft.items.count() == 2
    with pytest.raises(CommandError, match="没有代码"):
        call_command("import_catalog", str(good), "--unit", unit_a.code, "--domain", "nowhere")


def test_admin_import_replaces_a_drafts_items_or_lists_the_errors(client, unit_a, editor_a):
    from catalog.services import catalog_start
    from catalog.tests.factories import domain

    draft = catalog_start(unit=unit_a, domain=domain(), by=editor_a)
    client.force_login(editor_a)
    url = reverse("admin:catalog_catalog_import", args=[draft.pk])
    bad = io.BytesIO(xlsx([HEADER, ["1", "低保", "", "", "", "马上", "", "", "全社会", "主动", "县级"]]))
    bad.name = "bad.xlsx"
    assert "第 2 行" in client.post(url, {"file": bad}).content.decode()
    good = io.BytesIO(xlsx(NATIONAL))
    good.name = "good.xlsx"
    assert client.post(url, {"file": good}).status_code == 302
    assert draft.items.count() == 2
