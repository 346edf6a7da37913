"""In real Chromium: a supervisor sees an overdue enforcement decision on the matrix and clicks through to it."""

from datetime import date

import pytest
import time_machine

from conftest import axe_violations
from enforcement.tests.factories import make_decision

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def late_2025():
    with time_machine.travel("2025-12-20 10:00 +0800", tick=False):
        yield


@pytest.fixture
def data(transactional_db, unit_a, supervisor):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    supervisor.set_password("pw-Test-2026")
    supervisor.save()
    make_decision(unit_a, decision_date=date(2025, 12, 1), decision_number="鲁逾期罚〔2025〕1号")
    return TOTPDevice.objects.create(user=supervisor, name="手机", confirmed=True)


def test_supervisor_clicks_from_matrix_to_the_overdue_decision(live_server, data, page):
    page.goto(f"{live_server.url}/dashboard/")
    page.get_by_label("用户名").fill("supervisor")
    page.get_by_label("密码").fill("pw-Test-2026")
    page.get_by_role("button", name="登录").click()
    # A supervisor needs the second factor: the code from the authenticator app.
    from django_otp.oath import totp

    page.get_by_label("验证码（6位）或备用恢复码").fill(f"{totp(data.bin_key):06d}")
    page.get_by_role("button", name="验证").click()
    page.wait_for_url("**/dashboard/")
    row = page.get_by_role("row").filter(has_text="鲁山县民政局")
    row.get_by_role("link", name="1", exact=True).click()  # the on-time cell "0%（0/1）" links too
    assert page.locator("h1").inner_text() == "鲁山县民政局：执法决定当前逾期未公开"
    assert axe_violations(page) == []
    page.get_by_role("link", name="在管理后台打开").click()
    page.get_by_text("鲁逾期罚〔2025〕1号").first.wait_for()
    assert "/admin/enforcement/decision/" in page.url
