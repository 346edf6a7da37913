"""A power list whose basis was repealed: the alert to the unit at once, with the last day of the
adjustment (20 working days, National Day and 调休 counted by the calendar), and the indicator."""

from datetime import date

import pytest
import time_machine

from administration import rules
from administration.models import PowerItem
from administration.powers_deadlines import BASIS_ENDED, BASIS_UPDATED, updated_on_time
from administration.tests.power_factories import ADDED, CHANGED, REMOVED, adjust, item
from compliance.models import Alert
from compliance.registry import rule
from compliance.scans import deadline_rule_scan
from lushan_portal import legal_documents
from lushan_portal.legal_documents import EndedDocument

pytestmark = pytest.mark.django_db
OLD_RULES = EndedDocument(
    key="test:1",
    title="鲁山县临时救助实施细则",
    number="鲁民〔2018〕6号",
    ended_on=date(2025, 9, 19),
    state="已废止",
    url="/policies/1/",
)


@pytest.fixture
def library(monkeypatch):
    documents = [OLD_RULES]
    monkeypatch.setattr(legal_documents, "_sources", [lambda: list(documents)])
    return documents


def test_the_last_day_counts_twenty_working_days_across_national_day_and_its_makeup_days():
    # From Friday 19 Sep 2025: Sunday 28 Sep and Saturday 11 Oct are 调休 working days, 1-8 Oct holidays.
    # 22-26 Sep (5), 28-30 Sep (8), 9-11 Oct (11), 13-17 Oct (16), 20-23 Oct (20).
    assert rules.basis_update_due(date(2025, 9, 19)) == date(2025, 10, 23)
    assert rules.updated_on_time(date(2025, 9, 19), date(2025, 10, 23))
    assert not rules.updated_on_time(date(2025, 9, 19), date(2025, 10, 24))


def test_an_item_citing_a_repealed_document_raises_an_alert_to_its_unit_until_adjusted(library, unit_a, reviewer_a):
    cited = item("JG-001", "临时救助对象认定", power_type="benefit", basis="《社会救助暂行办法》；鲁民〔2018〕6号")
    adjust(unit_a, reviewer_a, date(2025, 1, 6), [(ADDED, cited), (ADDED, item("XK-001", "登记"))])
    scan = rule(BASIS_ENDED)
    assert scan.notice  # a call to act, not a deadline missed: raised at once
    assert deadline_rule_scan(rule=scan, today=date(2025, 9, 22)).raised == 1
    alert = Alert.objects.get(rule_code=BASIS_ENDED)
    assert (alert.unit_id, alert.object_id, alert.due_date) == (
        unit_a.pk,
        PowerItem.objects.get(code="JG-001").pk,
        date(2025, 10, 23),
    )
    assert deadline_rule_scan(rule=scan, today=date(2025, 9, 23)).raised == 0  # idempotent
    adjust(
        unit_a, reviewer_a, date(2025, 10, 10), [(CHANGED, cited | {"basis": "《社会救助暂行办法》；鲁民〔2025〕9号"})]
    )
    assert deadline_rule_scan(rule=scan, today=date(2025, 10, 10)).resolved == 1


def test_a_document_cited_by_title_and_ended_on_an_unknown_date_is_flagged_without_a_due_date(
    library, unit_a, reviewer_a
):
    library[0] = EndedDocument("test:2", "鲁山县殡葬管理办法", "", None, "已失效", "/policies/2/")
    adjust(
        unit_a,
        reviewer_a,
        date(2025, 1, 6),
        [(ADDED, item("QZ-001", "殡葬检查", basis="《鲁山县殡葬管理办法》第五条"))],
    )
    deadline_rule_scan(rule=rule(BASIS_ENDED), today=date(2025, 9, 22))
    assert Alert.objects.get(rule_code=BASIS_ENDED).due_date is None  # 日期不详, never a made-up day


@pytest.mark.parametrize(
    ("published", "ok", "total"),
    [("2025-10-23 18:00 +0800", 1, 1), ("2025-10-24 09:00 +0800", 0, 1)],
)
def test_the_indicator_counts_an_adjustment_on_the_last_day_on_time_and_the_day_after_late(
    library, unit_a, reviewer_a, published, ok, total
):
    cited = item("JG-001", "临时救助对象认定", basis="鲁民〔2018〕6号第三条")
    adjust(unit_a, reviewer_a, date(2025, 1, 6), [(ADDED, cited)])
    with time_machine.travel(published, tick=False):
        adjust(unit_a, reviewer_a, date(2025, 10, 20), [(REMOVED, {"code": "JG-001"})])
    with time_machine.travel("2025-12-31 10:00 +0800", tick=False):
        value = updated_on_time(date(2025, 10, 1), date(2025, 12, 31))[unit_a.pk]
    assert (value.numerator, value.denominator) == (ok, total)


def test_the_indicator_waits_while_the_last_day_has_not_passed_and_is_late_after(library, unit_a, reviewer_a):
    adjust(unit_a, reviewer_a, date(2025, 1, 6), [(ADDED, item("JG-001", "认定", basis="鲁民〔2018〕6号"))])
    with time_machine.travel("2025-10-23 10:00 +0800", tick=False):
        value = updated_on_time(date(2025, 10, 1), date(2025, 10, 31))[unit_a.pk]
        assert (value.denominator, value.pending, value.met) == (0, 1, None)
    with time_machine.travel("2025-10-24 10:00 +0800", tick=False):
        value = updated_on_time(date(2025, 10, 1), date(2025, 10, 31))[unit_a.pk]
        assert (value.numerator, value.denominator, value.met) == (0, 1, False)


def test_an_item_added_after_the_repeal_is_no_event_of_the_indicator_but_is_flagged(library, unit_a, reviewer_a):
    with time_machine.travel("2025-11-03 10:00 +0800", tick=False):
        adjust(unit_a, reviewer_a, date(2025, 11, 3), [(ADDED, item("JG-002", "认定", basis="鲁民〔2018〕6号"))])
    assert updated_on_time(date(2025, 1, 1), date(2025, 12, 31)) == {}
    assert deadline_rule_scan(rule=rule(BASIS_ENDED), today=date(2025, 11, 4)).raised == 1


def test_the_indicator_is_registered_with_its_target():
    from compliance.registry import indicators

    indicator = next(i for i in indicators() if i.code == BASIS_UPDATED)
    assert str(indicator.target) == "依据废止或失效后 20 个工作日内调整"


def test_without_any_ended_document_the_scan_raises_nothing(monkeypatch, unit_a, reviewer_a):
    monkeypatch.setattr(legal_documents, "_sources", [])
    adjust(unit_a, reviewer_a, date(2025, 1, 6), [(ADDED, item("XK-001", "登记"))])
    assert deadline_rule_scan(rule=rule(BASIS_ENDED), today=date(2025, 9, 22)).raised == 0
