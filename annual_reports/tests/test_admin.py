"""The admin: an editor writes the unit's report beside this year's and last year's figures, submits;
a reviewer of the unit (second factor done) publishes; other units' staff get 404, supervisors read
only, reviewers without their second factor reach nothing; published reports are read-only."""

import pytest
from django.test import Client
from django.urls import reverse

from annual_reports import services
from annual_reports.models import AnnualReport, ReportStatus

pytestmark = pytest.mark.django_db


def change_url(report) -> str:
    return reverse("admin:annual_reports_annualreport_change", args=[report.pk])


def action_url(report, name: str) -> str:
    return reverse(f"admin:annual_reports_annualreport_{name}", args=[report.pk])


def test_an_editor_starts_writes_and_submits(client, table_two, requests_2025, unit_a, editor_a):
    client.force_login(editor_a)
    response = client.post(reverse("admin:annual_reports_annualreport_add"), {"unit": unit_a.pk, "year": 2025})
    assert response.status_code == 302
    report = AnnualReport.objects.get(unit=unit_a, year=2025)
    page = client.get(change_url(report)).content.decode()
    assert "2025 年与 2024 年数据对照" in page
    assert "表二 行政规范性文件·本年制发件数" in page
    data = {
        "overview": "2025年……",
        "problems": "",
        "other_matters": "",
        "fee_amount": "",
        "change_note": "",
        "corrections-TOTAL_FORMS": "1",
        "corrections-INITIAL_FORMS": "0",
        "corrections-0-cell": "t2.licensing",
        "corrections-0-value": "5",
        "corrections-0-reason": "市平台办理一件",
    }
    assert client.post(change_url(report), data).status_code == 302
    report.refresh_from_db()
    assert report.overview == "2025年……" and report.fee_amount is None
    assert report.corrections.get().reason == "市平台办理一件"
    client.post(action_url(report, "submit"))
    report.refresh_from_db()
    assert report.status == ReportStatus.REVIEW


def test_a_second_draft_is_refused_on_the_form(client, unit_a, editor_a):
    client.force_login(editor_a)
    services.report_start(unit=unit_a, year=2025, by=editor_a)
    response = client.post(reverse("admin:annual_reports_annualreport_add"), {"unit": unit_a.pk, "year": 2025})
    assert response.status_code == 200
    assert "已有未发布的草稿" in response.content.decode()


def test_a_cross_sum_error_is_shown_and_blocks_the_submission(client, table_two, requests_2025, unit_a, editor_a):
    report = services.report_start(unit=unit_a, year=2025, by=editor_a)
    report.overview = "……"
    report.save()
    services.report_correction_set(report=report, cell="t4.reconsideration.total", value=3, reason="x", by=editor_a)
    client.force_login(editor_a)
    assert "表四“行政复议”：总计为 3，而四项结果之和为 1。" in client.get(change_url(report)).content.decode()
    response = client.post(action_url(report, "submit"), follow=True)
    assert "不能提交" in response.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT


def test_other_units_staff_get_404_and_cannot_act(client, unit_a, editor_a, editor_b):
    report = services.report_start(unit=unit_a, year=2025, by=editor_a)
    client.force_login(editor_b)
    assert client.get(change_url(report)).status_code == 404
    assert client.post(action_url(report, "submit")).status_code == 404
    assert client.get(reverse("admin:annual_reports_annualreport_changelist")).content.decode().count("民政局") == 0


def test_the_reviewer_needs_the_second_factor_then_publishes(client, unit_a, editor_a, reviewer_a):
    report = services.report_start(unit=unit_a, year=2025, by=editor_a)
    report.overview = "……"
    report.save()
    services.report_submit(report=report, by=editor_a)
    password_only = Client()
    password_only.force_login(reviewer_a)
    assert "/accounts/2fa/" in password_only.get(action_url(report, "review"))["Location"]
    reviewer = client  # the shared fixture completes the second factor, as the reviewer would
    reviewer.force_login(reviewer_a)
    assert reviewer.get(action_url(report, "review")).status_code == 200
    assert reviewer.post(action_url(report, "review"), {"approve": "1", "comment": ""}).status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.PUBLISHED and report.figures is not None
    page = reviewer.get(change_url(report)).content.decode()
    assert 'name="overview"' not in page  # read-only once published


def test_supervisors_read_every_unit_and_change_nothing(client, supervisor, unit_a, editor_a):
    report = services.report_start(unit=unit_a, year=2025, by=editor_a)
    client.force_login(supervisor)
    assert client.get(change_url(report)).status_code == 200
    assert client.post(action_url(report, "submit")).status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    assert client.post(reverse("admin:annual_reports_annualreport_delete", args=[report.pk])).status_code == 403


def test_the_preview_shows_the_draft_in_the_national_layout(client, table_two, unit_a, editor_a):
    report = services.report_start(unit=unit_a, year=2025, by=editor_a)
    client.force_login(editor_a)
    page = client.get(action_url(report, "preview")).content.decode()
    assert "三、收到和处理政府信息公开申请情况" in page


def test_only_the_office_starts_the_county_report(client, office, unit_a, editor_a):
    client.force_login(editor_a)
    data = {"unit": unit_a.pk, "year": 2025, "is_county": "on"}
    response = client.post(reverse("admin:annual_reports_annualreport_add"), data)
    assert response.status_code == 200
    assert "县政府年度报告只能由政务公开主管部门编制。" in response.content.decode()
    assert not AnnualReport.objects.exists()
