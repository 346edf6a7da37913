"""The public pages of guides, tasks and rectifications: what a citizen sees, cached for anonymous
visitors and fresh at once after a publish, constant in queries, masked free text."""

from datetime import date

import pytest
import time_machine

from administration.guides_services import guide_withdraw
from administration.models import GuideStatus, LifeEvent
from administration.rectification_services import rectification_complete, rectification_publish
from administration.tasks_services import report_publish, report_submit
from administration.tests.factories import (
    draft_guide,
    draft_rectification,
    published_guide,
    published_rectification,
    published_task,
)
from conftest import make_unit
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db
LIST_QUERIES, GUIDE_QUERIES, TASK_QUERIES = 8, 7, 6


@pytest.fixture
def theme(db) -> LifeEvent:
    return LifeEvent.objects.create(code="hardship", name="困难帮扶", audience="person")


def test_a_guide_page_tells_everything_once_and_links_the_provincial_platform(client, unit_a, theme):
    guide = published_guide(unit_a)
    guide.themes.add(theme)
    html = client.get(f"/guides/{guide.pk}/").content.decode()
    expected = [
        "最低生活保障审核确认",
        "社会救助暂行办法",
        "家庭经济状况核对授权书",
        "可共享，免于提交",
        "公示",
        "法定 30 个工作日；承诺 20 个工作日",
        "不收费",
        "0375-12345",
        "窗口领取或邮寄送达",
        "https://www.hnzwfw.gov.cn/",
        "个人 · 困难帮扶",
    ]
    for text in expected:
        assert text in html, text
    assert "<svg" in html and f"http://testserver/guides/{guide.pk}/" in html  # the QR code and its address


def test_drafts_are_not_public_and_a_withdrawn_guide_says_why(client, unit_a, editor_a):
    draft = draft_guide(unit_a)
    assert client.get(f"/guides/{draft.pk}/").status_code == 404
    guide = published_guide(unit_a)
    guide_withdraw(guide=guide, reason="事项已取消", by=editor_a)
    html = client.get(f"/guides/{guide.pk}/").content.decode()
    assert "已于" in html and "撤回" in html and "事项已取消" in html
    assert "家庭经济状况核对授权书" not in html
    assert "最低生活保障审核确认" not in client.get("/guides/?unit=civil-affairs").content.decode()


def test_by_unit_and_by_theme(client, unit_a, unit_b, theme):
    guide = published_guide(unit_a)
    guide.themes.add(theme)
    published_guide(unit_b, name="义务教育入学登记")
    index = client.get("/guides/").content.decode()
    assert "困难帮扶" in index and "?theme=hardship" in index and "?unit=education" in index
    by_theme = client.get("/guides/?theme=hardship").content.decode()
    assert "最低生活保障审核确认" in by_theme and "义务教育入学登记" not in by_theme
    assert "义务教育入学登记" in client.get("/guides/?unit=education").content.decode()
    assert client.get("/guides/?unit=nowhere").status_code == 404


def test_a_publish_shows_at_once_for_cached_visitors(client, unit_a, django_assert_max_num_queries):
    assert client.get("/guides/")["X-Page-Cache"] == "miss"
    with django_assert_max_num_queries(0):
        assert client.get("/guides/")["X-Page-Cache"] == "hit"
    published_guide(unit_a)
    assert "鲁山县民政局" in client.get("/guides/").content.decode()
    assert client.get("/guides/?unit=civil-affairs").status_code == 200


@pytest.mark.parametrize("count", [1, 6])
def test_pages_are_constant_in_queries(client, unit_a, theme, count, django_assert_max_num_queries, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for n in range(count):
        published_guide(unit_a, name=f"事项{n}").themes.add(theme)
        published_task(unit_a, title=f"任务{n}")
        published_rectification(unit_a, finding=f"问题{n}")
    guide = unit_a.service_guides.first()
    for url in ["/guides/", "/guides/?unit=civil-affairs", "/guides/?theme=hardship"]:
        with django_assert_max_num_queries(LIST_QUERIES):
            assert client.get(url).status_code == 200
    with django_assert_max_num_queries(GUIDE_QUERIES):
        assert client.get(f"/guides/{guide.pk}/").status_code == 200
    for url in ["/tasks/2025/", "/rectifications/", "/rectifications/?year=2025"]:
        with django_assert_max_num_queries(TASK_QUERIES):
            assert client.get(url).status_code == 200
    for url in ["/api/service-guides/", "/api/work-tasks/", "/api/rectifications/"]:
        with django_assert_max_num_queries(TASK_QUERIES):
            assert client.get(url).status_code == 200


def test_the_tasks_page_shows_state_progress_history_and_masks_free_text(client, unit_a, editor_a):
    with time_machine.travel("2025-08-15 10:00 +0800", tick=False):
        task = published_task(unit_a)
    with time_machine.travel("2025-10-24 10:00 +0800", tick=False):  # after the due date 21 October: late
        report = report_submit(
            report=task.reports.get(period_end=date(2025, 9, 30)),
            percent=60,
            text="联系人张伟 13812345678",
            by=editor_a,
        )
        html = client.get("/tasks/2025/").content.decode()
        assert "尚无已发布的进展报告" in html  # reported, not yet reviewed and published
        report_publish(report=reviewed(report, unit_field="task__unit"), by=editor_a)
        html = client.get("/tasks/2025/").content.decode()
    assert "新建改建农村公路 120 公里" in html and "推进中" in html and "进度 60%" in html
    assert "2025年第3季度" in html and "迟报" in html
    assert "13812345678" not in html
    assert client.get("/tasks/").status_code == 302
    assert client.get("/tasks/1800/").status_code == 404
    with time_machine.travel("2026-01-05 10:00 +0800", tick=False):
        assert "逾期未完成" in client.get("/tasks/2025/").content.decode()


def test_rectification_completion_is_public_only_after_its_review(client, unit_a, editor_a):
    with time_machine.travel("2025-09-01 10:00 +0800", tick=False):
        row = published_rectification(unit_a)
        assert "整改中" in client.get("/rectifications/").content.decode()
        assert draft_rectification(unit_a, finding="尚未发布的问题").pk
        assert "尚未发布的问题" not in client.get("/rectifications/").content.decode()
    with time_machine.travel("2025-11-03 10:00 +0800", tick=False):
        rectification_complete(rectification=row, completed_on=date(2025, 11, 3), report="已全部补发。", by=editor_a)
        html = client.get("/rectifications/").content.decode()
        assert "已整改，完成情况待发布" in html and "已全部补发" not in html
        assert client.get(f"/api/rectifications/{row.pk}/").json()["completion_report"] == ""
        rectification_publish(rectification=reviewed(row), by=editor_a)
        html = client.get("/rectifications/").content.decode()
    assert "逾期完成" in html and "已全部补发" in html
    assert client.get(f"/api/rectifications/{row.pk}/").json()["completed_on"] == "2025-11-03"


def test_the_api_lists_published_guides_only(client, unit_a, unit_b):
    guide = published_guide(unit_a)
    draft = draft_guide(unit_b)
    assert draft.status == GuideStatus.DRAFT
    answer = client.get("/api/service-guides/").json()
    assert [g["id"] for g in answer["results"]] == [guide.pk]
    assert client.get(f"/api/service-guides/{draft.pk}/").status_code == 404
    detail = client.get(f"/api/service-guides/{guide.pk}/").json()
    assert detail["materials"][0]["name"] == "最低生活保障申请书" and detail["steps"][0]["title"] == "申请"
    make_unit("xiatang", "下汤镇", "township")
    assert client.get("/api/service-guides/?unit=xiatang").json()["results"] == []
