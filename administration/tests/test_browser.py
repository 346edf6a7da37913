"""Guides, tasks and rectifications in real Chromium: reached by keyboard, axe-core clean, and a
guide printed to PDF on exactly one A4 page with its QR code, the site's navigation left out."""

import re

import pytest
import time_machine

from administration.models import LifeEvent
from administration.tests.factories import published_guide, published_rectification, published_task
from conftest import axe_violations, describe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def guide_url(unit_a) -> str:
    theme = LifeEvent.objects.create(code="hardship", name="困难帮扶", audience="person")
    guide = published_guide(unit_a)  # five materials, five steps: a real guide's length
    guide.themes.add(theme)
    with time_machine.travel("2025-08-15 10:00 +0800", tick=False):
        published_task(unit_a)
        published_rectification(unit_a)
    return guide.get_absolute_url()


def test_a_guide_is_found_by_theme_and_prints_on_one_a4_page(live_server, guide_url, page, tmp_path):
    page.goto(live_server.url + "/guides/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="困难帮扶").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/guides/?theme=hardship")
    page.get_by_role("link", name="最低生活保障审核确认").click()
    page.wait_for_url("**" + guide_url)
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
    assert page.get_by_role("img", name="本指南网页的二维码").is_visible()
    page.emulate_media(media="print")
    assert not page.get_by_role("navigation", name="主导航").is_visible()
    pdf = page.pdf(path=str(tmp_path / "guide.pdf"), prefer_css_page_size=True, print_background=False)
    sizes = set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf))
    assert sizes and all(abs(float(w) - 595.3) < 2 and abs(float(h) - 841.9) < 2 for w, h in sizes)  # A4 portrait
    assert len(re.findall(rb"/Type /Page\b", pdf)) == 1
    assert page.console_errors == []


def test_the_tasks_and_rectification_pages_are_accessible(live_server, guide_url, page):
    for path in ("/tasks/2025/", "/rectifications/"):
        page.goto(live_server.url + path)
        assert page.get_by_role("heading", level=1).is_visible()
        violations = axe_violations(page)
        assert violations == [], describe_violations(violations)
    assert page.console_errors == []
