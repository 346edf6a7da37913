"""In real Chromium: a supervisor opens 网站自查 from the dashboard, reads the verdict and a unit's
list, with no accessibility violation."""

from datetime import date

import pytest
import time_machine

from conftest import axe_violations
from inspection.services import inspection_run
from lushan_portal.site_inspection import ColumnKind, SiteColumn, register_columns

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("registry_only_fakes"),
]


@pytest.fixture
def data(transactional_db, unit_a, supervisor):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    supervisor.set_password("pw-Test-2026")
    supervisor.save()
    register_columns(
        "fake",
        lambda: [SiteColumn("col-a", "鲁山县民政局 · 社会救助", "/units/civil-affairs/social-assistance/",
                            ColumnKind.OTHER, None, unit_id=unit_a.pk, admin_url="/admin/catalog/catalog/")],
    )  # fmt: skip
    with time_machine.travel("2026-10-15 10:00 +0800", tick=False):
        inspection_run(today=date(2026, 10, 15))
    return TOTPDevice.objects.create(user=supervisor, name="手机", confirmed=True)


def test_supervisor_reads_the_verdict_and_a_units_findings(live_server, data, page):
    from django_otp.oath import totp

    page.goto(f"{live_server.url}/dashboard/")
    page.get_by_label("用户名").fill("supervisor")
    page.get_by_label("密码").fill("pw-Test-2026")
    page.get_by_role("button", name="登录").click()
    page.get_by_label("验证码（6位）或备用恢复码").fill(f"{totp(data.bin_key):06d}")
    page.get_by_role("button", name="验证").click()
    page.wait_for_url("**/dashboard/")
    page.get_by_role("link", name="网站自查", exact=False).first.click()
    page.wait_for_url("**/dashboard/inspection/")
    assert page.locator(".verdict strong").inner_text() == "不合格"
    page.get_by_role("link", name="鲁山县民政局").click()
    page.get_by_role("heading", name="鲁山县民政局问题清单").wait_for()
    assert page.get_by_role("link", name="在管理后台整改").get_attribute("href") == "/admin/catalog/catalog/"
    assert axe_violations(page) == []
