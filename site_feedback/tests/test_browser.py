"""A citizen reports an error from a page's footer, by keyboard, in real Chromium; axe-core clean."""

import pytest
from django.core.cache import cache

from conftest import axe_violations
from lushan_portal.ratelimit import rate_key
from organizations.seed import seed_units
from site_feedback.services import RATE_NAME

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

IDENTITY = {
    "SITE_ID_CODE": "TEST000001",
    "SITE_ICP_RECORD": "豫ICP备00000000号-1",
    "SITE_PSB_RECORD": "豫公网安备 41000000000001号",
    "SITE_CONAC_ID": "TESTCONAC0001",
}


@pytest.fixture
def units(transactional_db, settings) -> None:
    seed_units()
    for name, value in IDENTITY.items():
        setattr(settings, name, value)
    cache.delete(rate_key(RATE_NAME, "127.0.0.1"))


def test_report_an_error_from_the_footer(live_server, units, page):
    page.goto(live_server.url + "/units/")
    footer = page.get_by_role("contentinfo")
    assert footer.get_by_text("TEST000001").is_visible()
    assert footer.get_by_role("link", name="党政机关网站标识（点击核验）").is_visible()
    assert axe_violations(page) == []
    footer.get_by_role("link", name="我为政府网站找错").click()
    page.wait_for_url("**/feedback/?page=**")
    assert page.get_by_role("textbox", name="出错页面的网址").input_value() == "/units/"
    assert axe_violations(page) == []
    page.get_by_role("textbox", name="问题描述").fill("“公开单位”页没有列出县信访局。")
    page.get_by_role("textbox", name="问题描述").press("Tab")
    page.keyboard.type("13812345678")
    page.keyboard.press("Enter")
    page.wait_for_url("**/feedback/received/")
    status = page.get_by_role("status")
    assert status.get_by_role("heading", level=1).inner_text() == "报告已收到，谢谢您"
    assert "个工作日内）答复" in status.inner_text()
    assert axe_violations(page) == []
    assert "鲁山县人民政府办公室" in status.inner_text()  # routed to the openness office
    assert page.console_errors == []


def test_site_map_in_chromium(live_server, units, page):
    page.goto(live_server.url + "/sitemap/")
    assert page.get_by_role("heading", level=1).inner_text() == "网站地图"
    assert page.get_by_role("link", name="鲁山县下汤镇人民政府").is_visible()
    assert axe_violations(page) == []
    assert page.console_errors == []
