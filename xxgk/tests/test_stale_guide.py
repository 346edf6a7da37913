"""The stale-指南 alert (Art 53(二); xxgk/rules.py): the 指南 must be updated within 365 calendar days
of the first change to the unit's catalog or office data it does not yet reflect. A change on day D
may be followed up to D + 365 inclusive; the scan raises the alert on D + 366 and resolves it when
an updated 指南 is published. Calendar days: holidays and 调休 do not move the last day."""

from datetime import date

import pytest
import time_machine

from catalog.tests.factories import published_catalog
from compliance.models import Alert
from compliance.registry import rule
from compliance.scans import deadline_rule_scan
from xxgk import rules
from xxgk.deadlines import GUIDE_STALE, stale_guides
from xxgk.services import guide_review, guide_start, guide_submit
from xxgk.tests.factories import published_guide

pytestmark = pytest.mark.django_db


def on(day: str):
    return time_machine.travel(f"{day} 10:00 +0800", tick=False)


@pytest.fixture(autouse=True)
def before_it_all():
    """Units and people exist before the changes the tests make (their history starts here)."""
    with time_machine.travel("2024-06-03 09:00 +0800", tick=False):
        yield


def scan(today: date):
    return deadline_rule_scan(rule=rule(GUIDE_STALE), today=today)


def test_the_rule_in_numbers():
    assert rules.GUIDE_UPDATE_DAYS == 365
    assert rules.guide_update_due(date(2025, 3, 10)) == date(2026, 3, 10)
    assert not rules.is_stale(date(2025, 3, 10), date(2026, 3, 10))
    assert rules.is_stale(date(2025, 3, 10), date(2026, 3, 11))
    # Over 29 February: still 365 calendar days.
    assert rules.guide_update_due(date(2027, 6, 1)) == date(2028, 5, 31)


def test_catalog_change_day_365_is_on_time_day_366_raises_the_alert(unit_a, reviewer_a):
    with on("2025-01-05"):
        published_guide(unit_a, reviewer_a)
    with on("2025-03-10"):
        published_catalog(unit_a, reviewer_a)  # the catalog changes after the 指南
    assert scan(date(2026, 3, 10)).raised == 0  # day 365 (a Tuesday; no holiday moves it)
    assert scan(date(2026, 3, 11)).raised == 1
    alert = Alert.objects.get(rule_code=GUIDE_STALE)
    assert (alert.object_id, alert.unit_id, alert.due_date) == (unit_a.pk, unit_a.pk, date(2026, 3, 10))
    assert scan(date(2026, 3, 12)).raised == 0  # idempotent


def test_the_last_day_on_a_holiday_is_not_moved(unit_a, reviewer_a):
    with on("2024-10-01"):  # National Day: 2025-10-01 is a holiday, still the last day
        published_catalog(unit_a, reviewer_a)
    assert scan(date(2025, 10, 1)).raised == 0
    assert scan(date(2025, 10, 2)).raised == 1


def test_publishing_an_updated_guide_resolves_it(unit_a, editor_a, reviewer_a):
    with on("2025-01-05"):
        published_guide(unit_a, reviewer_a)
    with on("2025-03-10"):
        published_catalog(unit_a, reviewer_a)
    scan(date(2026, 3, 11))
    with on("2026-03-12"):
        guide = guide_submit(guide=guide_start(unit=unit_a, by=editor_a), by=editor_a)
        guide_review(guide=guide, by=reviewer_a, approve=True)
    assert scan(date(2026, 3, 12)).resolved == 1
    assert not Alert.objects.filter(rule_code=GUIDE_STALE, resolved_at=None).exists()


def test_a_guide_published_after_the_change_is_up_to_date(unit_a, reviewer_a):
    with on("2025-03-10"):
        published_catalog(unit_a, reviewer_a)
    with on("2025-03-20"):
        published_guide(unit_a, reviewer_a)
    assert not stale_guides(date(2027, 1, 1)).exists()


def test_no_guide_at_all_counts_from_the_first_change(unit_a, unit_b, reviewer_a):
    with on("2025-03-10"):
        published_catalog(unit_a, reviewer_a)
    assert list(stale_guides(date(2026, 3, 11)).values_list("pk", flat=True)) == [unit_a.pk]  # unit_b: no change


def test_office_data_change_counts_the_same_way(unit_a, unit_b, reviewer_a):
    with on("2025-01-05"):
        published_guide(unit_a, reviewer_a)
        unit_b.phone = "0375-5051111"  # unit_b never had a 指南; its office data change starts the clock
        unit_b.save()
    with on("2025-04-01"):
        unit_a.address = "鲁山县向阳路8号"  # moved after the 指南
        unit_a.save()
        unit_a.short_name = "县民政局"  # not office data: no change of its own
        unit_a.save()
    assert list(stale_guides(date(2026, 1, 5)).values_list("pk", flat=True)) == []
    assert list(stale_guides(date(2026, 1, 6)).values_list("pk", flat=True)) == [unit_b.pk]
    assert set(stale_guides(date(2026, 4, 1)).values_list("pk", flat=True)) == {unit_b.pk}
    assert set(stale_guides(date(2026, 4, 2)).values_list("pk", flat=True)) == {unit_a.pk, unit_b.pk}


def test_the_first_unreflected_change_counts_not_the_latest(unit_a, reviewer_a):
    with on("2025-01-05"):
        published_guide(unit_a, reviewer_a)
    with on("2025-03-10"):
        published_catalog(unit_a, reviewer_a)
    with on("2026-02-01"):
        unit_a.phone = "0375-5052222"
        unit_a.save()
    assert stale_guides(date(2026, 3, 11)).get().guide_due == date(2026, 3, 10)


def test_one_query_whatever_the_number_of_units(unit_a, unit_b, reviewer_a, django_assert_num_queries):
    with on("2025-03-10"):
        published_catalog(unit_a, reviewer_a)
    with django_assert_num_queries(1):
        assert len(list(stale_guides(date(2026, 3, 11)))) == 1
