"""Month-end snapshots: what a frozen month shows, the year view and the trend built on them,
the backfill command and the beat task that takes them."""

from datetime import date

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from compliance.dashboard import build_matrix, period_values, trend_lines
from compliance.models import IndicatorSnapshot
from compliance.periods import parse_period
from compliance.snapshots import snapshot_month
from conftest import make_unit
from enforcement.models import Decision
from enforcement.services import decision_publish
from enforcement.tests.factories import make_decision
from lushan_portal.celery import app
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db

ON_TIME = "enforcement.on_time"


def on_time_cell(period_key: str, unit):
    for _label, rows in build_matrix(parse_period(period_key)):
        for row in rows:
            if row.unit == unit:
                return next(c for c in row.cells if c.indicator.code == ON_TIME)
    raise AssertionError("unit not in matrix")


def published(unit, day: date, *, on: str) -> Decision:
    """A decision of ``day`` published at the county-clock instant ``on``."""
    decision = make_decision(unit, decision_date=day)
    with time_machine.travel(on, tick=False):
        return decision_publish(decision=reviewed(decision))


def test_a_frozen_month_whose_records_were_not_yet_due_reads_in_progress(unit_a):
    with time_machine.travel("2026-02-01 00:30 +0800", tick=False):
        make_decision(unit_a, decision_date=date(2026, 1, 30))  # due 10 February
        snapshot_month(2026, 1)
        assert IndicatorSnapshot.objects.get(period="2026-01", code=ON_TIME, unit=unit_a).pending == 1
    with time_machine.travel("2026-03-10 10:00 +0800", tick=False):
        cell = on_time_cell("2026-01", unit_a)
    assert period_values(parse_period("2026-01")).frozen_at is not None
    assert (cell.state, cell.text) == ("in_progress", "1 条未到期")


def test_the_year_adds_settled_months_from_snapshots_and_counts_the_rest_live(client, supervisor, unit_a):
    published(unit_a, date(2026, 3, 2), on="2026-03-03 10:00 +0800")  # on time
    published(unit_a, date(2026, 3, 2), on="2026-03-30 10:00 +0800")  # late
    published(unit_a, date(2026, 4, 1), on="2026-04-02 10:00 +0800")  # on time
    with time_machine.travel("2026-05-01 00:30 +0800", tick=False):
        for month in range(1, 5):
            snapshot_month(2026, month)
    # A correction after March was frozen does not change March, but one in May counts.
    Decision.objects.filter(decision_date=date(2026, 3, 2)).update(published_on_time=True)
    published(unit_a, date(2026, 5, 6), on="2026-05-07 10:00 +0800")
    with time_machine.travel("2026-05-20 10:00 +0800", tick=False):
        values, frozen_at, settled = period_values(parse_period("2026"))
        cell = on_time_cell("2026", unit_a)
        client.force_login(supervisor)
        page = client.get(reverse("compliance:dashboard"), {"period": "2026"}).content.decode()
    assert frozen_at is None and [m.key for m in settled] == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert (values[ON_TIME][unit_a.pk].numerator, values[ON_TIME][unit_a.pk].denominator) == (3, 4)
    assert (cell.state, cell.text) == ("missed", "75%（3/4）")
    assert "2026年1月至2026年4月取各月末快照" in page


def test_a_month_frozen_with_pending_records_is_counted_again(unit_a):
    make_decision(unit_a, decision_date=date(2026, 3, 30))  # due 8 April
    with time_machine.travel("2026-04-01 00:30 +0800", tick=False):
        snapshot_month(2026, 3)
    decision = Decision.objects.get()
    with time_machine.travel("2026-04-07 10:00 +0800", tick=False):
        decision_publish(decision=reviewed(decision))
    with time_machine.travel("2026-05-20 10:00 +0800", tick=False):
        values, _frozen_at, settled = period_values(parse_period("2026-H1"))
    # March's snapshot said "1 not yet due": March is recounted, and the decision is on time.
    assert settled == []
    assert values[ON_TIME][unit_a.pk].numerator == values[ON_TIME][unit_a.pk].denominator == 1


def trend_queries(client, django_assert_max_num_queries, limit: int) -> str:
    with django_assert_max_num_queries(limit):
        response = client.get(reverse("compliance:trend"), {"year": "2025"})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("units", [1, 12])
def test_the_trend_of_a_frozen_year_takes_a_constant_number_of_queries(
    client, supervisor, django_assert_max_num_queries, units
):
    made = [make_unit(f"unit-{n}", f"鲁山县第{n}局") for n in range(units)]
    months = range(1, 13) if units > 1 else range(11, 12)
    for month in months:
        for unit in made:
            published(unit, date(2025, month, 3), on=f"2025-{month:02d}-04 10:00 +0800")
    with time_machine.travel("2026-01-05 10:00 +0800", tick=False):
        call_command("snapshot_months", "--from", "2025-01", "--to", "2025-12")
    client.force_login(supervisor)
    with time_machine.travel("2026-02-10 10:00 +0800", tick=False):
        client.get(reverse("compliance:trend"), {"year": "2025"})  # the session's first request
        # The page's own (session, user, permissions, session save: 8) and two snapshot queries.
        html = trend_queries(client, django_assert_max_num_queries, 10)
    assert "2025年11月" in html and "100.0%" in html


def test_the_trend_computes_only_the_current_month_and_skips_months_not_begun(
    client, supervisor, unit_a, django_assert_max_num_queries
):
    published(unit_a, date(2025, 9, 1), on="2025-09-20 10:00 +0800")  # late
    with time_machine.travel("2025-10-01 00:30 +0800", tick=False):
        call_command("snapshot_months", "--from", "2025-01")
    published(unit_a, date(2025, 10, 9), on="2025-10-10 10:00 +0800")
    client.force_login(supervisor)
    with time_machine.travel("2025-10-20 10:00 +0800", tick=False):
        lines = dict(trend_lines(2025, None))
        october = parse_period("2025-10")
        one_month = []
        with connection.execute_wrapper(lambda execute, sql, *args: one_month.append(sql) or execute(sql, *args)):
            for indicator in lines:
                indicator.compute(october.start, october.end)
        client.get(reverse("compliance:trend"), {"year": "2025"})
        html = trend_queries(client, django_assert_max_num_queries, 10 + len(one_month))
    points = {p.month.key: p for p in next(v for k, v in lines.items() if k.code == ON_TIME)}
    assert (points["2025-09"].percent, points["2025-09"].source) == (0.0, "snapshot")
    assert (points["2025-10"].percent, points["2025-10"].source) == (100.0, "live")
    assert points["2025-11"].source == "future" and "尚未开始" in html and "截至今日" in html


def test_staff_of_a_unit_see_only_their_units_frozen_figures(client, editor_a, unit_a, unit_b):
    published(unit_a, date(2025, 9, 1), on="2025-09-02 10:00 +0800")  # on time
    published(unit_b, date(2025, 9, 1), on="2025-09-30 10:00 +0800")  # late
    with time_machine.travel("2025-10-01 00:30 +0800", tick=False):
        snapshot_month(2025, 9)
    with time_machine.travel("2025-10-20 10:00 +0800", tick=False):
        september = {k.code: v for k, v in trend_lines(2025, [unit_a.pk])}[ON_TIME][8]
        everyone = {k.code: v for k, v in trend_lines(2025, None)}[ON_TIME][8]
    assert (september.source, september.percent, everyone.percent) == ("snapshot", 100.0, 50.0)


def test_the_backfill_command_freezes_closed_months_once(unit_a):
    published(unit_a, date(2025, 11, 3), on="2025-11-04 10:00 +0800")
    with time_machine.travel("2026-01-10 10:00 +0800", tick=False):
        call_command("snapshot_months", "--from", "2025-11")
        assert set(IndicatorSnapshot.objects.values_list("period", flat=True)) >= {
            "2025-11",
            "2025-12",
            "2025-Q4",
            "2025-H2",
            "2025",
        }
        rows = IndicatorSnapshot.objects.count()
        call_command("snapshot_months", "--from", "2025-11")
        assert IndicatorSnapshot.objects.count() == rows


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-01"], "只能冻结已结束的月份"),
        (["--from", "2025-12", "--to", "2026-01"], "只能冻结已结束的月份"),
        (["--from", "2025-13"], "须为月份"),
        (["--from", "2025-12", "--to", "2025-11"], "--from 须不晚于 --to"),
    ],
)
def test_the_backfill_command_refuses_open_months_and_bad_input(args, message):
    with time_machine.travel("2026-01-10 10:00 +0800", tick=False), pytest.raises(CommandError, match=message):
        call_command("snapshot_months", *args)
    assert not IndicatorSnapshot.objects.exists()


def test_beat_freezes_last_month_on_the_first():
    entry = next(e for e in app.conf.beat_schedule.values() if e["task"] == "compliance.tasks.snapshot_last_month")
    assert entry["schedule"].day_of_month == {1}


def year_view(client) -> tuple[int, list[str]]:
    """The queries of the year view (after the session's first request), as SQL with values."""
    from django.test.utils import CaptureQueriesContext

    client.get(reverse("compliance:dashboard"), {"period": "2026"})
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("compliance:dashboard"), {"period": "2026"}).status_code == 200
    return len(captured), [query["sql"] for query in captured]


def decisions_aggregate(sql: str) -> bool:
    return "enforcement_decision" in sql and "COUNT" in sql and "decision_date" in sql


def test_the_year_view_counts_only_the_current_month_live_in_constant_queries(client, supervisor):
    """At 1 M decisions the year view must not recount ten closed months: they come from their
    snapshots, and the one decisions aggregate starts on the 1st of the current month. More
    units and more frozen months add no query."""
    first = make_unit("unit-0", "鲁山县第0局")
    for month in range(1, 11):
        published(first, date(2026, month, 3), on=f"2026-{month:02d}-04 10:00 +0800")
    with time_machine.travel("2026-11-01 00:30 +0800", tick=False):
        call_command("snapshot_months", "--from", "2026-10", "--to", "2026-10")
    client.force_login(supervisor)
    with time_machine.travel("2026-11-20 10:00 +0800", tick=False):
        published(first, date(2026, 11, 2), on="2026-11-03 10:00 +0800")
        # October alone frozen: January to November are counted live, in one aggregate.
        few, sql = year_view(client)
        assert "'2026-01-01'" in next(q for q in sql if decisions_aggregate(q))
        for n in range(1, 12):
            unit = make_unit(f"unit-{n}", f"鲁山县第{n}局")
            published(unit, date(2026, 2, 3), on="2026-02-04 10:00 +0800")
        with time_machine.travel("2026-11-01 00:30 +0800", tick=False):
            IndicatorSnapshot.objects.all().delete()
            call_command("snapshot_months", "--from", "2026-01", "--to", "2026-10")
        many, sql = year_view(client)
    decisions = [q for q in sql if decisions_aggregate(q)]
    assert len(decisions) == 1 and "'2026-11-01'" in decisions[0] and "'2026-01-01'" not in decisions[0], decisions
    assert many == few
