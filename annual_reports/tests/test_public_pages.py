"""The public pages: lists, the report in the national layout with its notes, past versions, the
xlsx, 未提供 shown for cells without a provider, the page cache bumped on publish, query counts."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from annual_reports import services

pytestmark = pytest.mark.django_db

SECTIONS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)


def publish(unit, editor, reviewer, **corrections) -> object:
    report = services.report_start(unit=unit, year=2025, by=editor)
    report.overview = "2025年，本局坚持以公开为常态……"
    report.problems = "主动公开的及时性有待提高。"
    report.save()
    for cell, (value, reason) in corrections.items():
        services.report_correction_set(report=report, cell=cell, value=value, reason=reason, by=editor)
    services.report_submit(report=report, by=editor)
    return services.report_review(report=report, by=reviewer, approve=True)


def test_the_report_page_in_the_national_layout(
    client, table_two, requests_2025, unit_a, editor_a, reviewer_a, django_assert_max_num_queries
):
    correction = {"t2.licensing": (5, "一件许可决定在市平台办理，本平台未登记")}
    report = publish(unit_a, editor_a, reviewer_a, **correction)
    with django_assert_max_num_queries(6):
        response = client.get("/units/civil-affairs/ndbg/2025/")
    assert response.status_code == 200
    page = response.content.decode()
    for heading in SECTIONS:
        assert heading in page
    assert "（三）不予公开" in page and "1.属于国家秘密" in page and "（七）总计" in page
    assert "部分公开（区分处理的，只计这一情形，不计其他情形）" in page
    assert "不适用" in page  # 规章
    assert "表二“行政许可”·本年处理决定数量：更正为 5。" in page
    assert "理由：一件许可决定在市平台办理，本平台未登记" in page
    assert "本年度共收取信息处理费 1 笔，合计 120.50 元。" in page
    assert "未填报" in page  # 行政事业性收费 not entered: never 0
    assert report.title in page
    listing = client.get("/units/civil-affairs/ndbg/").content.decode()
    assert report.get_absolute_url() in listing


def test_cells_without_a_provider_read_unavailable(client, requests_2025, unit_a, editor_a, reviewer_a, no_table_two):
    publish(unit_a, editor_a, reviewer_a)
    page = client.get("/units/civil-affairs/ndbg/2025/").content.decode()
    assert page.count("未提供") == 9  # 规章 ×3, 行政规范性文件 ×3, 许可, 处罚, 强制


def test_with_the_apps_installed_table_two_counts_and_regulations_read_not_applicable(
    client, requests_2025, unit_a, editor_a, reviewer_a
):
    publish(unit_a, editor_a, reviewer_a)
    page = client.get("/units/civil-affairs/ndbg/2025/").content.decode()
    assert "未提供" not in page
    assert page.count("不适用") >= 3  # 规章: the county makes none


def test_drafts_are_not_public_and_publishing_refreshes_the_cached_list(client, unit_a, editor_a, reviewer_a):
    assert "尚未发布" in client.get("/units/civil-affairs/ndbg/").content.decode()
    report = services.report_start(unit=unit_a, year=2025, by=editor_a)
    assert client.get("/units/civil-affairs/ndbg/2025/").status_code == 404
    client.get("/units/civil-affairs/ndbg/")
    assert client.get("/units/civil-affairs/ndbg/").headers["X-Page-Cache"] == "hit"
    report.overview = "……"
    report.save()
    services.report_submit(report=report, by=editor_a)
    services.report_review(report=report, by=reviewer_a, approve=True)
    response = client.get("/units/civil-affairs/ndbg/")
    assert response.headers["X-Page-Cache"] == "miss"
    assert "2025年政府信息公开工作年度报告" in response.content.decode()


def test_past_versions_stay_readable(client, table_two, unit_a, editor_a, reviewer_a):
    first = publish(unit_a, editor_a, reviewer_a)
    second = services.report_new_version(report=first, by=editor_a)
    second.change_note = "更正许可决定数。"
    second.save()
    services.report_correction_set(report=second, cell="t2.licensing", value=6, reason="补登", by=editor_a)
    services.report_submit(report=second, by=editor_a)
    services.report_review(report=second, by=reviewer_a, approve=True)
    current = client.get("/units/civil-affairs/ndbg/2025/").content.decode()
    assert "更正说明（第2版）" in current and "表二“行政许可”·本年处理决定数量：4 → 6" in current
    assert "?version=1" in current
    old = client.get("/units/civil-affairs/ndbg/2025/?version=1").content.decode()
    assert "已于" in old and "被更正版本取代" in old


def test_the_tables_as_xlsx(client, table_two, requests_2025, unit_a, editor_a, reviewer_a):
    publish(unit_a, editor_a, reviewer_a, **{"t2.penalty": (10, "补登一件")})
    response = client.get("/units/civil-affairs/ndbg/2025/tables.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["表二 主动公开", "表三 依申请公开", "表四 复议诉讼"]
    rows = [[cell for cell in row if cell is not None] for row in book["表三 依申请公开"].iter_rows(values_only=True)]
    assert ["一、本年新收政府信息公开申请数量", "1", "0", "1", "0", "1", "1", "4"] in rows
    two = [[cell for cell in row if cell is not None] for row in book["表二 主动公开"].iter_rows(values_only=True)]
    assert ["行政处罚", "10（注1）"] in two
    assert any(row and str(row[0]).startswith("注1：表二“行政处罚”") for row in two)


def test_the_county_list_and_report(client, table_two, requests_2025, office, office_editor, office_reviewer):
    report = services.report_start(unit=office, year=2025, is_county=True, by=office_editor)
    report.overview = "全县……"
    report.save()
    services.report_submit(report=report, by=office_editor)
    services.report_review(report=report, by=office_reviewer, approve=True)
    listing = client.get("/xxgk/ndbg/").content.decode()
    assert "鲁山县人民政府政府信息公开工作年度报告" in listing
    assert "/xxgk/ndbg/2025/" in listing
    page = client.get("/xxgk/ndbg/2025/")
    assert page.status_code == 200 and "鲁山县人民政府2025年政府信息公开工作年度报告" in page.content.decode()
    assert client.get("/xxgk/ndbg/2025/tables.xlsx").status_code == 200
    assert client.get("/xxgk/ndbg/2024/").status_code == 404


def test_the_lists_take_a_fixed_number_of_queries(client, unit_a, editor_a, reviewer_a, django_assert_max_num_queries):
    publish(unit_a, editor_a, reviewer_a)
    with django_assert_max_num_queries(3):
        assert client.get("/units/civil-affairs/ndbg/").status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get("/xxgk/ndbg/").status_code == 200
    assert client.get("/units/no-such-unit/ndbg/").status_code == 404
