"""The openness office answers (or withdraws, never deletes) in the admin; other units' staff see
no report in the admin or the API; the contact is masked for readers and absent from the API."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from site_feedback.admin import ERROR_ONE_OF
from site_feedback.models import ErrorReport, ReportStatus
from site_feedback.services import ERROR_NOT_OFFICE, contacts_erase, report_answer, report_withdraw
from site_feedback.tests.factories import CONTACT, make_report

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:site_feedback_errorreport_changelist")
API = "/api/site-feedback/"


def change_url(report: ErrorReport) -> str:
    return reverse("admin:site_feedback_errorreport_change", args=[report.pk])


@pytest.fixture
def report(office) -> ErrorReport:
    return make_report(description=f"页面上的电话{CONTACT}打不通。")


def test_the_office_editor_answers_in_the_admin(client, office_editor, report):
    client.force_login(office_editor)
    listing = client.get(CHANGELIST).content.decode()
    assert report.reference in listing and CONTACT in listing  # the office sees what it must answer
    assert 'alt="False"' in listing and 'alt="True"' not in listing  # received today: not overdue
    with time_machine.travel(timezone.now() - timedelta(days=30)):  # overdue whatever the holidays
        make_report()
    assert 'alt="True"' in client.get(CHANGELIST).content.decode()
    page = client.get(change_url(report)).content.decode()
    assert "收到后第3个工作日，收到当日不计" in page
    refused = client.post(change_url(report), {"answer": "", "withdrawal_reason": ""})
    assert refused.status_code == 200 and ERROR_ONE_OF in refused.content.decode()
    assert client.post(change_url(report), {"answer": "号码已更正，谢谢。", "withdrawal_reason": ""}).status_code == 302
    report.refresh_from_db()
    assert (report.status, report.answer, report.answered_by) == (
        ReportStatus.ANSWERED,
        "号码已更正，谢谢。",
        office_editor,
    )
    assert report.answered_at is not None


def test_an_invalid_report_is_withdrawn_with_a_reason_and_never_deleted(client, office_editor, report):
    client.force_login(office_editor)
    assert client.post(change_url(report), {"answer": "", "withdrawal_reason": "广告"}).status_code == 302
    report.refresh_from_db()
    assert (report.status, report.withdrawal_reason) == (ReportStatus.WITHDRAWN, "广告")
    delete = reverse("admin:site_feedback_errorreport_delete", args=[report.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert ErrorReport.objects.filter(pk=report.pk).exists()


def test_staff_of_other_units_see_no_report_in_the_admin_or_the_api(client, editor_b, report):
    client.force_login(editor_b)
    assert report.reference not in client.get(CHANGELIST).content.decode()
    assert client.get(change_url(report)).status_code == 404
    assert client.get(API).json()["results"] == []
    assert client.get(f"{API}{report.pk}/").status_code == 404
    with pytest.raises(PermissionDenied, match=ERROR_NOT_OFFICE):
        report_answer(report=report, answer="越权答复", by=editor_b)


def test_the_api_is_for_staff_of_the_office_without_the_contact(client, office_editor, report):
    assert client.get(API).status_code in (401, 403)
    client.force_login(office_editor)
    rows = client.get(API).json()["results"]
    assert [row["reference"] for row in rows] == [report.reference]
    assert rows[0]["unit"] == "gov-office" and rows[0]["due_date"] == report.due_date.isoformat()
    assert "contact" not in rows[0] and rows[0]["description"] == report.description


def test_supervisors_read_every_report_with_personal_data_masked(client, supervisor, report):
    client.force_login(supervisor)
    page = client.get(change_url(report)).content.decode()
    assert CONTACT not in page and "13*******78" in page and "查看完整信息" in page
    row = client.get(API).json()["results"][0]
    assert CONTACT not in row["description"]
    # Supervisors read; only the office answers.
    assert client.post(change_url(report), {"answer": "督查员答复", "withdrawal_reason": ""}).status_code == 403


def test_contacts_are_erased_180_days_after_the_answer(office, office_editor, report):
    waiting = make_report()
    report_answer(report=report, answer="已改正。", by=office_editor)
    with time_machine.travel(timezone.now() + timedelta(days=179)):
        assert contacts_erase() == 0
    with time_machine.travel(timezone.now() + timedelta(days=181)):
        assert contacts_erase() == 1
    report.refresh_from_db()
    waiting.refresh_from_db()
    assert (report.contact, waiting.contact) == ("", CONTACT)


def test_an_answered_report_cannot_be_withdrawn(office_editor, report):
    report_answer(report=report, answer="已改正。", by=office_editor)
    with pytest.raises(ValidationError, match="已答复或已撤销"):
        report_withdraw(report=report, reason="重复", by=office_editor)
