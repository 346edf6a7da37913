"""What a supervisor reads in a cell: overdue and unpublished counts as late, 进行中 until the
period ends, and every cell below its target opens the records behind it.

Issue 13: 县民政局 showed 80 % (4/5) while its 低保初审名单, due 2026-11-12, was still
unpublished with an alert (the demo's catalog/demo.py publications). Each test here fails
on the code before the fix.
"""

import csv
import io
import re
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from catalog.models import Publication
from catalog.services import publication_publish, publication_save
from catalog.tests.factories import item, published_catalog
from compliance.dashboard import build_matrix
from compliance.models import Frequency, Obligation
from compliance.obligations import obligation_dues_ensure
from compliance.periods import parse_period
from compliance.registry import indicators
from decisions.models import MajorDecision
from interpretation.tests.factories import published_document, published_interpretation
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db

ON_TIME = "公开信息按时公开率（目录时限）"
# A drill-down page: session, user, permissions and units (7), the indicator's rows (1-3), the
# working-day calendar of a year not loaded yet (2), the session's save (3).
DRILL_QUERIES = 15
TEN_DAYS = "制定或获取信息之日起10个工作日内"


def travel(day: str):
    return time_machine.travel(f"{day} 10:00 +0800", tick=False)


def cell(period_key: str, unit, code: str):
    for _label, rows in build_matrix(parse_period(period_key)):
        for row in rows:
            if row.unit == unit:
                return next(c for c in row.cells if c.indicator.code == code)
    raise AssertionError("unit not in matrix")


def matrix_csv(client, period: str) -> dict[str, dict[str, str]]:
    exported = client.get(reverse("compliance:dashboard"), {"period": period, "format": "csv"})
    header, *body = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    return {row[1]: dict(zip(header, row, strict=True)) for row in body}


@pytest.fixture
def civil_affairs_2026(unit_a, reviewer_a):
    """The demo's 县民政局 in 2026: five publications out (four on time, one late) and the
    低保初审名单 formed on 29 October, due 12 November (10 working days), not published."""
    with travel("2026-09-01"):
        catalog = published_catalog(
            unit_a,
            reviewer_a,
            items=[
                item("最低生活保障", "审批信息", content="低保对象名单、保障金额", limit=TEN_DAYS),
                item("最低生活保障", "审核信息", content="初审对象名单", limit=TEN_DAYS),
                item("最低生活保障", "办事指南", content="申请条件、救助标准", limit=TEN_DAYS),
            ],
        )
    items = {i.level2: i for i in catalog.items.all()}
    published = [
        ("审批信息", "城乡最低生活保障对象名单公示（2026年8月）", date(2026, 9, 1), date(2026, 9, 3)),
        ("审批信息", "城乡最低生活保障对象名单公示（2026年9月）", date(2026, 9, 15), date(2026, 9, 18)),
        ("办事指南", "最低生活保障申请办事指南", date(2026, 9, 29), date(2026, 10, 29)),  # due 19 Oct: late
        ("审批信息", "城乡最低生活保障对象名单公示（2026年10月）", date(2026, 10, 19), date(2026, 10, 22)),
        ("审批信息", "临时救助对象及金额公示（2026年10月）", date(2026, 10, 24), date(2026, 10, 29)),
    ]
    with travel("2026-10-30"):
        for level2, title, formed_on, published_on in published:
            publication = publication_save(
                publication=Publication(item=items[level2], title=title, formed_on=formed_on, published_on=published_on)
            )
            publication_publish(publication=reviewed(publication))
        overdue = publication_save(
            publication=Publication(
                item=items["审核信息"], title="低保初审对象名单（2026年10月）", formed_on=date(2026, 10, 29)
            )
        )
    assert overdue.due_on == date(2026, 11, 12)
    return overdue


def test_overdue_unpublished_information_counts_as_late(client, supervisor, unit_a, civil_affairs_2026):
    """The issue's case: 4/6 = 66.7 %, 未达标, where the dashboard said 80 % (4/5)."""
    client.force_login(supervisor)
    with travel("2026-11-28"):
        row = matrix_csv(client, "2026")["鲁山县民政局"]
        assert row[ON_TIME] == "66.7%（4/6） 未达标"
        page = client.get(reverse("compliance:dashboard"), {"period": "2026"}).content.decode()
    drill = reverse("compliance:drilldown", args=["catalog.publications_on_time", unit_a.code]) + "?period=2026"
    assert re.search(re.escape(drill.replace("&", "&amp;")) + r'">66\.7%（4/6）</a>', page)


@pytest.mark.parametrize(
    ("today", "shown"),
    [
        ("2026-11-11", "80%（4/5） 未达标"),  # due tomorrow: not late yet (the one late publication fails it)
        ("2026-11-12", "80%（4/5） 未达标"),  # due today: still in time
        ("2026-11-13", "66.7%（4/6） 未达标"),  # the first day it is late
    ],
)
def test_information_due_today_or_tomorrow_is_not_late_yet(client, supervisor, civil_affairs_2026, today, shown):
    client.force_login(supervisor)
    with travel(today):
        assert matrix_csv(client, "2026")["鲁山县民政局"][ON_TIME] == shown


def test_the_drilldown_says_how_late_in_working_days_and_links_the_fix(
    client, supervisor, unit_a, civil_affairs_2026, django_assert_max_num_queries
):
    client.force_login(supervisor)
    url = reverse("compliance:drilldown", args=["catalog.publications_on_time", unit_a.code])
    with travel("2026-11-28"):
        client.get(url, {"period": "2026"})  # the session's first request also checks the password's age
        with django_assert_max_num_queries(DRILL_QUERIES):
            page = client.get(url, {"period": "2026"}).content.decode()
        exported = client.get(url, {"period": "2026", "format": "csv"})
    text = re.sub(r"<[^>]+>", " ", page)
    assert "低保初审对象名单（2026年10月）" in page and "最低生活保障申请办事指南" in page
    assert "城乡最低生活保障对象名单公示（2026年9月）" not in page  # on time: not listed
    assert "公开时限：制定或获取信息之日起10个工作日内" in page and "鲁山县民政局" in text
    # 13-27 November: 11 working days after the due date, the weekends not counted.
    assert "2026-11-12" in text and "逾期 11 个工作日" in text
    assert "自截止日 2026-11-12 次日起算至今天 2026-11-28，周六、周日不计" in text
    # The late guide: due 19 October (National Day skipped), published 29 October: 8 working days late.
    assert "逾期 8 个工作日" in text and "已于 2026-10-29 公开" in text
    assert "自截止日 2026-10-19 次日起算至完成之日 2026-10-29" in text
    assert reverse("admin:catalog_publication_change", args=[civil_affairs_2026.pk]) in page
    header, *rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    overdue = next(dict(zip(header, r, strict=True)) for r in rows if r[0] == "低保初审对象名单（2026年10月）")
    assert (overdue["截止日期"], overdue["逾期（工作日）"], overdue["单位"]) == ("2026-11-12", "11", "鲁山县民政局")
    assert overdue["管理后台链接"].endswith(f"/admin/catalog/publication/{civil_affairs_2026.pk}/change/")


def test_the_drilldown_does_not_query_per_record(
    client, supervisor, unit_a, civil_affairs_2026, django_assert_max_num_queries
):
    client.force_login(supervisor)
    url = reverse("compliance:drilldown", args=["catalog.publications_on_time", unit_a.code])
    with travel("2026-11-28"):
        client.get(url, {"period": "2026"})
        for day in range(1, 26):
            publication_save(
                publication=Publication(item=civil_affairs_2026.item, title=f"名单{day}", formed_on=date(2026, 10, day))
            )
        with django_assert_max_num_queries(DRILL_QUERIES):
            page = client.get(url, {"period": "2026"}).content.decode()
    assert "影响达标的记录 27 条" in page


def test_holidays_are_skipped_in_the_days_overdue_and_named(client, supervisor, unit_a, civil_affairs_2026):
    """Due 29 September, unpublished on 12 October: 29 Sep-12 Oct holds National Day (1-7 Oct)
    and the make-up working Saturday of 10 October."""
    Publication.objects.filter(pk=civil_affairs_2026.pk).update(due_on=date(2026, 9, 29), formed_on=date(2026, 9, 15))
    client.force_login(supervisor)
    with travel("2026-10-12"):
        page = client.get(
            reverse("compliance:drilldown", args=["catalog.publications_on_time", unit_a.code]), {"period": "2026"}
        ).content.decode()
    # 30 Sep, 8, 9, 10 (调休), 12 Oct: 5 working days.
    assert "逾期 5 个工作日" in page
    assert "跳过法定节假日 国庆节（10月1日至10月7日）；计入调休上班日 10月10日（国庆节）" in page


def test_an_on_time_share_not_due_yet_is_in_progress_not_missed(client, supervisor, unit_a, reviewer_a):
    """Only information not yet due: 进行中, not 无数据 nor 未达标."""
    with travel("2026-11-20"):
        catalog = published_catalog(unit_a, reviewer_a, items=[item("最低生活保障", "审批信息", limit=TEN_DAYS)])
        publication_save(publication=Publication(item=catalog.items.get(), title="名单", formed_on=date(2026, 11, 19)))
        result = cell("2026", unit_a, "catalog.publications_on_time")
    assert (result.text, result.state_label, result.drillable) == ("1 条未到期", "进行中", False)


def test_attendance_is_in_progress_until_the_half_year_ends(unit_a):
    """利益相关方列席 (at least once each half year): no meeting yet is 进行中 on 31 December, 未达标 on 1 January."""
    MajorDecision.objects.create(unit=unit_a, year=2026, title="城区供热价格调整")
    with travel("2026-12-31"):
        last_day = cell("2026-H2", unit_a, "decisions.stakeholder_attendance")
    with travel("2027-01-01"):
        after = cell("2026-H2", unit_a, "decisions.stakeholder_attendance")
    assert (last_day.text, last_day.state_label) == ("0", "进行中")
    assert (after.text, after.state_label, after.drillable) == ("0", "未达标", True)


def test_a_year_without_attendance_is_missed_once_its_first_half_is_over(unit_a):
    MajorDecision.objects.create(unit=unit_a, year=2026, title="城区供热价格调整")
    with travel("2026-06-30"):
        assert cell("2026", unit_a, "decisions.stakeholder_attendance").state_label == "进行中"
    with travel("2026-07-01"):
        assert cell("2026", unit_a, "decisions.stakeholder_attendance").state_label == "未达标"


def test_a_share_judged_over_the_year_is_in_progress_until_the_year_ends(unit_a):
    with travel("2026-06-01"):
        document = published_document(unit_a, published_on=date(2026, 3, 3))
        for n in range(10):
            published_interpretation(document, published_on=date(2026, 3, 3), form="qa" if n < 2 else "text")
    with travel("2026-12-31"):
        during = cell("2026", unit_a, "interpretation.multi_format_share")
    with travel("2027-01-01"):
        after = cell("2026", unit_a, "interpretation.multi_format_share")
    assert (during.text, during.state_label) == ("20%（2/10）", "进行中")
    assert (after.text, after.state_label) == ("20%（2/10）", "未达标")


def test_a_work_plan_task_is_in_progress_until_its_due_date_then_missed(unit_a):
    obligation = Obligation.objects.create(year=2026, title="政务公开业务培训", frequency=Frequency.YEARLY)
    obligation.units.set([unit_a])
    obligation_dues_ensure(obligation=obligation)
    with travel("2026-12-31"):
        due_day = cell("2026", unit_a, "compliance.obligations_met")
    with travel("2027-01-01"):
        after = cell("2026", unit_a, "compliance.obligations_met")
    assert (due_day.text, due_day.state_label) == ("1 条未到期", "进行中")
    assert (after.text, after.state_label) == ("0%（0/1）", "未达标")


def test_a_cell_in_progress_does_not_lower_the_score(unit_a):
    MajorDecision.objects.create(unit=unit_a, year=2026, title="城区供热价格调整")
    with travel("2026-12-31"):
        during = [row for _label, rows in build_matrix(parse_period("2026-H2")) for row in rows if row.unit == unit_a]
    with travel("2027-01-01"):
        after = [row for _label, rows in build_matrix(parse_period("2026-H2")) for row in rows if row.unit == unit_a]
    assert during[0].score is None and after[0].score == 0


def test_every_indicator_drills_down():
    assert [i.code for i in indicators() if i.offending is None] == []


def test_red_attendance_cells_link_to_what_is_missing(client, supervisor, unit_a, django_assert_max_num_queries):
    """The red 利益相关方列席 cells of 县政府 and 县自然资源局 were not links."""
    MajorDecision.objects.create(unit=unit_a, year=2026, title="城区供热价格调整")
    client.force_login(supervisor)
    url = reverse("compliance:drilldown", args=["decisions.stakeholder_attendance", unit_a.code])
    with travel("2026-07-01"):
        page = client.get(reverse("compliance:dashboard"), {"period": "2026-H1"}).content.decode()
        assert url in page
        with django_assert_max_num_queries(DRILL_QUERIES):
            drill = client.get(url, {"period": "2026-H1"}).content.decode()
    text = re.sub(r"<[^>]+>", " ", drill)
    assert "每半年不少于1次" in text and "2026-06-30" in text and "逾期 1 个工作日" in text
    assert f"{reverse('admin:decisions_meeting_add')}?unit={unit_a.pk}" in drill and "登记列席会议" in drill


def test_missing_catalogs_are_listed_with_who_compiles_them_and_a_link_to_add_one(
    client, supervisor, unit_a, reviewer_a, django_assert_max_num_queries
):
    """县民政局 leads 社会救助 and 养老服务: with only the first published, 养老服务 is missing."""
    with travel("2026-09-01"):
        published_catalog(unit_a, reviewer_a)
    client.force_login(supervisor)
    url = reverse("compliance:drilldown", args=["catalog.catalogs_published", unit_a.code])
    with travel("2026-11-28"):
        result = cell("2026", unit_a, "catalog.catalogs_published")
        client.get(url, {"period": "2026"})
        with django_assert_max_num_queries(DRILL_QUERIES):
            page = client.get(url, {"period": "2026"}).content.decode()
    assert (result.text, result.state_label, result.drillable) == ("50%（1/2）", "未达标", True)
    assert "养老服务领域标准目录" in page and "社会救助领域标准目录" not in page
    assert "待编制；负责编制：鲁山县民政局" in page and "新建目录" in page
    from catalog.models import Domain

    elderly = Domain.objects.get(code="elderly-care")
    assert f"{reverse('admin:catalog_catalog_add')}?unit={unit_a.pk}&amp;domain={elderly.pk}" in page
