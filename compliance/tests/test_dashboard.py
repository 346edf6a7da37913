"""The supervisors' dashboard: indicators at their thresholds, drill-down, scoping, exports, digest."""

import csv
import io
import json
from datetime import date

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from compliance.dashboard import build_matrix
from compliance.notifications import digests_send
from compliance.periods import parse_period
from compliance.registry import incomplete_kinds, indicators
from compliance.scans import deadlines_scan_all
from decisions.models import MajorDecision, Meeting
from enforcement.services import decision_publish
from enforcement.tests.factories import make_decision
from interpretation.tests.factories import published_document, published_interpretation
from publication_review.testing import reviewed

ON_TIME_TITLE = "执法决定按时公开率（许可、处罚7个工作日，强制20个工作日）"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def late_2025():
    with time_machine.travel("2025-12-20 10:00 +0800", tick=False):
        yield


def cell(period_key: str, unit, code: str):
    for _label, rows in build_matrix(parse_period(period_key)):
        for row in rows:
            if row.unit == unit:
                return next(c for c in row.cells if c.indicator.code == code)
    raise AssertionError("unit not in matrix")


@pytest.mark.parametrize(("multi", "state"), [(3, "met"), (2, "missed")])
def test_multi_format_share_at_thirty_percent(unit_a, multi, state):
    document = published_document(unit_a, published_on=date(2025, 3, 3))
    for n in range(10):
        form = "qa" if n < multi else "text"
        published_interpretation(document, published_on=date(2025, 3, 3), form=form)
    result = cell("2025-Q1", unit_a, "interpretation.multi_format_share")
    assert result.state == state
    assert result.text == f"{multi * 10}%（{multi}/10）"


def test_a_half_year_with_no_attendance_is_missed(unit_a, unit_b):
    MajorDecision.objects.create(unit=unit_a, year=2025, title="事项")
    MajorDecision.objects.create(unit=unit_b, year=2025, title="事项")
    Meeting.objects.create(unit=unit_b, held_on=date(2025, 3, 1), subject="会", media=1)
    assert cell("2025-H2", unit_a, "decisions.stakeholder_attendance").state == "in_progress"  # until 31 December
    assert cell("2025-H1", unit_b, "decisions.stakeholder_attendance").state == "met"
    assert cell("2025-H1", unit_a, "decisions.stakeholder_attendance").state == "missed"
    with time_machine.travel("2026-01-01 10:00 +0800", tick=False):
        assert cell("2025-H2", unit_b, "decisions.stakeholder_attendance").state == "missed"


def test_no_data_is_shown_as_such(unit_a):
    result = cell("2025", unit_a, "enforcement.on_time")
    assert (result.state, result.text, result.state_label) == ("no_data", "—", "无数据")


@pytest.fixture
def enforcement_data(unit_a, unit_b):
    on_time = make_decision(unit_a, decision_date=date(2025, 12, 1))
    with time_machine.travel("2025-12-02 10:00 +0800", tick=False):
        decision_publish(decision=reviewed(on_time))
    late = make_decision(unit_a, decision_date=date(2025, 11, 3))
    decision_publish(decision=reviewed(late))
    overdue = make_decision(unit_a, decision_date=date(2025, 12, 1))
    other = make_decision(unit_b, decision_date=date(2025, 12, 1))
    return {"on_time": on_time, "late": late, "overdue": overdue, "other": other}


def test_drilldown_lists_exactly_the_offending_records(client, supervisor, unit_a, enforcement_data):
    client.force_login(supervisor)
    late = client.get(reverse("compliance:drilldown", args=["enforcement.on_time", unit_a.code]), {"period": "2025"})
    html = late.content.decode()
    assert enforcement_data["late"].decision_number in html
    assert enforcement_data["on_time"].decision_number not in html
    assert reverse("admin:enforcement_decision_change", args=[enforcement_data["late"].pk]) in html
    overdue = client.get(reverse("compliance:drilldown", args=["enforcement.overdue_now", unit_a.code]))
    numbers = [d.decision_number for d in enforcement_data.values() if d.decision_number in overdue.content.decode()]
    assert numbers == [enforcement_data["overdue"].decision_number]


def test_staff_see_only_their_unit_and_get_403_on_another(client, editor_a, unit_a, unit_b, enforcement_data):
    client.force_login(editor_a)
    page = client.get(reverse("compliance:dashboard"), {"period": "2025"}).content.decode()
    assert unit_a.display_name in page and f">{unit_b.display_name}<" not in page
    refused = client.get(reverse("compliance:drilldown", args=["enforcement.overdue_now", unit_b.code]))
    assert refused.status_code == 403
    deadlines_scan_all()
    page = client.get(reverse("compliance:dashboard"), {"period": "2025"}).content.decode()
    assert "本单位未解除预警" in page and enforcement_data["overdue"].decision_number in page


def test_citizens_are_sent_to_log_in(client):
    response = client.get(reverse("compliance:dashboard"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_exports_match_the_screen(client, supervisor, enforcement_data):
    client.force_login(supervisor)
    page = client.get(reverse("compliance:dashboard"), {"period": "2025"}).content.decode()
    exported = client.get(reverse("compliance:dashboard"), {"period": "2025", "format": "csv"})
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    header, *body = rows
    assert header[1] == "单位" and ON_TIME_TITLE in header
    civil = next(row for row in body if row[1] == "鲁山县民政局")
    on_time = civil[header.index(ON_TIME_TITLE)]
    # Published on time, published late, and one unpublished past its due date (10 December).
    assert on_time == "33.3%（1/3） 未达标"
    assert "33.3%（1/3）" in page
    data = json.loads(client.get(reverse("compliance:dashboard"), {"period": "2025", "format": "json"}).content)
    assert next(r for r in data if r["单位"] == "鲁山县民政局")[ON_TIME_TITLE] == on_time
    xlsx = client.get(reverse("compliance:dashboard"), {"period": "2025", "format": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_dashboard_queries_stay_constant_as_data_grows(client, supervisor, unit_a, unit_b):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(supervisor)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("compliance:dashboard"), {"period": "2025"})
        return len(captured)

    make_decision(unit_a, decision_date=date(2025, 12, 1), publish=True)
    queries()  # the session's first request also checks the password's age
    small = queries()
    for n in range(40):
        make_decision(unit_b if n % 2 else unit_a, decision_date=date(2025, 11, 1 + n % 20), publish=n % 3 == 0)
    # Constant in the rows; bounded by what is registered: one aggregate per indicator and per
    # kind of incomplete record, plus the page's own (session, units, alerts, snapshot, weights…,
    # the summary's two aggregates, the closed months' snapshots).
    assert queries() == small <= 24 + len(indicators()) + len(incomplete_kinds())


def test_a_units_alert_list_does_not_query_per_alert(client, editor_a, unit_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(editor_a)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            page = client.get(reverse("compliance:dashboard"), {"period": "2025"})
        assert page.status_code == 200
        return len(captured)

    make_decision(unit_a, decision_date=date(2025, 11, 3))
    deadlines_scan_all()
    queries()  # the session's first request also checks password age and 2FA need
    few = queries()
    for day in range(1, 12):
        make_decision(unit_a, decision_date=date(2025, 11, day + 3))
    deadlines_scan_all()
    assert queries() == few


def test_digest_goes_out_once_per_day(unit_a, enforcement_data):
    type(unit_a).objects.filter(pk=unit_a.pk).update(email="mzj@example.cn")
    deadlines_scan_all()
    assert digests_send() == 1
    assert digests_send() == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mzj@example.cn"] and "【新】" in message.body
    assert enforcement_data["overdue"].decision_number in message.body
    with time_machine.travel("2025-12-21 10:00 +0800", tick=False):
        assert digests_send() == 1
    assert "【新】" not in mail.outbox[1].body


def test_trend_table_by_month(client, supervisor, enforcement_data):
    client.force_login(supervisor)
    html = client.get(reverse("compliance:trend"), {"year": "2025"}).content.decode()
    assert ON_TIME_TITLE in html and "2025年11月" in html and "0.0%" in html
