"""The summary above the matrix: overdue now and where, this week's change, the months, on the page."""

import re
from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from compliance.models import Alert
from compliance.scans import deadlines_scan_all
from compliance.summary import TOP_UNITS, overdue_summary
from compliance.tests.factories import COUNTY_CLOCK
from conftest import make_unit
from decisions.deadlines import CLOSE_REMINDER, SHORT_WINDOW
from enforcement.deadlines import PUBLICATION_OVERDUE as ENFORCEMENT_LATE
from enforcement.services import decision_publish
from enforcement.tests.factories import make_decision
from organizations.models import Unit
from publication_review.testing import reviewed
from workdays.rules import MISSING_HOLIDAY_DATA

pytestmark = pytest.mark.django_db

CATALOG_LATE = "catalog.publication_overdue"
ENFORCEMENT_TITLE = "执法决定逾期未公开（许可、处罚7个工作日，强制20个工作日）"
_ids = iter(range(9001, 99999))


@pytest.fixture(autouse=True)
def late_2025():
    with time_machine.travel("2025-12-20 10:00 +0800", tick=False):
        yield


def at(day: date, hour: int = 1, minute: int = 30) -> datetime:
    """An instant on the county's clock (the scan runs at 01:30)."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=COUNTY_CLOCK)


def alert(
    unit: Unit | None, rule_code: str, raised: datetime, resolved: datetime | None = None, due: date | None = None
) -> Alert:
    return Alert.objects.create(
        rule_code=rule_code,
        unit=unit,
        content_type=ContentType.objects.get_for_model(Unit),
        object_id=next(_ids),
        due_date=due,
        raised_at=raised,
        resolved_at=resolved,
    )


def test_overdue_now_counts_missed_deadlines_of_units_only(unit_a, unit_b):
    alert(unit_a, ENFORCEMENT_LATE, at(date(2025, 11, 20)), due=date(2025, 11, 19))
    alert(unit_a, ENFORCEMENT_LATE, at(date(2025, 12, 2)), due=date(2025, 12, 1))
    alert(unit_a, CATALOG_LATE, at(date(2025, 10, 9)), due=date(2025, 10, 8))
    alert(unit_a, ENFORCEMENT_LATE, at(date(2025, 9, 1)), resolved=at(date(2025, 9, 9)))  # put right
    # Reminders and flags are not deadlines missed; the calendar's alert is about no unit.
    alert(unit_b, CLOSE_REMINDER, at(date(2025, 12, 19)), due=date(2025, 12, 22))
    alert(unit_b, SHORT_WINDOW, at(date(2025, 12, 1)), due=date(2025, 11, 20))
    alert(None, MISSING_HOLIDAY_DATA, at(date(2025, 12, 1)))

    summary = overdue_summary(None)

    assert (summary.overdue, summary.units) == (3, 1)
    (top,) = summary.top
    assert (top.name, top.count, top.earliest_due) == ("鲁山县民政局", 3, date(2025, 10, 8))
    assert [(r.title, r.count) for r in top.rules] == [
        (ENFORCEMENT_TITLE, 2),
        ("信息形成后逾期未公开（按目录事项公开时限）", 1),
    ]


def test_the_ten_units_with_most_overdue_items_most_first():
    units = [make_unit(f"unit-{n:02d}", f"单位{n:02d}") for n in range(12)]
    for n, unit in enumerate(units):
        for _k in range(n // 2 + 1):  # 1, 1, 2, 2, … 6, 6
            alert(unit, ENFORCEMENT_LATE, at(date(2025, 12, 1)))
    summary = overdue_summary(None)
    assert summary.units == 12 and len(summary.top) == TOP_UNITS == 10
    # Ties keep the units' own order (sort order, then code).
    assert [u.name for u in summary.top] == [f"单位{n:02d}" for n in (10, 11, 8, 9, 6, 7, 4, 5, 2, 3)]
    assert [u.count for u in summary.top] == [6, 6, 5, 5, 4, 4, 3, 3, 2, 2]


def test_what_changed_in_the_last_seven_days(unit_a):
    now = timezone.now()
    alert(unit_a, ENFORCEMENT_LATE, now - timedelta(days=2))  # new this week, open
    alert(unit_a, ENFORCEMENT_LATE, now - timedelta(days=6, hours=23))  # new this week, open
    alert(unit_a, ENFORCEMENT_LATE, now - timedelta(days=40), resolved=now - timedelta(days=1))  # put right
    alert(unit_a, ENFORCEMENT_LATE, now - timedelta(days=40), resolved=now - timedelta(days=8))  # before the week
    alert(unit_a, ENFORCEMENT_LATE, now - timedelta(days=7, hours=1))  # open since before the week
    summary = overdue_summary(None)
    assert (summary.raised_this_week, summary.resolved_this_week, summary.net_this_week) == (2, 1, 1)
    assert (summary.overdue, summary.overdue_a_week_ago) == (3, 2)


def test_months_count_what_was_open_at_each_month_end(unit_a):
    alert(unit_a, ENFORCEMENT_LATE, at(date(2025, 3, 5)), resolved=at(date(2025, 5, 10)))
    alert(unit_a, ENFORCEMENT_LATE, at(date(2025, 4, 20)))
    alert(unit_a, ENFORCEMENT_LATE, at(date(2025, 5, 31), 23, 50))  # still May on the county's clock
    alert(unit_a, ENFORCEMENT_LATE, at(date(2025, 6, 1), 0, 10))  # June
    alert(unit_a, CLOSE_REMINDER, at(date(2025, 6, 15)))  # a reminder: not counted
    summary = overdue_summary(None)
    assert [p.month.label for p in summary.months] == [f"2025年{m}月" for m in range(1, 13)]
    # Before the first alert the scans recorded there is no figure, not a zero.
    assert [p.count for p in summary.months] == [None, None, 1, 2, 2, 3, 3, 3, 3, 3, 3, 3]
    assert [p.partial for p in summary.months] == [False] * 11 + [True]
    assert summary.months[-1].count == summary.overdue


def test_a_year_boundary_and_no_history_at_all():
    with time_machine.travel("2026-02-03 10:00 +0800", tick=False):
        summary = overdue_summary(None)
    assert [p.month.label for p in summary.months][:2] == ["2025年3月", "2025年4月"]
    assert summary.months[-1].month.label == "2026年2月"
    assert [p.count for p in summary.months] == [None] * 11 + [0]  # today is known: nothing open


def test_staff_see_only_their_units(unit_a, unit_b):
    alert(unit_a, ENFORCEMENT_LATE, at(date(2025, 12, 1)))
    alert(unit_b, ENFORCEMENT_LATE, at(date(2025, 12, 1)))
    alert(unit_b, ENFORCEMENT_LATE, at(date(2025, 12, 18)))
    summary = overdue_summary([unit_a.pk])
    assert (summary.overdue, summary.units, summary.raised_this_week) == (1, 1, 0)
    assert [u.name for u in summary.top] == ["鲁山县民政局"]
    assert summary.months[-1].count == 1


def test_two_queries_whatever_the_number_of_units_and_alerts(django_assert_max_num_queries):
    units = [make_unit(f"unit-{n:02d}", f"单位{n:02d}") for n in range(3)]
    alert(units[0], ENFORCEMENT_LATE, at(date(2025, 6, 1)))
    with django_assert_max_num_queries(2):
        overdue_summary(None)
    units += [make_unit(f"more-{n:02d}", f"更多{n:02d}") for n in range(40)]
    for n, unit in enumerate(units):
        for month in range(1, 13):
            alert(unit, ENFORCEMENT_LATE if n % 2 else CATALOG_LATE, at(date(2025, month, 3)), due=date(2025, month, 2))
    with django_assert_max_num_queries(2):
        summary = overdue_summary(None)
    assert summary.overdue == 43 * 12 + 1 and summary.units == 43


def test_the_scan_raises_what_the_summary_counts_and_resolves_it(unit_a):
    late = make_decision(unit_a, decision_date=date(2025, 12, 1))
    with time_machine.travel("2025-12-19 01:30 +0800", tick=False):
        deadlines_scan_all()
    assert overdue_summary(None).overdue == 1
    decision_publish(decision=reviewed(late))
    deadlines_scan_all()
    summary = overdue_summary(None)
    assert (summary.overdue, summary.raised_this_week, summary.resolved_this_week) == (0, 1, 1)
    assert summary.months[-2].count is None and summary.months[-1].count == 0


def test_the_page_shows_the_summary_and_links_each_unit_to_its_alerts(client, supervisor, unit_a, unit_b):
    alert(unit_a, ENFORCEMENT_LATE, at(date(2025, 11, 20)), due=date(2025, 11, 19))
    alert(unit_a, CATALOG_LATE, at(date(2025, 12, 18)), due=date(2025, 12, 17))
    alert(unit_b, ENFORCEMENT_LATE, at(date(2025, 12, 2)), resolved=at(date(2025, 12, 16)))
    client.force_login(supervisor)
    html = client.get(reverse("compliance:dashboard")).content.decode()
    text = re.sub(r"<[^>]+>", "", html)
    assert "2 项期限已逾期" in text and "涉及 1 个单位" in text
    assert "新增 1 项，解除 1 项" in text and "与一周前持平" in text
    # The chart names itself for screen readers; the same numbers are in a table.
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart"' in html and 'role="img"' in html
    assert '<title id="overdue-trend-title">最近12个月逾期事项数（月末）</title>' in html
    assert re.search(r"2025年11月</th><td>1</td>", html) and re.search(r"2025年10月</th><td>无记录</td>", html)
    assert re.search(r"2025年12月（截至今日）</th><td>2</td>", html)

    link = re.search(r'<a href="([^"]+)">鲁山县民政局</a>', html).group(1).replace("&amp;", "&")
    listing = client.get(link)
    assert listing.status_code == 200
    assert listing.context["cl"].result_count == 2  # the unit's open alerts, and nothing else
    rule_link = re.search(rf'<a href="([^"]+)">{re.escape(ENFORCEMENT_TITLE)}</a>', html).group(1)
    assert client.get(rule_link.replace("&amp;", "&")).context["cl"].result_count == 1


def test_staff_see_their_units_summary(client, editor_a, unit_a, unit_b):
    alert(unit_a, ENFORCEMENT_LATE, at(date(2025, 12, 1)))
    alert(unit_b, ENFORCEMENT_LATE, at(date(2025, 12, 1)))
    client.force_login(editor_a)
    html = client.get(reverse("compliance:dashboard")).content.decode()
    assert "本单位逾期概况" in html and "鲁山县教育体育局" not in html
    assert re.search(r"<strong class=\"figure\">1</strong> 项期限已逾期", html)


def test_an_empty_county_says_nothing_is_overdue(client, supervisor, unit_a):
    client.force_login(supervisor)
    html = client.get(reverse("compliance:dashboard")).content.decode()
    assert "目前没有逾期未办的事项。" in html and "与一周前持平" in html
