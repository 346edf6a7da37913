from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from inspection import checks
from inspection.models import Probe
from inspection.tests.conftest import content, record, working_channel
from lushan_portal.site_inspection import (
    ColumnKind,
    GuideFinding,
    GuideSource,
    MessageFinding,
    SiteColumn,
    register_channel,
    register_columns,
    register_content,
    register_guides,
    register_homepage_source,
)

TODAY = date(2026, 10, 15)
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("registry_only_fakes")]


def column(code: str, latest: date | None, kind=ColumnKind.OTHER, **extra) -> SiteColumn:
    return SiteColumn(code=code, title=code, url=f"/{code}/", kind=kind, latest=latest, **extra)


def veto(report, title_part: str):
    return next(v for v in report.vetoes if title_part in v.title)


@pytest.mark.parametrize(("blank", "hit"), [(4, False), (5, True)])
def test_five_blank_columns_veto(blank, hit):
    columns = [column(f"c{i}", None) for i in range(blank)]
    columns.append(column("na", None, not_applicable=True))  # 未涉及: neither blank nor stale
    register_columns("fake", lambda: columns)
    report = checks.inspect(TODAY)
    item = veto(report, "空白栏目")
    assert (item.count, item.hit) == (blank, hit)
    assert not report.passed if hit else True


@pytest.mark.parametrize(("stale", "hit"), [(4, False), (5, True)])
def test_five_stale_key_columns_veto(stale, hit):
    old = TODAY - timedelta(days=15)
    columns = [column(f"news{i}", old, ColumnKind.NEWS, key=True) for i in range(stale)]
    columns.append(column("fresh", TODAY - timedelta(days=13), ColumnKind.NEWS, key=True))
    register_columns("fake", lambda: columns)
    item = veto(checks.inspect(TODAY), "重点栏目")
    assert (item.count, item.hit) == (stale, hit)


def test_ten_stale_columns_of_any_kind_veto_and_each_is_a_finding_with_its_date():
    old = date(2025, 1, 1)
    register_columns("fake", lambda: [column(f"p{i}", old, ColumnKind.PLANNING) for i in range(10)])
    report = checks.inspect(TODAY)
    assert veto(report, "长期未更新").hit
    stale = [f for f in report.findings if f.key.startswith("stale:")]
    assert len(stale) == 10 and "最近更新 2025-01-01" in stale[0].evidence


def test_a_stale_first_level_policy_column_costs_five_points():
    register_columns("fake", lambda: [column("policies", date(2026, 4, 1), ColumnKind.POLICY, key=True)])
    report = checks.inspect(TODAY)
    deduction = next(d for d in report.deductions if "政策文件" in d.title)
    assert deduction.points == 5


def test_a_column_with_only_undated_items_is_not_updated():
    register_columns("fake", lambda: [column("notices", None, ColumnKind.NOTICE, undated=3)])
    report = checks.inspect(TODAY)
    assert [f.key for f in report.findings if f.kind == "columns"] == ["stale:notices"]


@pytest.mark.parametrize(("age", "hit"), [(13, False), (15, True)])
def test_the_home_page_two_weeks(age, hit):
    register_homepage_source("fake", lambda: TODAY - timedelta(days=age))
    assert veto(checks.inspect(TODAY), "首页不更新").hit is hit


def test_without_a_working_channel_the_site_fails():
    report = checks.inspect(TODAY)
    assert veto(report, "无可用").hit and not report.passed


@pytest.mark.parametrize(("received_days_ago", "hit"), [(89, False), (92, True)])
def test_a_message_past_the_mailbox_red_line_vetoes(received_days_ago, hit):
    # The red line (3 months) is the mailbox's rule: its channel reports the messages past it.
    received = TODAY - timedelta(days=received_days_ago)
    late = [MessageFinding("X-1", "路灯不亮", None, received, None)] if hit else []
    register_channel(working_channel(late, last_reply=TODAY))
    report = checks.inspect(TODAY)
    assert veto(report, "3 个月未答复").hit is hit
    assert any(f.key == "message:fake-mailbox:X-1" and f.veto for f in report.findings) is hit


def test_a_message_older_than_a_year_no_longer_counts():
    old = MessageFinding("X-0", "旧留言", None, TODAY - timedelta(days=400), None)
    register_channel(working_channel([old], last_reply=TODAY))
    assert not veto(checks.inspect(TODAY), "3 个月未答复").hit


def test_replies_not_updated_in_two_months_cost_three_points_once_for_the_site():
    register_channel(working_channel([], last_reply=date(2026, 8, 14)))
    register_channel(working_channel([], last_reply=None, code="quiet-mailbox"))  # nobody wrote: no date
    report = checks.inspect(TODAY)
    assert next(d for d in report.deductions if "留言回复" in d.title).points == 3


def test_a_reply_published_on_any_channel_within_two_months_keeps_the_replies_fresh():
    register_channel(working_channel([], last_reply=date(2026, 8, 15)))  # 2 months before 15 Oct: on time
    register_channel(working_channel([], last_reply=None, code="quiet-mailbox"))
    assert not any("留言回复" in d.title for d in checks.inspect(TODAY).deductions)


def test_a_mailbox_column_nobody_wrote_to_is_not_a_blank_column():
    columns = [column(f"mailbox:{i}", None, kind=ColumnKind.INTERACTION) for i in range(5)]
    register_columns("fake", lambda: columns)
    assert veto(checks.inspect(TODAY), "空白栏目").count == 0


def test_guides_missing_key_elements_veto_and_without_guides_it_is_not_measured():
    report = checks.inspect(TODAY)
    assert "尚未接入办事指南" in report.notes[0]
    incomplete = GuideFinding("低保申请", None, ["办理地点", "联系电话"], url="/guides/1/")
    register_guides(GuideSource("fake", "办事指南", "/guides/", count=lambda: 1, incomplete=lambda: [incomplete]))
    report = checks.inspect(TODAY)
    assert veto(report, "服务不实用").hit
    assert any("办理地点、联系电话" in f.evidence for f in report.findings)


def test_back_dated_unmarked_records_and_wrong_expressions_veto_undated_pages_cost_points(settings):
    settings.INSPECTION_WRONG_EXPRESSIONS = ["国务院总书记"]
    settings.INSPECTION_BACKDATE_DAYS = 7
    created = TODAY
    register_content(
        content(
            record("倒签", published_on=TODAY - timedelta(days=8), created=created),
            record("补录", published_on=date(2019, 5, 1), created=created, backfilled=True),
            record("七天内", published_on=TODAY - timedelta(days=7), created=created),
            record("表述", published_on=TODAY, created=created, text="……国务院总书记……"),
            record("无日期", published_on=None, created=created),
        )
    )
    report = checks.inspect(TODAY)
    assert [f.title for f in report.findings if f.key.startswith("backdated:")] == ["发布日期疑似倒签：倒签"]
    assert veto(report, "严重表述错误").hit
    assert [f.title for f in report.findings if f.key.startswith("undated:")] == ["页面未标注日期：无日期"]


def _probes(total: int, failed: int) -> None:
    at = datetime(2026, 10, 2, 8, tzinfo=timezone.get_current_timezone())
    Probe.objects.bulk_create(
        Probe(at=at + timedelta(minutes=5 * i), url="https://x/", ok=i >= failed, elapsed_ms=100) for i in range(total)
    )


@pytest.mark.parametrize(("failed", "hit"), [(6, False), (7, True)])
def test_availability_at_exactly_five_percent_of_the_month(failed, hit):
    _probes(140, failed)
    with time_machine.travel(datetime(2026, 10, 15, 12, tzinfo=timezone.get_current_timezone())):
        item = veto(checks.inspect(TODAY), "站点无法访问")
    assert item.hit is hit and f"本月探测 140 次，{failed} 次" in item.note


def test_too_few_probes_are_not_a_measure():
    _probes(20, 20)
    item = veto(checks.inspect(TODAY), "站点无法访问")
    assert not item.hit and "尚不足以判断" in item.note


def test_security_from_the_latest_probe_and_ipv6_not_measurable_here(settings):
    settings.INSPECTION_IPV6 = False
    Probe.objects.create(at=timezone.now(), url="http://x/", ok=True, https=False, identity=True)
    report = checks.inspect(TODAY)
    assert {"security:https", "security:search", "security:feedback"} <= {f.key for f in report.findings}
    assert any("IPv6 可访问性：本机无法测量" in note for note in report.notes)
