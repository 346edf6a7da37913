"""The clock's workflow: due dates, pauses (补正, consultation, fee, reasons), the one extension,
withdrawal, and closing an application with its reply's cell. Every write checks that ``by``
belongs to the handling unit; every change recomputes and stores the due date.
"""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure_requests import clock, rules
from disclosure_requests.models import (
    REASONS_BY_KIND,
    Application,
    Channel,
    Extension,
    Pause,
    PauseKind,
    PauseOutcome,
    Reply,
    ReplyKind,
    ReplyReason,
    SentStatus,
    Status,
)
from organizations.models import Role
from organizations.scoping import can_write_unit, user_unit_ids

ERROR_NOT_HANDLING_UNIT = "只有受理机关的工作人员可以办理该申请。"
ERROR_CLOSED = "该申请已办结或已撤回，不能再办理。"
ERROR_NOT_RECEIVED = "收到申请日期尚未确认，请先登记确认日期。"
ERROR_SECOND_CORRECTION = "补正告知只能发出一次（条例第三十条）。"
ERROR_DEADLINE_REQUIRED = "请填写补正或说明理由的期限。"
ERROR_DEADLINE_BEFORE_START = "期限不能早于告知之日。"
ERROR_START_BEFORE_RECEIPT = "告知之日不能早于收到申请之日。"
ERROR_PAUSE_ENDED = "该中止已经结束。"
ERROR_END_BEFORE_START = "结束日期不能早于开始日期。"
ERROR_OUTCOME = "该结果不适用于此类中止。"
ERROR_FUTURE = "日期不能晚于今天。"
ERROR_EXTENSION_TWICE = "答复期限只能延长一次（条例第三十三条）。"
ERROR_EXTENSION_APPROVER = "延期须由受理机关的审核员（政府信息公开工作机构负责人）批准。"
ERROR_EXTENSION_LATE = "延期须在答复期限届满前批准（期限 %(due)s）。"
ERROR_EXTENSION_DAYS = "延长期限最长不超过%(days)d个工作日。"
ERROR_REASON_REQUIRED = "请填写理由。"
ERROR_NOT_OVERDUE = "补正期限（%(deadline)s）尚未届满，不能按逾期不补正处理。"
ERROR_NO_OPEN_CORRECTION = "该申请没有等待补正的告知。"
ERROR_REPLY_REASON = "请选择与办理结果相符的具体情形。"

OUTCOMES_BY_KIND = {
    PauseKind.CORRECTION: (PauseOutcome.CORRECTED, PauseOutcome.NOT_CORRECTED),
    PauseKind.THIRD_PARTY: (PauseOutcome.ANSWERED, PauseOutcome.THIRD_PARTY_SILENT, PauseOutcome.OTHER),
    PauseKind.CO_AGENCY: (PauseOutcome.ANSWERED, PauseOutcome.DEEMED_CONSENT, PauseOutcome.OTHER),
    PauseKind.FEE: (PauseOutcome.PAID, PauseOutcome.NOT_PAID),
    PauseKind.REASONS: (PauseOutcome.REASONS_GIVEN, PauseOutcome.NO_REASONS, PauseOutcome.OTHER),
}
STATUS_BY_PAUSE = {
    PauseKind.CORRECTION: Status.CORRECTION,
    PauseKind.THIRD_PARTY: Status.CONSULTING,
    PauseKind.CO_AGENCY: Status.CONSULTING,
    PauseKind.FEE: Status.FEE,
    PauseKind.REASONS: Status.REASONS,
}


def _require_unit(application: Application, by: AbstractBaseUser) -> None:
    if not can_write_unit(by, application.unit_id):
        raise PermissionDenied(_(ERROR_NOT_HANDLING_UNIT))


def _locked_open(application: Application, by: AbstractBaseUser) -> Application:
    _require_unit(application, by)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.closed_on is not None:
        raise ValidationError(_(ERROR_CLOSED))
    return application


def _not_future(day: date, field: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: _(ERROR_FUTURE)})


def due_date_recompute(application: Application) -> Application:
    """Store the due date and its explanation from the receipt, pauses, extension and calendar.

    Closed applications keep theirs (the date they were answered against)."""
    if application.closed_on is None:
        due = clock.compute(application)
        application.due_date, application.due_explanation = due.date, due.explanation
    application.save()
    return application


def recompute_open_due_dates() -> int:
    """After a calendar edit: fresh due dates on every open application; returns how many changed."""
    changed = 0
    open_ones = Application.objects.filter(closed_on__isnull=True).select_related("extension", "unit")
    for application in open_ones.prefetch_related("pauses").iterator(chunk_size=500):
        due = clock.compute(application)
        if (due.date, due.explanation) != (application.due_date, application.due_explanation):
            Application.objects.filter(pk=application.pk).update(due_date=due.date, due_explanation=due.explanation)
            changed += 1
    return changed


def _status_after_pauses(application: Application) -> str:
    open_pause = application.pauses.filter(end__isnull=True).order_by("-start").first()
    return STATUS_BY_PAUSE[open_pause.kind] if open_pause else Status.PROCESSING


def pause_start_check(*, application: Application, kind: str, start: date, deadline: date | None) -> date:
    """The checks of a new pause (also run by the admin form before saving); returns its deadline."""
    if application.received_on is None:
        raise ValidationError(_(ERROR_NOT_RECEIVED))
    _not_future(start, "start")
    if start < application.received_on:
        raise ValidationError({"start": _(ERROR_START_BEFORE_RECEIPT)})
    if kind == PauseKind.CORRECTION and application.pauses.filter(kind=PauseKind.CORRECTION).exists():
        raise ValidationError(_(ERROR_SECOND_CORRECTION))
    if kind in (PauseKind.THIRD_PARTY, PauseKind.CO_AGENCY):
        deadline = deadline or rules.third_party_answer_due(start)
    elif kind == PauseKind.FEE:
        deadline = deadline or rules.fee_payment_due(start)
    elif deadline is None:
        raise ValidationError({"deadline": _(ERROR_DEADLINE_REQUIRED)})
    if deadline < start:
        raise ValidationError({"deadline": _(ERROR_DEADLINE_BEFORE_START)})
    return deadline


@transaction.atomic
def pause_start(
    *,
    application: Application,
    kind: str,
    start: date,
    by: AbstractBaseUser,
    deadline: date | None = None,
    addressee: str = "",
    notice_text: str = "",
) -> Pause:
    """A notice goes out (补正, consultation of a third party or co-agency, fee, reasons): the clock
    stops from the day after ``start``. A consultation's deadline is the 15th working day."""
    application = _locked_open(application, by)
    deadline = pause_start_check(application=application, kind=kind, start=start, deadline=deadline)
    pause = Pause(
        application=application,
        kind=kind,
        start=start,
        deadline=deadline,
        addressee=addressee.strip(),
        notice_text=notice_text.strip(),
        created_by=by,
    )
    pause.full_clean()
    pause.save()
    application.status = STATUS_BY_PAUSE[kind]
    due_date_recompute(application)
    return pause


def correction_notice(
    *, application: Application, sent_on: date, deadline: date, notice_text: str, by: AbstractBaseUser
) -> Pause:
    """Art 30: the one notice saying what to add and by when (due within 7 working days of receipt;
    a later notice is recorded as it was sent, and the deadline scan reports it)."""
    return pause_start(
        application=application,
        kind=PauseKind.CORRECTION,
        start=sent_on,
        deadline=deadline,
        notice_text=notice_text,
        by=by,
    )


def pause_end_check(*, pause: Pause, end: date, outcome: str) -> None:
    if pause.end is not None:
        raise ValidationError(_(ERROR_PAUSE_ENDED))
    if outcome not in OUTCOMES_BY_KIND[pause.kind]:
        raise ValidationError({"outcome": _(ERROR_OUTCOME)})
    _not_future(end, "end")
    if end < pause.start:
        raise ValidationError({"end": _(ERROR_END_BEFORE_START)})


@transaction.atomic
def pause_end(*, pause: Pause, end: date, outcome: str, by: AbstractBaseUser, note: str = "") -> Pause:
    """The answer arrived (or the time ran out): counting resumes the day after ``end``.

    A corrected application restarts the clock from ``end``; an unpaid fee or an uncorrected
    application closes it (其他处理)."""
    application = _locked_open(pause.application, by)
    pause = Pause.objects.select_for_update().get(pk=pause.pk)
    pause_end_check(pause=pause, end=end, outcome=outcome)
    pause.end, pause.outcome, pause.outcome_note = end, outcome, note.strip()
    pause.save()
    closing = {
        PauseOutcome.NOT_CORRECTED: ReplyReason.NO_CORRECTION,
        PauseOutcome.NOT_PAID: ReplyReason.FEE_NOT_PAID,
    }.get(outcome)
    if closing:
        _close(application, kind=ReplyKind.OTHER, reason=closing, replied_on=timezone.localdate(), by=by)
        return pause
    application.status = _status_after_pauses(application)
    due_date_recompute(application)
    return pause


def application_withdraw_uncorrected(*, application: Application, on: date, by: AbstractBaseUser) -> Application:
    """Art 30: no correction by the stated date, without a reason → treated as withdrawn (其他处理 1)."""
    correction = application.pauses.filter(kind=PauseKind.CORRECTION, end__isnull=True).first()
    if correction is None:
        raise ValidationError(_(ERROR_NO_OPEN_CORRECTION))
    if not correction.deadline or on <= correction.deadline:
        raise ValidationError(_(ERROR_NOT_OVERDUE) % {"deadline": correction.deadline})
    pause_end(pause=correction, end=correction.deadline, outcome=PauseOutcome.NOT_CORRECTED, by=by)
    application.refresh_from_db()
    return application


def extension_check(
    *, application: Application, by: AbstractBaseUser, approved_on: date, reason: str, working_days: int
) -> None:
    if not (by.is_superuser or application.unit_id in user_unit_ids(by, Role.REVIEWER)):
        raise PermissionDenied(_(ERROR_EXTENSION_APPROVER))
    if Extension.objects.filter(application=application).exists():
        raise ValidationError(_(ERROR_EXTENSION_TWICE))
    if not 1 <= working_days <= rules.EXTENSION_WORKING_DAYS:
        raise ValidationError({"working_days": _(ERROR_EXTENSION_DAYS) % {"days": rules.EXTENSION_WORKING_DAYS}})
    if not reason.strip():
        raise ValidationError({"reason": _(ERROR_REASON_REQUIRED)})
    _not_future(approved_on, "approved_on")
    if application.due_date is not None and approved_on > application.due_date:
        raise ValidationError({"approved_on": _(ERROR_EXTENSION_LATE) % {"due": application.due_date}})


@transaction.atomic
def extension_grant(
    *,
    application: Application,
    by: AbstractBaseUser,
    approved_on: date,
    reason: str,
    notified_on: date | None = None,
    notice_text: str = "",
    working_days: int = rules.EXTENSION_WORKING_DAYS,
) -> Extension:
    """Art 33: once, by the office head (a reviewer of the unit), before the due date, at most 20 days."""
    application = _locked_open(application, by)
    extension_check(application=application, by=by, approved_on=approved_on, reason=reason, working_days=working_days)
    extension = Extension.objects.create(
        application=application,
        working_days=working_days,
        reason=reason.strip(),
        approved_by=by,
        approved_on=approved_on,
        notified_on=notified_on,
        notice_text=notice_text.strip(),
    )
    application.extension = extension
    due_date_recompute(application)
    return extension


def _close(
    application: Application, *, kind: str, reason: str, replied_on: date, by: AbstractBaseUser, **fields: object
) -> Reply:
    """Record the reply's cell and close the application (in the caller's transaction).

    Settled the same day at a counter where it was handed in: 当场答复 (seed 五(二))."""
    if reason not in REASONS_BY_KIND[kind] and (reason or REASONS_BY_KIND[kind]):
        raise ValidationError({"reason": _(ERROR_REPLY_REASON)})
    # A drafted reply (disclosure_requests.replies) is finalised in place: one reply per application.
    reply = Reply.objects.filter(application=application).first() or Reply(application=application)
    for name, value in {"kind": kind, "reason": reason, "replied_on": replied_on, "replied_by": by, **fields}.items():
        setattr(reply, name, value)
    reply.full_clean()
    reply.save()
    application.closed_on = replied_on
    application.status = Status.WITHDRAWN if application.withdrawn_on else Status.REPLIED
    application.on_the_spot = (
        application.channel == Channel.COUNTER
        and application.registered_at_unit_id is not None
        and replied_on == application.received_on
    )
    application.save()
    return reply


@transaction.atomic
def application_close(
    *, application: Application, kind: str, reason: str = "", replied_on: date, by: AbstractBaseUser, **fields: object
) -> Reply:
    """Close an open application with its reply (the reply letters build on this)."""
    application = _locked_open(application, by)
    _not_future(replied_on, "replied_on")
    return _close(application, kind=kind, reason=reason, replied_on=replied_on, by=by, **fields)


@transaction.atomic
def application_withdraw(*, application: Application, on: date, explanation: str, by: AbstractBaseUser) -> Reply:
    """The applicant withdrew: closed as 其他处理（其他）, kept with the explanation."""
    application = _locked_open(application, by)
    if not explanation.strip():
        raise ValidationError({"withdrawal_reason": _(ERROR_REASON_REQUIRED)})
    _not_future(on, "withdrawn_on")
    application.withdrawn_on, application.withdrawal_reason = on, explanation.strip()
    note = _("申请人于 %(day)s 撤回申请：%(why)s") % {"day": f"{on:%Y-%m-%d}", "why": explanation.strip()}
    return _close(
        application, kind=ReplyKind.OTHER, reason=ReplyReason.OTHER, replied_on=on, by=by,
        letter_text=note, sent_status=SentStatus.DRAFT,
    )  # fmt: skip
