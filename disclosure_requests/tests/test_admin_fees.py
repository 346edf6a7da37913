"""The admin's fee inline and action, and the Art 35 reasonable deadline on the change page."""

from datetime import date

import pytest

from disclosure_requests import services
from disclosure_requests.models import Application, Extension, Fee, Pause, PauseKind, PauseOutcome, ReplyReason, Status
from disclosure_requests.tests.dates import at
from disclosure_requests.tests.factories import register
from disclosure_requests.tests.test_admin import LIST, add_data, change_url

pytestmark = pytest.mark.django_db
BASIS = "按件计收：本月第12件"


@pytest.fixture
def application(unit_a, editor_a) -> Application:
    return register(unit_a, editor_a, arrived_on=date(2025, 11, 3)).application  # Monday; due 1 Dec


def change_data(unit, **extra: object) -> dict:
    data = add_data(unit, **extra)
    for name in ("channel", "unit", "arrived_on"):
        data.pop(name)
    return data


def fee_notice_data(unit, **fields: str) -> dict:
    fee = {"notice_on": "2025-11-10", "amount": "200", "basis": BASIS, "paid_on": "", **fields}
    return {**change_data(unit), "fee-TOTAL_FORMS": "1", **{f"fee-0-{k}": v for k, v in fee.items()}}


def post_as(client, user, url: str, data: dict, day: str):
    with at(day):
        client.force_login(user)
        return client.post(url, data)


def test_the_notice_and_the_payment_are_entered_inline(client, editor_a, unit_a, application):
    response = post_as(client, editor_a, change_url(application), fee_notice_data(unit_a), "2025-11-10")
    assert response.status_code == 302, response.content.decode()[:3000]
    application.refresh_from_db()
    fee = application.fee
    assert (fee.amount, fee.due_on, application.status) == (200, date(2025, 12, 8), Status.FEE)
    assert application.pauses.get().kind == PauseKind.FEE
    with at("2025-11-20"):
        client.force_login(editor_a)
        page = client.get(change_url(application)).content.decode()
    assert "信息处理费（仅对明显超过合理范围的申请收取" in page and "2025年12月8日" in page
    data = {**change_data(unit_a), "fee-TOTAL_FORMS": "1", "fee-INITIAL_FORMS": "1", "fee-0-id": str(fee.pk),
            "fee-0-application": str(application.pk), "fee-0-paid_on": "2025-11-20"}  # fmt: skip
    response = post_as(client, editor_a, change_url(application), data, "2025-11-20")
    assert response.status_code == 302, response.content.decode()[:3000]
    application.refresh_from_db()
    assert (application.status, application.due_date, application.fee.paid_on) == (
        Status.PROCESSING, date(2025, 12, 11), date(2025, 11, 20),
    )  # fmt: skip


def test_a_bad_notice_is_shown_and_nothing_is_saved(client, editor_a, unit_a, application):
    data = fee_notice_data(unit_a, amount="-5", basis="")
    response = post_as(client, editor_a, change_url(application), data, "2025-11-10")
    page = response.content.decode()
    assert response.status_code == 200
    assert "收费金额不能为负数。" in page and "请写明收费依据和计算方式" in page
    data = fee_notice_data(unit_a, paid_on="2025-11-10")
    page = post_as(client, editor_a, change_url(application), data, "2025-11-10").content.decode()
    assert "请先发出收费通知，缴费后再登记缴费日期。" in page
    assert not Fee.objects.exists() and not Pause.objects.exists()


def test_a_fee_pause_is_not_entered_as_a_plain_pause(client, editor_a, unit_a, application):
    data = {**change_data(unit_a), "pauses-TOTAL_FORMS": "1", "pauses-0-kind": "fee", "pauses-0-start": "2025-11-10"}
    page = post_as(client, editor_a, change_url(application), data, "2025-11-10").content.decode()
    assert "信息处理费请在“信息处理费”栏登记收费通知和缴费。" in page
    assert not Pause.objects.exists()


def test_staff_close_an_unpaid_application_with_the_action(client, editor_a, unit_a, supervisor, application):
    post_as(client, editor_a, change_url(application), fee_notice_data(unit_a), "2025-11-10")
    action = {"action": "close_unpaid_fee", "_selected_action": [application.pk]}
    response = post_as(client, editor_a, LIST, action, "2025-12-08")
    assert response.status_code == 302
    with at("2025-12-08"):
        messages = [str(m) for m in client.get(LIST).context["messages"]]
    assert messages[-1:] == [f"{application.reference}：缴费期限（2025-12-08）尚未届满，不能按逾期未缴费处理。"]
    application.refresh_from_db()
    assert application.is_open
    with at("2025-12-09"):
        client.force_login(supervisor)
        assert "close_unpaid_fee" not in client.get(LIST).content.decode()  # readers have no actions
    response = post_as(client, editor_a, LIST, action, "2025-12-09")
    application.refresh_from_db()
    assert (application.status, application.reply.reason) == (Status.REPLIED, ReplyReason.FEE_NOT_PAID)


def test_the_reasonable_deadline_is_checked_on_the_change_page(client, editor_a, unit_a, application):
    data = {**change_data(unit_a), "reasonable_deadline": "2025-12-31", "reasonable_deadline_reason": "共30件"}
    page = post_as(client, editor_a, change_url(application), data, "2025-11-13").content.decode()
    assert "确定延迟答复的合理期限前，须先要求申请人说明理由并收到其理由" in page
    with at("2025-11-05"):
        pause = services.pause_start(application=application, kind=PauseKind.REASONS, start=date(2025, 11, 5),
                                     deadline=date(2025, 11, 19), by=editor_a)  # fmt: skip
    with at("2025-11-12"):
        services.pause_end(pause=pause, end=date(2025, 11, 12), outcome=PauseOutcome.REASONS_GIVEN, by=editor_a)
    response = post_as(client, editor_a, change_url(application), data, "2025-11-13")
    assert response.status_code == 302, response.content.decode()[:3000]
    application.refresh_from_db()
    assert (application.due_date, application.reasonable_deadline_reason) == (date(2025, 12, 31), "共30件")


def test_a_refused_extension_is_shown_again_for_correction(client, reviewer_a, unit_a, application):
    """An extension beyond 20 working days is refused, nothing is saved, and the form comes back
    editable with the message (not as read-only dashes)."""
    extension = {"working_days": "25", "reason": "需调阅多个年度档案", "approved_on": "2025-11-20",
                 "notified_on": "", "notice_text": ""}  # fmt: skip
    data = {
        **change_data(unit_a),
        "extension-TOTAL_FORMS": "1",
        **{f"extension-0-{k}": v for k, v in extension.items()},
    }
    response = post_as(client, reviewer_a, change_url(application), data, "2025-11-20")
    page = response.content.decode()
    assert response.status_code == 200
    assert "延长期限最长不超过20个工作日" in page
    assert 'name="extension-0-reason"' in page and "需调阅多个年度档案" in page
    assert not Extension.objects.exists()
