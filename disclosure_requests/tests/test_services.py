"""Receipt on every channel, the clock's steps and who may take them (rules.md §3)."""

from datetime import date
from pathlib import Path

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from disclosure_requests import services
from disclosure_requests.intake import application_confirm_receipt, application_lookup
from disclosure_requests.models import (
    ApplicantType,
    Application,
    Channel,
    PauseKind,
    PauseOutcome,
    Reply,
    ReplyKind,
    ReplyReason,
    Status,
)
from disclosure_requests.tests.factories import PNG, register, submit_online
from lushan_portal.crypto import keyed_hash
from lushan_portal.private_files import read_private
from workdays.models import CalendarDay, DayKind
from workdays.services import calendar_day_save

pytestmark = pytest.mark.django_db


def d(text: str) -> date:
    return date.fromisoformat(text)


def test_online_application_gets_a_number_and_a_code_stored_only_as_a_hash(unit_a, media):
    received = submit_online(unit_a, on=d("2025-11-15"))  # a Saturday
    application = received.application
    assert application.reference == f"SQ20251115{application.pk:06d}"
    assert len(received.query_code) == 10
    assert application.query_code_hash == keyed_hash(received.query_code)
    assert received.query_code not in str(Application.objects.filter(pk=application.pk).values().get())
    assert application.received_on == d("2025-11-15") and application.registered_at_unit is None
    assert application.due_date == d("2025-12-12")
    assert "平台当即出具申请编号确认收到" in application.due_explanation
    assert "答复期限 2025-12-12" in application.due_explanation
    # The identity image is encrypted at rest and read back only through read_private.
    stored = Path(media) / "private" / application.id_image.name
    assert stored.read_bytes() != PNG and b"PNG" not in stored.read_bytes()
    assert read_private(application.id_image) == PNG
    assert Path(application.id_image.name).suffix == ".png"


def test_personal_fields_are_encrypted_in_the_table(unit_a):
    application = submit_online(unit_a).application
    with connection.cursor() as cursor:
        table = Application._meta.db_table
        cursor.execute(f"SELECT name, id_number, phone, address FROM {table} WHERE id = %s", [application.pk])
        raw = cursor.fetchone()
    assert all(value.startswith("enc:") for value in raw)
    assert "王秀兰" not in "".join(raw)
    history_fields = {field.name for field in application.history.first()._meta.fields}
    assert not {"name", "id_number", "phone", "address", "email", "id_image"} & history_fields


def test_bad_input_names_each_field_and_saves_nothing(unit_a):
    with pytest.raises(ValidationError) as error:
        submit_online(
            unit_a,
            applicant_type=ApplicantType.ORGANIZATION,
            credit_code="91410423MA123",
            phone="",
            address="",
            delivery="email",
        )
    messages = error.value.message_dict
    assert messages["organization_kind"] == ["请选择法人或其他组织的类别。"]
    assert messages["credit_code"] == ["统一社会信用代码应为18位，且校验位正确，请核对。"]
    assert messages["agent_name"] == ["请填写联系人或代理人姓名。"]
    assert messages["phone"] == ["请至少填写一种联系方式（电话、通信地址或电子邮箱）。"]
    assert messages["email"] == ["选择以电子邮件获取的，请填写电子邮箱。"]
    with pytest.raises(ValidationError) as error:
        submit_online(unit_a, id_number="410423199001011230")
    assert error.value.message_dict["id_number"] == ["居民身份证号码应为18位，且校验位正确，请核对。"]
    assert not Application.objects.exists()


def test_counter_of_the_service_centre_registers_for_any_unit(unit_a, counter, counter_clerk, editor_b):
    received = register(unit_a, counter_clerk, arrived_on=d("2025-09-30"))
    application = received.application
    assert (application.unit, application.registered_at_unit) == (unit_a, counter)
    assert application.received_on == d("2025-09-30") and application.due_date == d("2025-11-04")
    assert "当面提交的，以提交之日为收到申请之日" in application.due_explanation
    assert (
        "跳过节假日：10-01" in application.due_explanation and "10-11（国庆节调休上班）" in application.due_explanation
    )
    # A department's editor registers only for its own unit.
    with pytest.raises(PermissionDenied):
        register(unit_a, editor_b, arrived_on=d("2025-09-30"))


def test_ordinary_letter_has_no_receipt_date_until_confirmed(unit_a, editor_a, editor_b):
    application = register(unit_a, editor_a, channel=Channel.ORDINARY_LETTER, arrived_on=d("2025-11-17")).application
    assert (application.received_on, application.due_date, application.status) == (None, None, Status.AWAITING_RECEIPT)
    assert "收到申请日期待确认" in application.due_explanation
    with pytest.raises(ValidationError) as error:
        application_confirm_receipt(application=application, confirmed_on=d("2025-11-19"), record="", by=editor_a)
    assert "confirmation_record" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        application_confirm_receipt(application=application, confirmed_on=d("2025-11-19"), record="电话", by=editor_b)
    application = application_confirm_receipt(
        application=application, confirmed_on=d("2025-11-19"), record="电话确认，经办人李某", by=editor_a
    )
    # Wednesday 19 Nov: 20–21 1–2, 24–28 3–7, 1–5 Dec 8–12, 8–12 13–17, 15–17 Dec 18–20.
    assert (application.received_on, application.due_date) == (d("2025-11-19"), d("2025-12-17"))


def test_a_confirmation_date_for_a_counter_application_is_refused(unit_a, editor_a):
    with pytest.raises(ValidationError) as error:
        register(unit_a, editor_a, arrived_on=d("2025-11-17"), confirmed_on=d("2025-11-18"), confirmation_record="x")
    assert "confirmed_on" in error.value.message_dict


def test_correction_stops_the_clock_and_restarts_it_from_the_corrected_application(unit_a, editor_a, editor_b):
    application = register(unit_a, editor_a, arrived_on=d("2025-11-03")).application
    with pytest.raises(PermissionDenied):
        services.correction_notice(
            application=application, sent_on=d("2025-11-05"), deadline=d("2025-11-19"), notice_text="x", by=editor_b
        )
    services.correction_notice(
        application=application,
        sent_on=d("2025-11-05"),
        deadline=d("2025-11-19"),
        notice_text="请写明年份",
        by=editor_a,
    )
    application.refresh_from_db()
    assert (application.status, application.due_date) == (Status.CORRECTION, None)
    assert "补正期限 2025-11-19" in application.due_explanation
    with pytest.raises(ValidationError, match="只能发出一次"):
        services.correction_notice(
            application=application, sent_on=d("2025-11-06"), deadline=d("2025-11-19"), notice_text="x", by=editor_a
        )
    pause = application.pauses.get()
    services.pause_end(pause=pause, end=d("2025-11-20"), outcome=PauseOutcome.CORRECTED, by=editor_a)
    application.refresh_from_db()
    assert application.received_on == d("2025-11-03")  # the original receipt is kept
    assert (application.status, application.due_date) == (Status.PROCESSING, d("2025-12-18"))
    assert "2025-11-20 收到补正后的申请" in application.due_explanation


def test_no_correction_by_the_stated_date_is_treated_as_withdrawn(unit_a, editor_a):
    application = register(unit_a, editor_a, arrived_on=d("2025-11-03")).application
    services.correction_notice(
        application=application, sent_on=d("2025-11-05"), deadline=d("2025-11-19"), notice_text="x", by=editor_a
    )
    with pytest.raises(ValidationError, match="尚未届满"):
        services.application_withdraw_uncorrected(application=application, on=d("2025-11-19"), by=editor_a)
    application = services.application_withdraw_uncorrected(application=application, on=d("2025-11-20"), by=editor_a)
    reply = Reply.objects.get(application=application)
    assert (reply.kind, reply.reason) == (ReplyKind.OTHER, ReplyReason.NO_CORRECTION)
    assert application.status == Status.REPLIED and application.closed_on is not None
    assert application.pauses.get().outcome == PauseOutcome.NOT_CORRECTED


def test_third_party_consultation_across_national_day(unit_a, editor_a):
    application = register(unit_a, editor_a, arrived_on=d("2025-09-15")).application
    assert application.due_date == d("2025-10-17")
    pause = services.pause_start(
        application=application, kind=PauseKind.THIRD_PARTY, start=d("2025-09-25"), addressee="某公司", by=editor_a
    )
    assert pause.deadline == d("2025-10-22")
    application.refresh_from_db()
    assert (application.status, application.due_date) == (Status.CONSULTING, d("2025-11-07"))
    assert "尚未结束，暂按期限计算" in application.due_explanation
    services.pause_end(pause=pause, end=d("2025-10-09"), outcome=PauseOutcome.ANSWERED, by=editor_a)
    application.refresh_from_db()
    assert (application.status, application.due_date) == (Status.PROCESSING, d("2025-10-24"))


def test_extension_once_by_a_reviewer_of_the_unit_before_the_due_date(unit_a, editor_a, reviewer_a, supervisor):
    application = register(unit_a, editor_a, arrived_on=d("2025-09-30")).application
    for refused in (editor_a, supervisor):
        with pytest.raises(PermissionDenied):
            services.extension_grant(application=application, by=refused, approved_on=d("2025-10-30"), reason="量大")
    with pytest.raises(ValidationError, match="届满前"):
        services.extension_grant(application=application, by=reviewer_a, approved_on=d("2025-11-05"), reason="量大")
    services.extension_grant(application=application, by=reviewer_a, approved_on=d("2025-11-04"), reason="涉及档案多")
    application.refresh_from_db()
    assert application.due_date == d("2025-12-02")
    assert "经批准延长 20 个工作日" in application.due_explanation
    with pytest.raises(ValidationError, match="只能延长一次"):
        services.extension_grant(application=application, by=reviewer_a, approved_on=d("2025-11-04"), reason="再延")


def test_settled_at_the_counter_the_same_day_is_on_the_spot(unit_a, counter_clerk, editor_a):
    same_day = register(unit_a, counter_clerk, arrived_on=d("2025-11-17")).application
    later = register(unit_a, counter_clerk, arrived_on=d("2025-11-17")).application
    services.application_close(application=same_day, kind=ReplyKind.DISCLOSED, replied_on=d("2025-11-17"), by=editor_a)
    services.application_close(application=later, kind=ReplyKind.DISCLOSED, replied_on=d("2025-11-18"), by=editor_a)
    same_day.refresh_from_db(), later.refresh_from_db()
    assert (same_day.on_the_spot, later.on_the_spot) == (True, False)
    with pytest.raises(ValidationError, match="已办结"):
        services.application_close(application=later, kind=ReplyKind.DISCLOSED, replied_on=d("2025-11-18"), by=editor_a)


def test_a_reply_reason_must_match_its_kind(unit_a, editor_a):
    application = register(unit_a, editor_a, arrived_on=d("2025-11-17")).application
    with pytest.raises(ValidationError):
        services.application_close(
            application=application, kind=ReplyKind.REFUSED, replied_on=d("2025-11-18"), by=editor_a
        )
    with pytest.raises(ValidationError):
        services.application_close(
            application=application,
            kind=ReplyKind.REFUSED,
            reason=ReplyReason.NOT_HELD,
            replied_on=d("2025-11-18"),
            by=editor_a,
        )
    assert not Reply.objects.exists()


def test_withdrawal_by_the_applicant_is_kept_as_other_handling(unit_a, editor_a):
    application = register(unit_a, editor_a, arrived_on=d("2025-11-17")).application
    reply = services.application_withdraw(
        application=application, on=d("2025-11-18"), explanation="已自行获取", by=editor_a
    )
    application.refresh_from_db()
    assert (reply.kind, reply.reason, application.status) == (ReplyKind.OTHER, ReplyReason.OTHER, Status.WITHDRAWN)


def test_lookup_needs_the_right_code(unit_a):
    received = submit_online(unit_a)
    reference = received.application.reference
    assert application_lookup(reference=reference, code=received.query_code, client=None) == received.application
    lowered = "-".join([received.query_code[:5].lower(), received.query_code[5:]])
    assert application_lookup(reference=reference, code=lowered, client=None) == received.application
    assert application_lookup(reference=reference, code="AAAAAAAAAA", client=None) is None
    assert application_lookup(reference=reference, code="", client=None) is None
    assert application_lookup(reference="SQ19990101000001", code=received.query_code, client=None) is None


def test_a_calendar_edit_recomputes_open_due_dates(unit_a, editor_a, django_capture_on_commit_callbacks):
    with time_machine.travel("2040-09-28 10:00 +0800"):  # a year without holiday data: Monday–Friday
        application = register(unit_a, editor_a, arrived_on=d("2040-09-28")).application
        # Friday 28 Sep: 1–5 Oct 1–5, 8–12 6–10, 15–19 11–15, 22–26 16–20.
        assert application.due_date == d("2040-10-26")
        assert "2040年节假日安排尚未录入" in application.due_explanation
        with django_capture_on_commit_callbacks(execute=True):
            calendar_day_save(day=CalendarDay(date=d("2040-10-01"), kind=DayKind.HOLIDAY, name="国庆节"))
    application.refresh_from_db()
    assert application.due_date == d("2040-10-29")
    assert "跳过节假日：10-01国庆节" in application.due_explanation
