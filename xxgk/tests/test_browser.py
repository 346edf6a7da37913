"""The 政府信息公开 column in real Chromium: reached from the main navigation and a unit's page, its
five entries by keyboard, axe-core clean; the 指南 prints without the navigation."""

import pytest
import time_machine

from catalog.tests.factories import published_catalog
from conftest import axe_violations, describe_violations
from organizations.models import Role, Unit
from organizations.seed import seed_units
from organizations.services import membership_grant
from xxgk.tests.factories import published_guide

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ENTRIES = ["政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报", "依申请公开"]


@pytest.fixture
def column(transactional_db, django_user_model) -> None:
    with time_machine.travel("2025-10-20 10:00 +0800", tick=False):
        seed_units()
        civil = Unit.objects.get(code="civil-affairs")
        reviewer = django_user_model.objects.create_user("civil-reviewer")
        membership_grant(user=reviewer, unit=civil, role=Role.REVIEWER)
        published_catalog(civil, reviewer)
        published_guide(civil, reviewer, fax="")
        county = Unit.objects.get(code="county-gov")
        county_reviewer = django_user_model.objects.create_user("county-reviewer")
        membership_grant(user=county_reviewer, unit=county, role=Role.REVIEWER)  # only members review
        published_guide(county, county_reviewer)


def test_the_column_from_the_navigation_and_a_unit_page(live_server, column, page):
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="政府信息公开").click()
    page.wait_for_url("**/xxgk/")
    entries = page.get_by_role("navigation", name="政府信息公开栏目").get_by_role("link")
    assert entries.all_inner_texts() == ENTRIES
    assert page.locator("main").get_by_role("heading", level=2).all_inner_texts() == ENTRIES
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
    entries.nth(2).focus()
    page.keyboard.press("Enter")
    assert page.url.endswith("#fdzdgknr")

    page.goto(live_server.url + "/units/civil-affairs/")
    page.get_by_role("link", name="鲁山县民政局政府信息公开").click()
    page.wait_for_url("**/units/civil-affairs/xxgk/")
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
    page.get_by_role("link", name="鲁山县民政局政府信息公开指南").click()
    page.wait_for_url("**/units/civil-affairs/xxgk/zhinan/")
    assert page.get_by_role("heading", level=1).inner_text() == "鲁山县民政局政府信息公开指南"
    assert page.get_by_role("link", name="社会救助").is_visible()
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
    assert page.console_errors == []


def test_the_guide_prints_without_navigation(live_server, column, page):
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.emulate_media(media="print")
    page.goto(live_server.url + "/units/civil-affairs/xxgk/zhinan/")
    for hidden in (".site-nav", ".site-header form", ".print-row"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator("main h1").is_visible() and page.get_by_text("0375-5050000").is_visible()
    page.goto(live_server.url + "/xxgk/")
    assert page.locator(".xxgk-entries").is_hidden() and page.locator(".xxgk-index").is_visible()
