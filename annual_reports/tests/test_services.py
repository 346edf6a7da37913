"""The workflow: cross-sums refuse submission naming the cell, a reviewer of the unit publishes,
publication freezes the figures, a correction is a new version with what changed, refusals for
other units, the county report is the office's, the work-plan obligation is fulfilled."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from annual_reports import services
from annual_reports.models import AnnualReport, ReportStatus
from compliance.models import Frequency, Obligation, ObligationDue
from publication_review.models import Outcome
from publication_review.selectors import latest_review

pytestmark = pytest.mark.django_db


def draft(unit, by, **texts) -> AnnualReport:
    report = services.report_start(unit=unit, year=2025, by=by)
    report.overview = texts.get("overview", "2025年，本局认真贯彻落实《条例》……")
    report.fee_amount = texts.get("fee_amount")
    report.save()
    return report


def published(unit, editor, reviewer) -> AnnualReport:
    report = services.report_submit(report=draft(unit, editor), by=editor)
    return services.report_review(report=report, by=reviewer, approve=True)


def test_a_broken_cross_sum_cannot_be_submitted_and_names_the_cell(table_two, requests_2025, unit_a, editor_a):
    report = draft(unit_a, editor_a)
    services.report_correction_set(report=report, cell="t3.new.0", value=5, reason="漏登信函申请4件", by=editor_a)
    with pytest.raises(ValidationError) as refused:
        services.report_submit(report=report, by=editor_a)
    text = " ".join(refused.value.messages)
    assert "表三“本年新收政府信息公开申请数量”：总计为 4，而六类申请人之和为 8。" in text
    assert (
        "表三“自然人”列：一、本年新收（5）加二、上年结转（1）为 6，而三（七）总计（2）加四、结转下年度（0）为 2。"
        in text
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT


def test_a_correction_that_keeps_the_sums_is_accepted_and_printed(table_two, requests_2025, unit_a, editor_a):
    report = draft(unit_a, editor_a)
    for cell, value in (("t3.new.0", 2), ("t3.new.total", 5), ("t3.carried_out.0", 1), ("t3.carried_out.total", 3)):
        services.report_correction_set(report=report, cell=cell, value=value, reason="补登纸质申请1件", by=editor_a)
    assert services.report_submit(report=report, by=editor_a).status == ReportStatus.REVIEW


def test_a_correction_needs_a_reason_and_a_real_cell(table_two, unit_a, editor_a):
    report = draft(unit_a, editor_a)
    with pytest.raises(ValidationError, match="必须填写理由"):
        services.report_correction_set(report=report, cell="t3.new.0", value=1, reason=" ", by=editor_a)
    with pytest.raises(ValidationError, match="没有这个单元格"):
        services.report_correction_set(report=report, cell="t9.x", value=1, reason="x", by=editor_a)


def test_an_empty_overview_is_refused(unit_a, editor_a):
    report = draft(unit_a, editor_a, overview="")
    with pytest.raises(ValidationError, match="总体情况"):
        services.report_submit(report=report, by=editor_a)


def test_publication_freezes_the_figures(table_two, requests_2025, unit_a, editor_a, reviewer_a):
    from disclosure_requests.tests.records import stored

    report = published(unit_a, editor_a, reviewer_a)
    assert report.figures["shown"]["cells"]["t3.new.total"] == 4
    stored(unit_a, date(2025, 6, 1), closed=date(2025, 6, 5))  # entered after publication
    report.refresh_from_db()
    assert services.report_figures(report).cells["t3.new.total"] == 4
    assert services.report_base(report).cells["t3.disclosed.total"] == 1


def test_a_correction_publishes_a_new_version_with_what_changed(table_two, requests_2025, unit_a, editor_a, reviewer_a):
    first = published(unit_a, editor_a, reviewer_a)
    second = services.report_new_version(report=first, by=editor_a)
    assert (second.version, second.status, second.overview) == (2, ReportStatus.DRAFT, first.overview)
    second.fee_amount = Decimal("1.5")
    second.save()
    with pytest.raises(ValidationError, match="更正说明"):
        services.report_submit(report=second, by=editor_a)
    second.change_note = "补填行政事业性收费金额。"
    second.save()
    services.report_submit(report=second, by=editor_a)
    second = services.report_review(report=second, by=reviewer_a, approve=True)
    first.refresh_from_db()
    assert first.status == ReportStatus.SUPERSEDED and first.superseded_at
    assert second.changes == [{"what": "表二“行政事业性收费”·本年收费金额（万元）", "before": None, "after": "1.5"}]
    with pytest.raises(ValidationError):
        services.report_new_version(report=first, by=editor_a)  # only the latest version


def test_refusals_for_other_units(table_two, unit_a, editor_a, editor_b, reviewer_a, django_user_model, unit_b):
    from organizations.models import Role
    from organizations.services import membership_grant

    with pytest.raises(PermissionDenied):
        services.report_start(unit=unit_a, year=2025, by=editor_b)
    report = draft(unit_a, editor_a)
    with pytest.raises(PermissionDenied):
        services.report_correction_set(report=report, cell="t2.licensing", value=1, reason="x", by=editor_b)
    with pytest.raises(PermissionDenied):
        services.report_submit(report=report, by=editor_b)
    services.report_submit(report=report, by=editor_a)
    with pytest.raises(PermissionDenied):
        services.report_review(report=report, by=editor_a, approve=True)  # an editor is no reviewer
    other_reviewer = django_user_model.objects.create_user("reviewer-b")
    membership_grant(user=other_reviewer, unit=unit_b, role=Role.REVIEWER)
    with pytest.raises(PermissionDenied):
        services.report_review(report=report, by=other_reviewer, approve=True)
    with pytest.raises(ValidationError, match="退回必须填写审核意见"):
        services.report_review(report=report, by=reviewer_a, approve=False)
    returned = services.report_review(report=report, by=reviewer_a, approve=False, comment="请补充平台建设情况")
    assert (returned.status, returned.review_comment) == (ReportStatus.DRAFT, "请补充平台建设情况")


def test_one_draft_at_a_time_and_no_future_year(unit_a, editor_a):
    draft(unit_a, editor_a)
    with pytest.raises(ValidationError, match="未发布的草稿"):
        services.report_start(unit=unit_a, year=2025, by=editor_a)
    with pytest.raises(ValidationError):
        services.report_start(unit=unit_a, year=2027, by=editor_a)


def test_the_county_report_is_the_office_s_and_sums_every_unit(
    table_two, requests_2025, office, office_editor, office_reviewer, unit_a, editor_a
):
    with pytest.raises(ValidationError, match="政务公开主管部门"):
        services.report_start(unit=unit_a, year=2025, is_county=True, by=editor_a)
    report = services.report_start(unit=office, year=2025, is_county=True, by=office_editor)
    report.overview = "全县……"
    report.save()
    services.report_submit(report=report, by=office_editor)
    report = services.report_review(report=report, by=office_reviewer, approve=True)
    assert report.figures["shown"]["cells"]["t3.new.total"] == 5
    assert report.title == "鲁山县人民政府2025年政府信息公开工作年度报告"
    assert report.get_absolute_url() == "/xxgk/ndbg/2025/"


def test_publishing_fulfils_the_work_plan_obligation(table_two, unit_a, editor_a, reviewer_a):
    obligation = Obligation.objects.create(
        year=2026, title="政府信息公开工作年度报告", frequency=Frequency.ONCE, due_on=date(2026, 1, 15)
    )
    due = ObligationDue.objects.create(obligation=obligation, unit=unit_a, period="2026", due_on=date(2026, 1, 15))
    published(unit_a, editor_a, reviewer_a)
    due.refresh_from_db()
    assert due.fulfilled_on == date(2026, 2, 10)
    assert due.evidence_url == "/units/civil-affairs/ndbg/2025/"


def test_the_reviewers_approval_is_recorded_as_the_review_before_publication(table_two, unit_a, editor_a, reviewer_a):
    report = published(unit_a, editor_a, reviewer_a)
    review = latest_review(report)
    assert (review.reviewer, review.outcome, review.unit) == (reviewer_a, Outcome.PUBLISH, unit_a)
