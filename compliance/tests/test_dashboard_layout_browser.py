"""In real Chromium at 1366 × 768: the summary above the matrix, the score column in view, a sticky header."""

import os
from pathlib import Path

import pytest
import time_machine

from compliance.tests.factories import overdue_history
from conftest import axe_violations
from organizations.models import Unit
from organizations.seed import seed_units

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH, HEIGHT = 1366, 768


@pytest.fixture(autouse=True)
def late_2025():
    with time_machine.travel("2025-12-20 10:00 +0800", tick=False):
        yield


@pytest.fixture
def county(transactional_db, supervisor):
    """The county's seed units (about sixty); thirty of them with overdue decisions since July."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    seed_units()
    overdue_history(list(Unit.objects.order_by("sort_order")[:30]))
    return TOTPDevice.objects.create(user=supervisor, name="手机", confirmed=True)


def log_in(page, live_server, device) -> None:
    from django_otp.oath import totp

    page.goto(f"{live_server.url}/dashboard/")
    page.get_by_label("用户名").fill("supervisor")
    page.get_by_label("密码").fill("pw-Test-2026")
    page.get_by_role("button", name="登录").click()
    page.get_by_label("验证码（6位）或备用恢复码").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="验证").click()
    page.wait_for_url("**/dashboard/")


def test_dashboard_at_1366_shows_the_score_and_keeps_the_header(live_server, county, page, tmp_path):
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    log_in(page, live_server, county)
    shots = Path(os.environ.get("DASHBOARD_SHOTS", tmp_path))
    page.screenshot(path=shots / "dashboard-1366.png")
    page.screenshot(path=shots / "dashboard-1366-full.png", full_page=True)

    # The summary says how much is late, where, and links each unit to its alerts.
    summary = page.get_by_role("region", name="全县逾期概况")
    assert "项期限已逾期" in summary.inner_text()
    assert summary.get_by_role("img", name="最近12个月逾期事项数（月末）").is_visible()
    assert len(summary.locator("table.top-units tbody tr").all()) == 10

    # No horizontal scrolling anywhere, and the score column lies within the screen.
    matrix = page.get_by_role("region", name="督查矩阵")
    matrix.scroll_into_view_if_needed()
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    assert matrix.evaluate("box => box.scrollLeft") == 0
    score_header = matrix.get_by_role("columnheader", name="综合得分")
    first_row = matrix.get_by_role("row").filter(has_text="县政府办")
    score_cell = first_row.locator("td.score-col")
    for element in (score_header, score_cell):
        box = element.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTH
    page.screenshot(path=shots / "dashboard-1366-matrix.png")

    # Scrolling down through the units keeps the header row in view, above the rows.
    page.evaluate("document.querySelector('.matrix-scroll').scrollIntoView()")
    header_before = score_header.bounding_box()
    box = matrix.bounding_box()
    page.mouse.move(box["x"] + 300, box["y"] + 300)
    page.mouse.wheel(0, 1500)
    for _attempt in range(50):  # the wheel scrolls smoothly; wait_for_function would need eval (CSP)
        if matrix.evaluate("box => box.scrollTop") > 600:
            break
        page.wait_for_timeout(50)
    header_after = score_header.bounding_box()
    assert 0 <= header_after["y"] < HEIGHT and abs(header_after["y"] - header_before["y"]) < 60
    assert first_row.bounding_box()["y"] < header_after["y"]  # the row went up behind the header
    last_unit = matrix.get_by_role("rowheader").last
    page.screenshot(path=shots / "dashboard-1366-scrolled.png")
    assert last_unit.is_visible()

    assert axe_violations(page) == []
