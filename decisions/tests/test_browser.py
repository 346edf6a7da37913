"""In real Chromium: a citizen comments, a moderator approves it, the citizen sees it without the contact."""

import pytest
from django.core.cache import cache

from conftest import axe_violations
from decisions.services import _rate_key
from decisions.tests.factories import consultation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONTACT = "13912345678"


@pytest.fixture
def data(transactional_db, unit_a, editor_a):
    # The live server's client is always 127.0.0.1: earlier runs' comments must not count against it.
    cache.delete(_rate_key("127.0.0.1"))
    editor_a.set_password("pw-Test-2026")
    editor_a.save()
    return consultation(unit_a)


def test_comment_moderate_and_see_it(live_server, data, page):
    page.goto(f"{live_server.url}/consultations/{data.pk}/")
    assert axe_violations(page) == []
    page.get_by_label("您的意见").fill("建议为老旧小区加装电梯。")
    page.get_by_label("联系方式（选填，不公开）").fill(CONTACT)
    page.get_by_role("button", name="提交意见").click()
    confirmation = page.get_by_role("status")
    assert "审核后将在本页公开" in confirmation.inner_text() and page.url.endswith("#submitted")
    assert confirmation.is_visible() and page.get_by_role("button", name="提交意见").count() == 0

    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("用户名").fill("editor-a")
    page.get_by_label("密码").fill("pw-Test-2026")
    page.get_by_role("button", name="登录").click()
    page.goto(f"{live_server.url}/admin/decisions/comment/")
    page.get_by_role("link", name="建议为老旧小区加装电梯。").click()
    page.get_by_text(CONTACT).wait_for()  # the unit sees the contact
    page.get_by_label("审核状态").select_option("approved")
    with page.expect_navigation():
        page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_load_state("networkidle")  # the change list's scripts, before the cookies go

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/consultations/{data.pk}/")
    assert "建议为老旧小区加装电梯。" in page.locator("#comments").inner_text()
    assert CONTACT not in page.content()
    assert page.console_errors == []
