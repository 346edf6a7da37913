"""The unit profile and the power-list pages in real Chromium: axe-core clean, the diff form used
by keyboard, the search form labelled."""

from datetime import date

import pytest
import time_machine

from administration.models import InternalBody, Leader, UnitProfile
from administration.profiles_services import profile_publish
from administration.tests.power_factories import ADDED, CHANGED, adjust, item, review
from conftest import axe_violations, describe_violations
from organizations.models import Role, Unit
from organizations.seed import seed_units
from organizations.services import membership_grant

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def lists(transactional_db, django_user_model) -> None:
    with time_machine.travel("2026-03-10 10:00 +0800", tick=False):
        seed_units()
        civil = Unit.objects.get(code="civil-affairs")
        reviewer = django_user_model.objects.create_user("civil-reviewer")
        membership_grant(user=reviewer, unit=civil, role=Role.REVIEWER)
        profile = UnitProfile.objects.create(
            unit=civil, effective_on=date(2026, 1, 1), functions="拟订全县民政事业发展规划。"
        )
        InternalBody.objects.create(profile=profile, name="社会救助股", duties="负责城乡低保。")
        Leader.objects.create(profile=profile, name="李建国", post="局长", duties="主持全面工作。")
        review(profile, reviewer)
        profile_publish(profile=profile)
        adjust(civil, reviewer, date(2025, 1, 6), [(ADDED, item("XK-001", "社会团体登记", sub_items="成立\n注销"))])
        adjust(civil, reviewer, date(2025, 6, 2), [(CHANGED, item("XK-001", "社会团体登记", basis="新依据"))])


def test_the_pages_are_clean_and_the_diff_is_reached_by_keyboard(live_server, lists, page):
    base = live_server.url
    failures = []
    for path in ("/units/civil-affairs/", "/units/civil-affairs/powers/", "/powers/", "/powers/?q=登记"):
        page.goto(base + path)
        if found := axe_violations(page):
            failures.append(f"{path}\n{describe_violations(found)}")
    page.goto(base + "/units/civil-affairs/powers/")
    page.get_by_label("起始日期").fill("2025-03-01")
    page.get_by_label("截止日期").fill("2025-12-31")
    page.get_by_label("截止日期").press("Enter")
    page.wait_for_url("**from=2025-03-01**")
    assert "变更" in page.locator("ul.diff").inner_text()
    if found := axe_violations(page):
        failures.append(f"diff\n{describe_violations(found)}")
    page.goto(base + "/units/civil-affairs/powers/?from=2025-13-01&to=2025-12-31")
    assert "不是有效日期" in page.get_by_role("alert").inner_text()
    assert not failures, "\n\n".join(failures)
