"""A citizen applies online with an identity image and follows the application with its number
and query code, in real Chromium; axe-core clean. (The database is not read while Playwright runs:
the stored, encrypted image is checked in test_services.)"""

import pytest
from django.core.cache import cache

from conftest import axe_violations
from disclosure_requests.intake import APPLY_RATE, STATUS_RATE
from disclosure_requests.tests.factories import PNG
from lushan_portal.ratelimit import rate_key
from organizations.seed import seed_units

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def units(transactional_db) -> None:
    seed_units()
    for name in (APPLY_RATE, STATUS_RATE):
        cache.delete(rate_key(name, "127.0.0.1"))


def test_apply_online_with_an_image_then_follow_it(live_server, units, page, tmp_path):
    image = tmp_path / "身份证.png"
    image.write_bytes(PNG)
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="依申请公开").click()
    page.wait_for_url("**/requests/apply/")
    assert page.get_by_role("heading", name="个人信息告知").is_visible()
    assert axe_violations(page) == []
    page.get_by_label("向哪个机关申请").select_option(label="鲁山县民政局")
    page.get_by_role("radio", name="自然人").check()
    page.get_by_role("textbox", name="申请人姓名或名称").fill("王秀兰")
    page.get_by_label("证件类型").select_option(label="居民身份证")
    page.get_by_role("textbox", name="证件号码").fill("11010519491231002X")
    page.get_by_label("身份证件图片").set_input_files(str(image))
    page.get_by_role("textbox", name="联系电话").fill("13912345678")
    page.get_by_role("textbox", name="通信地址").fill("鲁山县鲁阳街道人民路18号")
    page.get_by_role("textbox", name="所需政府信息的名称或内容描述").fill("本村2025年城乡低保对象名单")
    page.get_by_role("radio", name="纸质").check()
    page.get_by_role("radio", name="邮寄").check()
    # Submitting without consent names the missing tick, and nothing is saved.
    page.get_by_role("button", name="提交申请").click()
    assert page.get_by_text("请阅读个人信息告知并勾选同意后提交。").is_visible()
    page.get_by_label("身份证件图片").set_input_files(str(image))  # a file input is not kept across a post
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_url("**/requests/apply/received/")
    reference = page.locator("#reference").inner_text()
    code = page.locator("#query-code").inner_text()
    assert axe_violations(page) == []
    assert reference.startswith("SQ") and len(code) == 10

    page.get_by_role("link", name="查询办理进度").click()
    page.get_by_role("textbox", name="申请编号").fill(reference)
    page.get_by_label("查询码").fill("WRONG-CODE")
    page.get_by_role("button", name="查询").click()
    assert page.get_by_text("没有找到与该申请编号和查询码相符的申请").is_visible()
    assert "低保对象名单" not in page.content()
    page.get_by_role("textbox", name="申请编号").fill(reference)
    page.get_by_label("查询码").fill(code.lower())
    page.get_by_role("button", name="查询").click()
    assert page.locator("#request-state").inner_text() == "办理中"
    due = page.locator("#request-due").inner_text()
    assert f"答复期限 {due}" in page.content()  # the explanation ends with the same date
    assert "自次日起算 20 个工作日" in page.content()
    assert axe_violations(page) == []
    # Only the refused form (400) and the unmatched code (404) were answered with an error status.
    expected = ("status of 400 (Bad Request)", "status of 404 (Not Found)")
    assert [error for error in page.console_errors if not error.endswith(expected)] == []
