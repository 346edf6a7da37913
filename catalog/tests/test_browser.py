"""A citizen in real Chromium: domain → unit column → item → publication, then a search."""

from datetime import date

import pytest

from catalog.tests.factories import published_catalog, published_publication
from conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def data(transactional_db, township, lead_reviewer) -> None:
    catalog = published_catalog(township, lead_reviewer)
    approval = catalog.items.get(level1="最低生活保障", level2="审批信息")
    published_publication(
        approval, title="下汤镇2025年9月低保对象名单", body="低保对象名单如下。", formed_on=date(2025, 10, 9)
    )


def test_browse_from_domain_to_publication_and_search(live_server, data, page):
    page.goto(live_server.url + "/catalog/")
    page.get_by_role("link", name="社会救助").click()
    page.get_by_role("link", name="标准目录（第1版）").click()
    assert page.locator("h1").inner_text() == "鲁山县下汤镇人民政府社会救助领域基层政务公开标准目录"
    assert axe_violations(page) == []
    page.get_by_role("link", name="审批信息").first.click()
    assert page.locator("h1").inner_text() == "最低生活保障 › 审批信息"
    page.get_by_role("link", name="下汤镇2025年9月低保对象名单").click()
    assert page.locator("h1").inner_text() == "下汤镇2025年9月低保对象名单"
    assert axe_violations(page) == []

    page.get_by_role("searchbox", name="站内搜索").fill("低保")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.get_by_role("link", name="下汤镇2025年9月低保对象名单（下汤镇，2025-10-20）").is_visible()
    assert page.locator("mark").first.inner_text() == "低保"
    assert axe_violations(page) == []
    assert page.console_errors == []
