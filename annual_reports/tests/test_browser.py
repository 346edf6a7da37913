"""A published report in real Chromium: accessible (axe-core), and printed to PDF on A4 portrait
with tables 三 and 四 fitting the page width."""

import re

import pytest

from annual_reports import services
from conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def report(table_two, requests_2025, unit_a, editor_a, reviewer_a):
    draft = services.report_start(unit=unit_a, year=2025, by=editor_a)
    draft.overview = "2025年，本局认真贯彻落实《中华人民共和国政府信息公开条例》。" * 6
    draft.problems = "部分信息公开不够及时。"
    draft.save()
    services.report_correction_set(report=draft, cell="t2.licensing", value=5, reason="市平台办理一件", by=editor_a)
    services.report_submit(report=draft, by=editor_a)
    return services.report_review(report=draft, by=reviewer_a, approve=True).get_absolute_url()


def test_the_report_prints_on_a4(live_server, report, page, tmp_path):
    page.goto(live_server.url + report)
    assert page.get_by_role("heading", level=1).inner_text() == "鲁山县民政局2025年政府信息公开工作年度报告"
    assert page.get_by_role("table", name="收到和处理政府信息公开申请情况").is_visible()
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    overflow = page.evaluate(
        """() => {
            const width = document.querySelector('.annual-report').clientWidth + 1;
            return [...document.querySelectorAll('.report-table')]
                .filter(t => t.getBoundingClientRect().width > width).length;
        }"""
    )
    assert overflow == 0
    assert not page.get_by_role("link", name="下载表格（Excel）").is_visible()  # no downloads on paper
    pdf = page.pdf(path=str(tmp_path / "report.pdf"), prefer_css_page_size=True, print_background=False)
    assert pdf.startswith(b"%PDF")
    sizes = set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf))
    assert sizes and all(abs(float(w) - 595.3) < 2 and abs(float(h) - 841.9) < 2 for w, h in sizes)  # A4 portrait
    assert 1 <= len(re.findall(rb"/Type /Page\b", pdf)) <= 6
    assert page.console_errors == []


def test_the_lists_are_accessible(live_server, report, page):
    page.goto(live_server.url + "/units/civil-affairs/ndbg/")
    page.get_by_role("link", name="鲁山县民政局2025年政府信息公开工作年度报告").click()
    page.wait_for_url("**/ndbg/2025/")
    page.goto(live_server.url + "/units/civil-affairs/ndbg/")
    assert axe_violations(page) == []
    page.goto(live_server.url + "/xxgk/ndbg/")
    assert page.get_by_role("heading", level=1).is_visible()
    assert axe_violations(page) == []
    assert page.console_errors == []
