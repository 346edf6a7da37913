"""Work-plan obligations, month-end snapshots and the weighted score."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from compliance.dashboard import build_matrix, period_values
from compliance.models import Alert, Frequency, IndicatorWeight, Obligation, ObligationDue
from compliance.obligations import OBLIGATION_MISSED, due_check, obligation_dues_ensure
from compliance.periods import parse_period
from compliance.scans import deadlines_scan_all
from compliance.snapshots import snapshot_month
from enforcement.services import decision_publish
from enforcement.tests.factories import make_decision
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def early_2026():
    with time_machine.travel("2026-02-10 10:00 +0800", tick=False):
        yield


def test_an_annual_report_due_15_january_is_missed_on_the_16th(unit_a, unit_b):
    obligation = Obligation.objects.create(
        year=2026, title="年度报告", frequency=Frequency.ONCE, due_on=date(2026, 1, 15)
    )
    assert obligation_dues_ensure(obligation=obligation) == 2
    assert obligation_dues_ensure(obligation=obligation) == 0
    done = ObligationDue.objects.get(unit=unit_a)
    done.fulfilled_on, done.evidence_url = date(2026, 1, 14), "https://example.gov.cn/report"
    due_check(done)
    done.save()
    deadlines_scan_all(today=date(2026, 1, 15))
    assert not Alert.objects.filter(rule_code=OBLIGATION_MISSED).exists()
    deadlines_scan_all(today=date(2026, 1, 16))
    assert set(Alert.objects.filter(rule_code=OBLIGATION_MISSED).values_list("unit", flat=True)) == {unit_b.pk}


def test_fulfilment_needs_evidence(unit_a):
    obligation = Obligation.objects.create(year=2026, title="培训", frequency=Frequency.YEARLY)
    obligation.units.set([unit_a])
    obligation_dues_ensure(obligation=obligation)
    due = ObligationDue.objects.get()
    due.fulfilled_on = date(2026, 2, 1)
    with pytest.raises(ValidationError, match="佐证"):
        due_check(due)


def test_monthly_and_quarterly_obligations_expand_per_period(unit_a):
    monthly = Obligation.objects.create(year=2026, title="低保月报", frequency=Frequency.MONTHLY)
    monthly.units.set([unit_a])
    quarterly = Obligation.objects.create(year=2026, title="临时救助季报", frequency=Frequency.QUARTERLY)
    quarterly.units.set([unit_a])
    assert obligation_dues_ensure(obligation=monthly) == 12
    assert obligation_dues_ensure(obligation=quarterly) == 4
    assert ObligationDue.objects.get(obligation=quarterly, period="2026-Q1").due_on == date(2026, 3, 31)


def test_staff_record_fulfilment_only_for_their_unit(client, editor_a, editor_b, unit_a):
    obligation = Obligation.objects.create(year=2026, title="培训", frequency=Frequency.YEARLY)
    obligation.units.set([unit_a])
    obligation_dues_ensure(obligation=obligation)
    due = ObligationDue.objects.get()
    url = reverse("admin:compliance_obligationdue_change", args=[due.pk])
    client.force_login(editor_b)
    assert client.get(url).status_code == 404
    client.force_login(editor_a)
    refused = client.post(url, {"fulfilled_on": "2026-02-01", "note": ""})
    assert "佐证" in refused.content.decode()
    client.post(url, {"fulfilled_on": "2026-02-01", "evidence_url": "https://example.gov.cn/a", "note": ""})
    due.refresh_from_db()
    assert due.fulfilled_on == date(2026, 2, 1)


def test_a_snapshot_keeps_last_months_figures_after_a_correction(client, supervisor, unit_a):
    with time_machine.travel("2026-01-20 10:00 +0800", tick=False):
        decision = make_decision(unit_a, decision_date=date(2026, 1, 5))
        decision_publish(decision=reviewed(decision))  # late: 5 Jan + 7 working days = 14 Jan
    assert snapshot_month(2026, 1) > 0
    assert snapshot_month(2026, 1) == 0
    type(decision).objects.filter(pk=decision.pk).update(published_on_time=True)  # a later correction
    values, frozen_at, _settled = period_values(parse_period("2026-01"))
    assert frozen_at is not None
    assert values["enforcement.on_time"][unit_a.pk].met is False
    client.force_login(supervisor)
    page = client.get(reverse("compliance:dashboard"), {"period": "2026-01"}).content.decode()
    assert "快照数据" in page
    assert "实时数据" in client.get(reverse("compliance:dashboard"), {"period": "2026-02"}).content.decode()


def test_the_score_weighs_indicators_and_shows_the_formula(client, supervisor, unit_a):
    with time_machine.travel("2026-01-20 10:00 +0800", tick=False):
        on_time = make_decision(unit_a, decision_date=date(2026, 1, 16))
        decision_publish(decision=reviewed(on_time))
        late = make_decision(unit_a, decision_date=date(2026, 1, 5))
        decision_publish(decision=reviewed(late))
    # enforcement.on_time: 1/2 → 50 points; enforcement.overdue_now: 0 → met, 100 points.
    IndicatorWeight.objects.create(code="enforcement.on_time", weight=3)
    rows = [row for _label, rows in build_matrix(parse_period("2026-01")) for row in rows if row.unit == unit_a]
    assert rows[0].score == round((3 * 50 + 1 * 100) / 4, 1)
    client.force_login(supervisor)
    page = client.get(reverse("compliance:dashboard"), {"period": "2026-01"}).content.decode()
    assert "Σ(权重 × 指标得分)" in page and "62.5" in page
