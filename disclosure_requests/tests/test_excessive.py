"""Art 35: reasons asked (the clock stops), then 不予处理 or a longer reasonable deadline with its reason."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from disclosure_requests import excessive, services
from disclosure_requests.models import PauseKind, PauseOutcome, Reply, ReplyKind, ReplyReason, Status
from disclosure_requests.tests.dates import at, d
from disclosure_requests.tests.factories import register

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(unit_a, editor_a):
    return register(unit_a, editor_a, arrived_on=d("2025-11-03")).application  # Monday; due 1 Dec


def ask_reasons(application, by, *, answered: str | None = "2025-11-12", outcome: str = PauseOutcome.REASONS_GIVEN):
    with at("2025-11-05"):
        pause = services.pause_start(
            application=application, kind=PauseKind.REASONS, start=d("2025-11-05"), deadline=d("2025-11-19"), by=by,
            notice_text="请说明本月申请30件的理由",
        )  # fmt: skip
    if answered:
        with at(answered):
            services.pause_end(pause=pause, end=d(answered), outcome=outcome, by=by)
    application.refresh_from_db()
    return pause


def test_asking_for_reasons_stops_the_clock_until_the_answer(application, editor_a):
    with at("2025-11-05"), pytest.raises(ValidationError) as error:
        services.pause_start(application=application, kind=PauseKind.REASONS, start=d("2025-11-05"), by=editor_a)
    assert error.value.message_dict == {"deadline": ["请填写补正或说明理由的期限。"]}
    ask_reasons(application, editor_a, answered=None)
    assert application.status == Status.REASONS
    assert "要求说明理由 2025-11-05 至 2025-11-19 不计入（尚未结束" in application.due_explanation
    pause = application.pauses.get()
    with at("2025-11-12"), pytest.raises(ValidationError) as error:
        services.pause_end(pause=pause, end=d("2025-11-12"), outcome=PauseOutcome.PAID, by=editor_a)
    assert error.value.message_dict == {"outcome": ["该结果不适用于此类中止。"]}
    with at("2025-11-12"):
        services.pause_end(pause=pause, end=d("2025-11-12"), outcome=PauseOutcome.REASONS_GIVEN, by=editor_a)
    application.refresh_from_db()
    # Counted 4–5 Nov (2), paused 6–12 Nov, then 13–14 4, 17–21 9, 24–28 14, 1–5 Dec 19, 8 Dec 20.
    assert (application.status, application.due_date) == (Status.PROCESSING, d("2025-12-08"))


def test_no_reasons_given_the_agency_declines_as_excessive(application, editor_a):
    ask_reasons(application, editor_a, answered="2025-11-20", outcome=PauseOutcome.NO_REASONS)
    with at("2025-11-21"):
        services.application_close(
            application=application, kind=ReplyKind.NOT_PROCESSED, reason=ReplyReason.EXCESSIVE,
            replied_on=d("2025-11-21"), by=editor_a,
        )  # fmt: skip
    reply = Reply.objects.get(application=application)
    assert (reply.kind, reply.get_reason_display()) == (ReplyKind.NOT_PROCESSED, "无正当理由大量反复申请")


def test_a_reasonable_deadline_needs_the_reasons_first_and_must_be_longer(application, editor_a, editor_b):
    with at("2025-11-13"):
        with pytest.raises(ValidationError) as error:
            excessive.reasonable_deadline_set(
                application=application, deadline=d("2025-12-31"), reason="x", by=editor_a
            )
        assert error.value.message_dict["reasonable_deadline"] == [excessive.ERROR_NO_REASONS_GIVEN]
    ask_reasons(application, editor_a)
    assert application.due_date == d("2025-12-08")
    with at("2025-11-13"):
        with pytest.raises(ValidationError) as error:
            excessive.reasonable_deadline_set(application=application, deadline=d("2025-12-08"), reason="", by=editor_a)
        assert error.value.message_dict == {
            "reasonable_deadline": ["合理期限应晚于按条例第三十三条计算的答复期限（2025-12-08）。"],
            "reasonable_deadline_reason": ["请填写理由。"],
        }
        with pytest.raises(PermissionDenied):
            excessive.reasonable_deadline_set(
                application=application, deadline=d("2025-12-31"), reason="共30件", by=editor_b
            )
        application = excessive.reasonable_deadline_set(
            application=application, deadline=d("2025-12-09"), reason="申请涉及30件档案，需逐件检索", by=editor_a
        )
    assert application.due_date == d("2025-12-09")  # the day after the statutory due date is longer
    assert application.due_explanation == (
        "根据条例第三十五条确定延迟答复的合理期限至 2025-12-09：申请涉及30件档案，需逐件检索"
    )
    with at("2025-11-14"):
        application = excessive.reasonable_deadline_set(application=application, deadline=None, reason="", by=editor_a)
    assert (application.due_date, application.reasonable_deadline_reason) == (d("2025-12-08"), "")


def test_a_closed_application_keeps_its_deadline(application, editor_a):
    ask_reasons(application, editor_a)
    with at("2025-11-13"):
        services.application_close(application=application, kind=ReplyKind.DISCLOSED, replied_on=d("2025-11-13"),
                                   by=editor_a)  # fmt: skip
        with pytest.raises(ValidationError, match="已办结"):
            excessive.reasonable_deadline_set(
                application=application, deadline=d("2025-12-31"), reason="共30件", by=editor_a
            )
