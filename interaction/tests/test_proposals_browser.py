"""建议提案 and 回应关切 in real Chromium: reached from the main navigation, the year's search by
keyboard, axe-core clean on every page type."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from conftest import axe_violations, describe_violations
from interaction.proposals_services import proposal_publish
from interaction.responses_services import response_publish
from interaction.tests.proposals_factories import make_concern, make_proposal, make_response, replied
from organizations.models import Unit
from organizations.seed import seed_units
from publication_review.testing import reviewed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
COUNTY = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def records(transactional_db) -> dict:
    seed_units()
    civil, water = Unit.objects.get(code="civil-affairs"), Unit.objects.get(code="water")
    public = replied(make_proposal(civil, public_interest=True, title="关于村级卫生室建设的建议"), date(2026, 6, 1))
    proposal_publish(proposal=reviewed(public))
    replied(make_proposal(water, title="关于河道清淤的建议"), date(2026, 7, 15), result="")
    seen = datetime(2026, 10, 3, 22, 0, tzinfo=COUNTY)
    response = make_response(make_concern(civil, seen, topic="城区内涝"), seen + timedelta(hours=3))
    response_publish(response=reviewed(response, unit_field="concern__unit"))
    return {"public": public}


def test_the_pages_from_the_navigation_by_keyboard_and_axe_clean(live_server, records, page):
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="建议提案").click()
    page.wait_for_url("**/proposals/")
    page.get_by_role("link", name="2026年").click()
    page.wait_for_url("**/proposals/2026/")
    search = page.get_by_label("搜索编号、标题、提出人或公开的答复全文")
    search.focus()
    page.keyboard.type("卫生室")
    page.keyboard.press("Enter")
    page.wait_for_url("**/proposals/2026/?q=*")
    assert page.get_by_role("link", name="关于村级卫生室建设的建议").is_visible()
    assert "关于河道清淤的建议" not in page.content()
    failures = []
    for path in (
        "/proposals/",
        "/proposals/2026/",
        f"/proposals/2026/{records['public'].pk}/",
        "/responses/",
    ):
        page.goto(live_server.url + path)
        if found := axe_violations(page):
            failures.append(f"{path}\n{describe_violations(found)}")
    assert not failures, "\n\n".join(failures)
    assert not page.console_errors
