"""The home page's newest lists: what they show, in which order, and a fixed number of queries."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from catalog.tests.factories import published_catalog, published_publication
from decisions.models import MajorDecision
from decisions.selectors import consultations_open_then_closed, open_consultations
from decisions.tests.factories import consultation
from enforcement.models import Decision
from enforcement.tests.factories import make_decision
from interpretation.tests.factories import published_document, published_interpretation
from organizations.models import Role
from organizations.seed import seed_units
from organizations.services import membership_grant

pytestmark = pytest.mark.django_db

TODAY = date(2025, 10, 20)


@pytest.fixture(autouse=True)
def october_2025():
    with time_machine.travel("2025-10-20 10:00 +0800", tick=False):
        yield


@pytest.fixture
def lead_reviewer(django_user_model, unit_a):
    from catalog.seed import seed_domains

    seed_domains()
    user = django_user_model.objects.create_user("lead-reviewer")
    membership_grant(user=user, unit=unit_a, role=Role.REVIEWER)
    return user


def fill_sections(unit, reviewer, count: int) -> None:
    item = published_catalog(unit, reviewer).items.first()
    document = published_document(unit)
    for n in range(count):
        make_decision(unit, publish=True, decision_number=f"鲁首页罚{n}号")
        published_publication(item, title=f"首页公开信息{n}", formed_on=TODAY)
        published_interpretation(document, published_on=TODAY - timedelta(days=n), title=f"首页解读{n}")
        consultation(unit, title=f"首页征求意见{n}", opens_on=TODAY, closes_on=TODAY + timedelta(days=30 + n))


@pytest.mark.parametrize("count", [1, 12])
def test_home_lists_take_the_same_queries_for_one_row_or_many(
    client, unit_a, lead_reviewer, count, django_assert_max_num_queries
):
    seed_units()
    fill_sections(unit_a, lead_reviewer, count)
    # units, domains with counts, newest publications, decisions, interpretations, open consultations
    with django_assert_max_num_queries(6):
        html = client.get("/").content.decode()
    last = count - 1
    assert f"首页公开信息{last}" in html and f"鲁首页罚{last}号" in html
    assert "首页解读0" in html and "首页征求意见0" in html  # newest date; closing soonest


def test_home_shows_the_decisions_made_public_last_not_the_latest_decided(client, unit_a):
    published_at = datetime(2025, 10, 1, 9, tzinfo=timezone.get_current_timezone())
    for n in range(7):
        decision = make_decision(unit_a, publish=True, decision_number=f"鲁顺序罚{n}号")
        # n=0 was decided last but made public first; n=6 was made public last.
        Decision.objects.filter(pk=decision.pk).update(
            first_published_at=published_at + timedelta(hours=n), decision_date=date(2025, 9, 30) - timedelta(days=n)
        )
    make_decision(unit_a, decision_number="鲁顺序罚草稿")
    make_decision(unit_a, publish=True, decision_number="鲁顺序罚未成年", party_is_minor=True)
    html = client.get("/").content.decode()
    shown = [f"鲁顺序罚{n}号" for n in range(7) if f"鲁顺序罚{n}号" in html]
    assert shown == ["鲁顺序罚2号", "鲁顺序罚3号", "鲁顺序罚4号", "鲁顺序罚5号", "鲁顺序罚6号"]
    assert html.index("鲁顺序罚6号") < html.index("鲁顺序罚2号")
    assert "草稿" not in html and "未成年" not in html


def test_open_consultations_are_the_open_half_of_the_consultations_page(unit_a):
    windows = {
        "closes today": (TODAY - timedelta(days=30), TODAY),
        "closed yesterday": (TODAY - timedelta(days=31), TODAY - timedelta(days=1)),
        "opens today": (TODAY, TODAY + timedelta(days=30)),
        "opens tomorrow": (TODAY + timedelta(days=1), TODAY + timedelta(days=31)),
    }
    for title, (opens_on, closes_on) in windows.items():
        consultation(unit_a, title=title, opens_on=opens_on, closes_on=closes_on)
    secret = consultation(unit_a, title="classified", opens_on=TODAY, closes_on=TODAY + timedelta(days=30))
    MajorDecision.objects.filter(pk=secret.pk).update(classified=True)  # dates kept: only the flag excludes it
    consultation(
        unit_a, title="after the fact", opens_on=TODAY, closes_on=TODAY + timedelta(days=30), entered_after_fact=True
    )
    open_now, _closed = consultations_open_then_closed()
    assert [d.title for d in open_consultations()] == [d.title for d in open_now] == ["closes today", "opens today"]
    with time_machine.travel("2025-10-20 23:59:59 +0800", tick=False):
        assert [d.title for d in open_consultations()] == ["closes today", "opens today"]
    with time_machine.travel("2025-10-21 00:00 +0800", tick=False):
        assert [d.title for d in open_consultations()] == ["opens today", "opens tomorrow"]


def test_a_page_cache_miss_reuses_the_sections_until_what_they_show_changes(
    client, unit_a, lead_reviewer, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0  # every view renders the page afresh
    seed_units()
    fill_sections(unit_a, lead_reviewer, 1)
    client.get("/")
    with django_assert_max_num_queries(0):  # the sections' HTML is kept in this process
        assert "鲁首页罚0号" in client.get("/").content.decode()
    make_decision(unit_a, publish=True, decision_number="鲁首页新罚号")
    published_interpretation(published_document(unit_a, title="首页新文件"), title="首页新解读", published_on=TODAY)
    html = client.get("/").content.decode()
    assert "鲁首页新罚号" in html and "首页新解读" in html
