"""A citizen in real Chromium: search by credit code, open the decision, download the CSV."""

from pathlib import Path

import pytest

from conftest import axe_violations
from enforcement.demo import credit_code
from enforcement.services import decision_publish
from enforcement.tests.factories import PLANTED_NAME, make_decision, make_natural_person_decision
from publication_review.testing import reviewed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CODE = credit_code("91410423MA46Q8765")


@pytest.fixture
def published(transactional_db, unit_a) -> None:
    make_decision(
        unit_a, publish=True, decision_number="鲁浏览罚1号", party_name="鲁山县浏览器测试公司", credit_code=CODE
    )
    make_decision(unit_a, publish=True, decision_number="鲁浏览罚2号")
    decision_publish(decision=reviewed(make_natural_person_decision(unit_a, decision_number="鲁浏览罚3号")))


def test_search_open_and_download(live_server, published, page, tmp_path: Path):
    page.goto(live_server.url + "/enforcement/")
    page.get_by_label("当事人名称、统一社会信用代码或决定文书号").fill(CODE)
    page.get_by_role("button", name="查询").click()
    results = page.get_by_role("table").get_by_role("link")
    assert results.count() == 1
    results.first.click()
    assert "鲁山县浏览器测试公司" in page.locator("h1").inner_text()
    assert page.get_by_role("row", name=f"统一社会信用代码 {CODE}").is_visible()
    assert axe_violations(page) == []

    page.go_back()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="下载查询结果（CSV）").click()
    saved = tmp_path / "result.csv"
    download_info.value.save_as(saved)
    text = saved.read_text(encoding="utf-8-sig")
    assert "鲁浏览罚1号" in text and "鲁浏览罚2号" not in text

    page.goto(live_server.url + "/enforcement/")
    assert "欧阳**" in page.content() and PLANTED_NAME not in page.content()
    assert axe_violations(page) == []
    assert page.console_errors == []
