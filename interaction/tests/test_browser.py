"""A citizen writes to the county head's mailbox and follows the letter with its number and query
code, in real Chromium; axe-core clean. (The database is not read while Playwright runs.)"""

import pytest
from django.core.cache import cache

from conftest import axe_violations
from interaction.mailbox_intake import LETTER_RATE, STATUS_RATE
from interaction.mailbox_setup import mailboxes_seed
from lushan_portal.ratelimit import rate_key
from organizations.seed import seed_units

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def mailboxes(transactional_db) -> None:
    seed_units()
    mailboxes_seed()
    for name in (LETTER_RATE, STATUS_RATE):
        cache.delete(rate_key(name, "127.0.0.1"))


def test_write_to_the_county_head_then_follow_the_letter(live_server, mailboxes, page):
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="政民互动").click()
    page.wait_for_url("**/letters/")
    page.get_by_role("link", name="县长信箱").click()
    page.wait_for_url("**/letters/county-head/")
    assert page.get_by_role("heading", name="个人信息告知").is_visible()
    assert page.get_by_role("heading", name="办理情况统计").is_visible()
    assert axe_violations(page) == []
    # 信访 is not taken here: the page names the statutory channel and nothing is stored.
    page.get_by_role("radio", name="信访（请通过法定渠道提出）").check()
    page.get_by_role("button", name="提交留言").click()
    assert page.get_by_text("“信访”事项请通过法定渠道提出").is_visible()
    page.get_by_role("radio", name="建议", exact=True).check()
    page.get_by_role("textbox", name="标题").fill("建议在老城区增设夜间临时停车位")
    page.get_by_role("textbox", name="留言内容").fill("人民路一带晚上停车很难，建议机关院内停车场夜间开放。")
    page.get_by_role("textbox", name="姓名（不公开）").fill("王建军")
    page.get_by_role("textbox", name="联系电话或电子邮箱（不公开）").fill("13803751234")
    page.get_by_role("checkbox", name="同意在本信箱页面公开").check()
    page.get_by_role("checkbox", name="我已阅读个人信息告知").check()
    page.get_by_role("button", name="提交留言").click()
    page.wait_for_url("**/letters/received/")
    reference = page.locator("#reference").inner_text()
    code = page.locator("#query-code").inner_text()
    assert reference.startswith("LY") and len(code) == 10
    assert axe_violations(page) == []

    page.get_by_role("link", name="查询办理进度").click()
    page.get_by_role("textbox", name="留言编号").fill(reference)
    page.get_by_label("查询码").fill("WRONGCODE2")
    page.get_by_role("button", name="查询").click()
    assert page.get_by_text("没有找到与该留言编号和查询码相符的留言").is_visible()
    assert "夜间临时停车位" not in page.content()
    page.get_by_role("textbox", name="留言编号").fill(reference)
    page.get_by_label("查询码").fill(code.lower())
    page.get_by_role("button", name="查询").click()
    assert page.locator("#message-state").inner_text() == "待受理"
    assert page.locator("#message-unit").inner_text() == "鲁山县人民政府办公室"
    assert "王建军" not in page.content() and "13803751234" not in page.content()
    assert axe_violations(page) == []
