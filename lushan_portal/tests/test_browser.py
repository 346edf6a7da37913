"""The home page in real Chromium: heading, navigation, no console errors, axe-core clean."""

import pytest

from conftest import AXE_PATH
from organizations.seed import seed_units

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Flags for Debian's Chromium on these machines (see the env notes): no sandbox as root,
# and no background traffic to hosts the closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture
def units(transactional_db) -> None:
    seed_units()


@pytest.fixture
def page(chromium_path):
    """A Chromium page. Request data fixtures before this one: while Playwright runs, this
    thread switches greenlets, and ORM calls made then would open stray connections."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="zh-CN")
        page = context.new_page()
        page.console_errors = []
        page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
        page.on("pageerror", lambda error: page.console_errors.append(str(error)))
        yield page
        browser.close()


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE_PATH))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in BLOCKING_IMPACTS]


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
