"""信息处理费 (Art 42, 国办函〔2020〕109号): the notice stops the clock, the payment restarts it, an
unpaid fee is closed by staff (其他处理 · 逾期未缴费) after the due date, never by the scan."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from compliance.models import Alert
from compliance.registry import rule
from compliance.scans import deadline_rule_scan
from disclosure_requests import fees
from disclosure_requests.models import Fee, Pause, PauseKind, PauseOutcome, Reply, ReplyKind, ReplyReason, Status
from disclosure_requests.selectors import status_view
from disclosure_requests.tests.dates import at, d
from disclosure_requests.tests.factories import register

pytestmark = pytest.mark.django_db
BASIS = "按件计收：本月第12件，超出10件的部分每件100元（国办函〔2020〕109号）"


@pytest.fixture
def application(unit_a, editor_a):
    # Monday 3 Nov 2025: due 1 Dec (4–7 Nov 1–4, 10–14 5–9, 17–21 10–14, 24–28 15–19, 1 Dec 20).
    application = register(unit_a, editor_a, arrived_on=d("2025-11-03")).application
    assert application.due_date == d("2025-12-01")
    return application


def notice(application, by, *, on: str = "2025-11-10", amount: str = "200.00", basis: str = BASIS) -> Fee:
    with at(on):
        return fees.fee_notice(application=application, notice_on=d(on), amount=Decimal(amount), basis=basis, by=by)


def test_the_notice_stops_the_clock_until_the_payment(application, editor_a):
    fee = notice(application, editor_a)
    # 20 working days after Monday 10 Nov: 11–14 1–4, 17–21 5–9, 24–28 10–14, 1–5 Dec 15–19, 8 Dec 20.
    assert (fee.due_on, fee.amount, fee.basis) == (d("2025-12-08"), Decimal("200.00"), BASIS)
    application.refresh_from_db()
    pause = application.pauses.get()
    assert (pause.kind, pause.start, pause.deadline, pause.end) == (PauseKind.FEE, d("2025-11-10"), fee.due_on, None)
    # Counted 4–7 and 10 Nov (5), paused 11 Nov–8 Dec (the due date, provisionally), then 9–29 Dec (15).
    assert (application.status, application.due_date) == (Status.FEE, d("2025-12-29"))
    assert "信息处理费缴纳 2025-11-10 至 2025-12-08 不计入（尚未结束" in application.due_explanation
    with at("2025-11-20"):
        fees.fee_record_payment(fee=fee, paid_on=d("2025-11-20"), by=editor_a)
    application.refresh_from_db()
    # Paused 11–20 Nov only: 21 Nov 6, 24–28 11, 1–5 Dec 16, 8–11 Dec 20.
    assert (application.status, application.due_date) == (Status.PROCESSING, d("2025-12-11"))
    pause.refresh_from_db()
    assert (pause.end, pause.outcome) == (d("2025-11-20"), PauseOutcome.PAID)
    fee.refresh_from_db()
    assert fee.paid_on == d("2025-11-20")


def test_a_bad_notice_names_each_field_and_saves_nothing(application, editor_a):
    with pytest.raises(ValidationError) as error:
        notice(application, editor_a, amount="-1", basis="  ")
    assert error.value.message_dict == {
        "amount": ["收费金额不能为负数。"],
        "basis": ["请写明收费依据和计算方式（按件或按量计收，国办函〔2020〕109号）。"],
    }
    with pytest.raises(ValidationError) as error, at("2025-11-10"):
        fees.fee_notice(
            application=application, notice_on=d("2025-10-31"), amount=Decimal("0"), basis=BASIS, by=editor_a
        )
    assert error.value.message_dict == {"notice_on": ["告知之日不能早于收到申请之日。"]}
    with pytest.raises(ValidationError) as error, at("2025-11-10"):
        fees.fee_notice(
            application=application, notice_on=d("2025-11-11"), amount=Decimal("0"), basis=BASIS, by=editor_a
        )
    assert error.value.message_dict == {"notice_on": ["日期不能晚于今天。"]}
    assert not Fee.objects.exists() and not Pause.objects.exists()
    application.refresh_from_db()
    assert (application.status, application.due_date) == (Status.PROCESSING, d("2025-12-01"))


def test_one_fee_per_application_and_only_by_the_handling_unit(application, editor_a, editor_b, supervisor):
    for outsider in (editor_b, supervisor):
        with pytest.raises(PermissionDenied):
            notice(application, outsider)
    notice(application, editor_a, amount="0")  # a zero amount is a valid notice (e.g. fees waived)
    with pytest.raises(ValidationError, match="不能重复收费"):
        notice(application, editor_a, on="2025-11-12")
    assert Fee.objects.count() == 1 and Pause.objects.count() == 1


def test_a_payment_between_the_notice_and_the_due_date(application, editor_a, editor_b):
    fee = notice(application, editor_a)
    with at("2025-12-09"):
        with pytest.raises(PermissionDenied):
            fees.fee_record_payment(fee=fee, paid_on=d("2025-11-20"), by=editor_b)
        with pytest.raises(ValidationError) as error:
            fees.fee_record_payment(fee=fee, paid_on=d("2025-11-07"), by=editor_a)
        assert error.value.message_dict == {"paid_on": ["缴费日期不能早于收费通知日期（2025-11-10）。"]}
        with pytest.raises(ValidationError) as error:
            fees.fee_record_payment(fee=fee, paid_on=d("2025-12-09"), by=editor_a)
        assert error.value.message_dict == {"paid_on": ["缴费期限已于 2025-12-08 届满，逾期缴费的应按逾期未缴费处理。"]}
    with at("2025-11-20"), pytest.raises(ValidationError, match="不能晚于今天"):
        fees.fee_record_payment(fee=fee, paid_on=d("2025-11-21"), by=editor_a)
    with at("2025-12-09"):
        fees.fee_record_payment(fee=fee, paid_on=d("2025-12-08"), by=editor_a)  # the last day is on time
        with pytest.raises(ValidationError, match="已登记缴纳"):
            fees.fee_record_payment(fee=fee, paid_on=d("2025-12-08"), by=editor_a)
    assert application.pauses.get().outcome == PauseOutcome.PAID


def test_unpaid_after_the_due_date_staff_close_it_and_the_scan_only_flags_it(application, editor_a):
    fee = notice(application, editor_a)
    unpaid = rule(fees.FEE_UNPAID)
    assert not unpaid.overdue(d("2025-12-08")).exists()  # the last day to pay
    assert list(unpaid.overdue(d("2025-12-09"))) == [application]
    with at("2025-12-09"):
        assert deadline_rule_scan(rule=unpaid, today=d("2025-12-09")).raised == 1
    alert = Alert.objects.get(rule_code=fees.FEE_UNPAID)
    assert (alert.unit_id, alert.due_date, alert.object_id) == (application.unit_id, fee.due_on, application.pk)
    application.refresh_from_db()
    assert application.is_open and application.status == Status.FEE  # flagged, not decided
    with at("2025-12-08"), pytest.raises(ValidationError, match="缴费期限（2025-12-08）尚未届满"):
        fees.fee_close_unpaid(application=application, by=editor_a)
    with at("2025-12-09"):
        fees.fee_close_unpaid(application=application, by=editor_a)
        with pytest.raises(ValidationError, match="已办结"):
            fees.fee_close_unpaid(application=application, by=editor_a)
    application.refresh_from_db()
    reply = Reply.objects.get(application=application)
    assert (reply.kind, reply.reason, reply.replied_on) == (ReplyKind.OTHER, ReplyReason.FEE_NOT_PAID, d("2025-12-09"))
    assert (application.status, application.closed_on) == (Status.REPLIED, d("2025-12-09"))
    pause = application.pauses.get()
    assert (pause.end, pause.outcome) == (fee.due_on, PauseOutcome.NOT_PAID)
    with at("2025-12-10"):
        assert deadline_rule_scan(rule=unpaid, today=d("2025-12-10")).resolved == 1
        with pytest.raises(ValidationError, match="已办结"):
            fees.fee_record_payment(fee=fee, paid_on=d("2025-12-08"), by=editor_a)


def test_a_paid_fee_is_never_flagged_nor_closed_as_unpaid(application, editor_a):
    fee = notice(application, editor_a)
    with at("2025-11-20"):
        fees.fee_record_payment(fee=fee, paid_on=d("2025-11-20"), by=editor_a)
    assert not rule(fees.FEE_UNPAID).overdue(d("2026-01-05")).exists()
    with at("2025-12-09"), pytest.raises(ValidationError, match="没有待缴纳"):
        fees.fee_close_unpaid(application=application, by=editor_a)


def test_the_applicant_sees_the_amount_and_the_last_day_to_pay(application, editor_a):
    fee = notice(application, editor_a)
    assert ("信息处理费", "200.00 元，缴费期限 2025-12-08") in status_view(application).dates
    with at("2025-11-20"):
        fees.fee_record_payment(fee=fee, paid_on=d("2025-11-20"), by=editor_a)
    assert ("信息处理费", "200.00 元，缴费期限 2025-12-08，已于 2025-11-20 缴纳") in status_view(application).dates
