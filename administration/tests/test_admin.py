"""Guides, tasks and rectifications in the admin: the list shows what each guide lacks, publishing
is refused while an element is missing, corrections need a note, and staff of another unit are
refused by URL, by a forged POST and in the API; supervisors read without acting."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from administration.models import GuideStatus, ProgressReport, Rectification, ServiceGuide
from administration.tests.factories import draft_guide, draft_rectification, published_guide, published_task

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:administration_serviceguide_changelist")
ADD = reverse("admin:administration_serviceguide_add")
NO_ROWS = {
    f"{prefix}-{key}": value
    for prefix in ("materials", "steps")
    for key, value in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"))
}


def url(name: str, obj) -> str:
    return reverse(f"admin:administration_{obj._meta.model_name}_{name}", args=[obj.pk])


def guide_post(guide: ServiceGuide, **changes: object) -> dict:
    fields = [
        "code", "name", "legal_basis", "conditions", "location", "hours", "legal_limit_days", "promised_limit_days",
        "fee_mode", "fee_basis", "fee_amount", "consult_phone", "complaint_phone", "delivery", "online_url",
    ]  # fmt: skip
    data = {name: "" if getattr(guide, name) is None else getattr(guide, name) for name in fields}
    rows = {}
    for prefix, related, keys in (
        ("materials", guide.materials.all(), ("order", "name", "form", "copies", "source", "note")),
        ("steps", guide.steps.all(), ("order", "title", "description")),
    ):
        items = list(related)
        rows |= {f"{prefix}-TOTAL_FORMS": str(len(items)), f"{prefix}-INITIAL_FORMS": str(len(items))}
        for n, item in enumerate(items):
            rows |= {f"{prefix}-{n}-{key}": getattr(item, key) for key in keys}
            rows |= {f"{prefix}-{n}-id": item.pk, f"{prefix}-{n}-guide": guide.pk}
    return data | rows | changes


def test_the_list_shows_what_each_guide_lacks(client, editor_a, unit_a):
    draft_guide(unit_a, materials=False, name="临时救助")
    published_guide(unit_a)
    client.force_login(editor_a)
    html = client.get(CHANGELIST).content.decode()
    assert "临时救助" in html and "办理材料" in html
    incomplete = client.get(CHANGELIST + "?complete=no").content.decode()
    assert "临时救助" in incomplete and "最低生活保障审核确认" not in incomplete


def test_publishing_a_guide_without_materials_is_refused_on_the_review_page(client, reviewer_a, unit_a):
    guide = draft_guide(unit_a, materials=False)
    client.force_login(reviewer_a)
    assert "办事指南缺少以下要素，不能发布：办理材料。" in client.get(url("change", guide)).content.decode()
    page = client.post(url("publish", guide), {"outcome": "publish"})
    assert page.status_code == 200 and "办事指南缺少以下要素，不能发布：办理材料。" in page.content.decode()
    guide.refresh_from_db()
    assert guide.status == GuideStatus.DRAFT and not guide.published_at


def test_a_complete_guide_is_reviewed_and_published_in_one_step(client, editor_a, reviewer_a, unit_a):
    guide = draft_guide(unit_a, by=editor_a)  # the reviewer is not the author (a second person)
    client.force_login(reviewer_a)
    assert client.post(url("publish", guide), {"outcome": "publish"}).status_code == 302
    guide.refresh_from_db()
    assert guide.status == GuideStatus.PUBLISHED


def test_editing_materials_after_the_review_needs_a_new_review(client, editor_a, reviewer_a, unit_a):
    from publication_review.services import review_problem
    from publication_review.testing import reviewed

    guide = reviewed(draft_guide(unit_a))
    assert review_problem(guide) == ""
    client.force_login(editor_a)
    data = guide_post(guide, **{"materials-0-name": "最低生活保障申请书（新版）"})
    assert client.post(url("change", guide), data).status_code == 302
    assert "请重新审查" in review_problem(ServiceGuide.objects.get(pk=guide.pk))


def test_a_published_guide_is_corrected_only_with_a_note_and_keeps_its_elements(client, editor_a, unit_a):
    guide = published_guide(unit_a)
    client.force_login(editor_a)
    page = client.post(url("change", guide), guide_post(guide, hours="工作日全天"))
    assert page.status_code == 200 and "修改已发布的办事指南必须填写更正说明。" in page.content.decode()
    emptied = guide_post(guide, correction_note="删除材料") | {"materials-0-DELETE": "on", **{
        f"materials-{n}-DELETE": "on" for n in range(5)}}  # fmt: skip
    page = client.post(url("change", guide), emptied)
    assert page.status_code == 200 and "更正后的办事指南缺少以下要素" in page.content.decode()
    assert guide.materials.count() == 5
    assert (
        client.post(
            url("change", guide), guide_post(guide, hours="工作日全天", correction_note="延长办理时间")
        ).status_code
        == 302
    )
    guide.refresh_from_db()
    assert (guide.hours, guide.correction_note, guide.status) == ("工作日全天", "延长办理时间", GuideStatus.PUBLISHED)


def test_another_units_staff_are_refused_by_url_forged_post_and_api(client, editor_b, unit_a, unit_b):
    guide = draft_guide(unit_a)
    client.force_login(editor_b)
    assert client.get(url("change", guide)).status_code == 404
    assert client.post(url("publish", guide), {"outcome": "publish"}).status_code == 404
    assert client.post(url("withdraw", guide), {"reason": "x"}).status_code == 404
    forged = guide_post(guide, unit=unit_a.pk) | NO_ROWS
    page = client.post(ADD, forged)
    assert page.status_code == 200 and ServiceGuide.objects.filter(unit=unit_b).count() == 0
    assert ServiceGuide.objects.count() == 1
    assert client.get(f"/api/service-guides/{guide.pk}/").status_code == 404  # a draft is nobody's public record
    assert client.post("/api/service-guides/", {"name": "x"}).status_code in {403, 405}


def test_supervisors_read_and_never_act(client, supervisor, unit_a):
    guide = draft_guide(unit_a)
    client.force_login(supervisor)
    page = client.get(url("change", guide))
    assert page.status_code == 200 and "审查并发布" not in page.content.decode()
    assert client.post(url("publish", guide), {"outcome": "publish"}).status_code == 403


def test_a_progress_report_is_filled_in_the_admin_by_the_lead_unit_only(client, editor_a, editor_b, unit_a):
    with time_machine.travel("2025-08-15 10:00 +0800", tick=False):
        task = published_task(unit_a)
    report = task.reports.get(period_end=date(2025, 9, 30))
    with time_machine.travel("2025-10-10 10:00 +0800", tick=False):
        client.force_login(editor_b)
        assert client.get(url("change", report)).status_code == 404
        client.force_login(editor_a)
        page = client.post(url("change", report), {"percent": "", "text": ""})
        assert page.status_code == 200 and "请填写进展情况。" in page.content.decode()
        assert client.post(url("change", report), {"percent": "60", "text": "已完工 70 公里。"}).status_code == 302
    report = ProgressReport.objects.get(pk=report.pk)
    assert (report.percent, report.reported_on) == (60, date(2025, 10, 10))
    q4 = task.reports.get(period_end=date(2025, 12, 31))
    with time_machine.travel("2025-09-20 10:00 +0800", tick=False):
        page = client.post(url("change", q4), {"percent": "70", "text": "提前报送"})
    assert page.status_code == 200 and "报告期尚未开始" in page.content.decode()


def test_a_rectification_completion_is_recorded_on_its_page(client, editor_a, editor_b, unit_a):
    from administration.rectification_services import rectification_publish
    from publication_review.testing import reviewed

    with time_machine.travel("2025-09-01 10:00 +0800", tick=False):
        row = rectification_publish(rectification=reviewed(draft_rectification(unit_a)))
    complete = reverse("admin:administration_rectification_complete", args=[row.pk])
    with time_machine.travel("2025-10-20 10:00 +0800", tick=False):
        client.force_login(editor_b)
        assert client.post(complete, {"completed_on": "2025-10-20", "completion_report": "x"}).status_code == 404
        client.force_login(editor_a)
        page = client.post(complete, {"completed_on": "2025-10-30", "completion_report": "已整改"})
        assert "整改完成日期不能晚于今天。" in page.content.decode()
        assert client.post(complete, {"completed_on": "2025-10-20", "completion_report": "已整改"}).status_code == 302
    row = Rectification.objects.get(pk=row.pk)
    assert row.completed_on == date(2025, 10, 20) and row.completion_published_at is None
