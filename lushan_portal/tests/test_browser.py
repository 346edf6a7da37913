"""The home page in real Chromium: heading, navigation, no console errors, axe-core clean."""

import pytest

from conftest import axe_violations
from organizations.seed import seed_units

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def units(transactional_db) -> None:
    seed_units()


def test_home_page_in_chromium(live_server, units, page):
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "鲁山县政务公开平台"
    nav = page.get_by_role("navigation", name="主导航")
    assert nav.get_by_role("link", name="公开单位").is_visible()
    assert page.get_by_role("searchbox", name="站内搜索").is_visible()
    assert page.get_by_role("button", name="【打印】").is_visible()
    violations = axe_violations(page)
    assert violations == [], [(v["id"], v["help"]) for v in violations]
    assert page.console_errors == []


def test_search_by_keyboard(live_server, units, page):
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox", name="站内搜索").fill("下汤")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.get_by_role("link", name="鲁山县下汤镇人民政府").is_visible()
    assert axe_violations(page) == []
    assert page.console_errors == []


def test_api_docs_render_under_the_strict_policy(live_server, units, page):
    """Swagger UI loads its init script from /api/docs/?script: no inline script, no CSP report."""
    response = page.goto(live_server.url + "/api/docs/")
    policy = response.headers["content-security-policy"]
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    page.get_by_text("GET", exact=True).first.wait_for()
    assert page.locator(".opblock-summary-path", has_text="/api/units/").first.is_visible()
    assert page.get_by_role("heading", name="鲁山县政务公开平台数据接口").is_visible()
    assert page.get_by_role("heading", name="公开单位").is_visible()  # the groups are Chinese
    assert page.console_errors == []


def test_the_api_guide_in_chromium(live_server, units, page):
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="数据接口").click()
    page.wait_for_url("**/api/")
    assert page.locator("h1").inner_text() == "数据接口"
    assert page.get_by_role("heading", name="执法公示").is_visible()
    page.get_by_role("link", name="交互式接口文档").click()
    page.wait_for_url("**/api/docs/")
    page.go_back()
    violations = axe_violations(page)
    assert violations == [], [(v["id"], v["help"]) for v in violations]
    assert page.console_errors == []
