"""信息处理费 (Art 42; 《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号): only for applications
whose number or volume clearly exceeds a reasonable range. The notice states the amount and its basis
and stops the clock (a fee pause); the payment ends the pause and the due date is recomputed; an
applicant who has not paid by the due date may be told the application is no longer processed
(其他处理 · 逾期未缴费) — by staff, never automatically. The daily scan flags the unpaid ones.
"""

from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from compliance.registry import DeadlineRule, register_rule
from disclosure_requests import rules, services
from disclosure_requests.models import Application, Fee, Pause, PauseKind, PauseOutcome
from organizations.scoping import can_write_unit

ERROR_FEE_TWICE = "该申请已发出收费通知，不能重复收费。"
ERROR_AMOUNT = "收费金额不能为负数。"
ERROR_AMOUNT_REQUIRED = "请填写收费金额。"
ERROR_BASIS = "请写明收费依据和计算方式（按件或按量计收，国办函〔2020〕109号）。"
ERROR_PAID_TWICE = "该信息处理费已登记缴纳。"
ERROR_PAID_BEFORE_NOTICE = "缴费日期不能早于收费通知日期（%(notice)s）。"
ERROR_PAID_LATE = "缴费期限已于 %(due)s 届满，逾期缴费的应按逾期未缴费处理。"
ERROR_NOT_YET_DUE = "缴费期限（%(due)s）尚未届满，不能按逾期未缴费处理。"
ERROR_NO_FEE = "该申请没有待缴纳的信息处理费。"

FEE_UNPAID = "disclosure_requests.fee_unpaid"


def _require_unit(application: Application, by: AbstractBaseUser) -> None:
    if not can_write_unit(by, application.unit_id):
        raise PermissionDenied(_(services.ERROR_NOT_HANDLING_UNIT))


def fee_notice_check(*, application: Application, notice_on: date, amount: Decimal | None, basis: str) -> date:
    """The checks of a fee notice (also run by the admin form before saving); returns the due date."""
    errors = {}
    if Fee.objects.filter(application=application).exists():
        raise ValidationError(_(ERROR_FEE_TWICE))
    if amount is None:
        errors["amount"] = _(ERROR_AMOUNT_REQUIRED)
    elif amount < 0:
        errors["amount"] = _(ERROR_AMOUNT)
    if not basis.strip():
        errors["basis"] = _(ERROR_BASIS)
    try:
        services.pause_start_check(application=application, kind=PauseKind.FEE, start=notice_on, deadline=None)
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        errors["notice_on"] = [message for messages in error.message_dict.values() for message in messages]
    if errors:
        raise ValidationError(errors)
    return rules.fee_payment_due(notice_on)


@transaction.atomic
def fee_notice(*, application: Application, notice_on: date, amount: Decimal, basis: str, by: AbstractBaseUser) -> Fee:
    """Send the fee notice: the fee is recorded with its basis, due FEE_PAYMENT_WORKING_DAYS working
    days later, and the clock stops from the day after the notice until the payment."""
    _require_unit(application, by)
    application = Application.objects.select_for_update().get(pk=application.pk)
    due_on = fee_notice_check(application=application, notice_on=notice_on, amount=amount, basis=basis)
    fee = Fee(application=application, notice_on=notice_on, amount=amount, due_on=due_on, basis=basis.strip())
    fee.full_clean()
    fee.save()
    services.pause_start(
        application=application,
        kind=PauseKind.FEE,
        start=notice_on,
        deadline=due_on,
        notice_text=_("信息处理费 %(amount)s 元，缴费期限 %(due)s；收费依据：%(basis)s")
        % {"amount": fee.amount, "due": f"{due_on:%Y-%m-%d}", "basis": fee.basis},
        by=by,
    )
    return fee


def _open_fee_pause(fee: Fee) -> Pause | None:
    return fee.application.pauses.filter(kind=PauseKind.FEE, end__isnull=True).order_by("-start").first()


def fee_payment_check(*, fee: Fee, paid_on: date) -> None:
    if fee.paid_on is not None:
        raise ValidationError(_(ERROR_PAID_TWICE))
    if not fee.application.is_open:
        raise ValidationError(_(services.ERROR_CLOSED))
    if paid_on < fee.notice_on:
        raise ValidationError({"paid_on": _(ERROR_PAID_BEFORE_NOTICE) % {"notice": f"{fee.notice_on:%Y-%m-%d}"}})
    if paid_on > timezone.localdate():
        raise ValidationError({"paid_on": _(services.ERROR_FUTURE)})
    if paid_on > fee.due_on:
        raise ValidationError({"paid_on": _(ERROR_PAID_LATE) % {"due": f"{fee.due_on:%Y-%m-%d}"}})


@transaction.atomic
def fee_record_payment(*, fee: Fee, paid_on: date, by: AbstractBaseUser) -> Fee:
    """The applicant paid: the fee pause ends on ``paid_on`` and the reply due date is recomputed."""
    _require_unit(fee.application, by)
    fee = Fee.objects.select_for_update().select_related("application").get(pk=fee.pk)
    fee_payment_check(fee=fee, paid_on=paid_on)
    fee.paid_on = paid_on
    fee.save()
    pause = _open_fee_pause(fee)
    if pause is not None:
        services.pause_end(pause=pause, end=paid_on, outcome=PauseOutcome.PAID, by=by)
    return fee


@transaction.atomic
def fee_close_unpaid(*, application: Application, by: AbstractBaseUser) -> Application:
    """Not paid by the due date: staff close the application as 其他处理 (逾期未缴费). Never automatic."""
    _require_unit(application, by)
    fee = Fee.objects.select_for_update().select_related("application").filter(application=application).first()
    if fee is None or fee.paid_on is not None:
        raise ValidationError(_(ERROR_NO_FEE))
    if not fee.application.is_open:
        raise ValidationError(_(services.ERROR_CLOSED))
    if timezone.localdate() <= fee.due_on:
        raise ValidationError(_(ERROR_NOT_YET_DUE) % {"due": f"{fee.due_on:%Y-%m-%d}"})
    pause = _open_fee_pause(fee)
    if pause is None:
        raise ValidationError(_(ERROR_NO_FEE))
    services.pause_end(pause=pause, end=fee.due_on, outcome=PauseOutcome.NOT_PAID, by=by)
    application.refresh_from_db()
    return application


def unpaid_open() -> QuerySet:
    """Open applications with a fee notice not (yet) paid."""
    return Application.objects.filter(closed_on__isnull=True, fee__isnull=False, fee__paid_on__isnull=True)


def unpaid_past_due(today: date) -> QuerySet:
    """The daily scan's flag: unpaid after the due date, waiting for staff to decide."""
    return unpaid_open().filter(fee__due_on__lt=today)


def register_fee_rules() -> None:
    """Called from DisclosureRequestsConfig.ready() beside deadlines.register_rules()."""
    register_rule(
        DeadlineRule(
            code=FEE_UNPAID,
            title=gettext_lazy("依申请公开信息处理费逾期未缴纳，待作其他处理（20个工作日）"),
            overdue=unpaid_past_due,
            due_field="fee__due_on",
            open_deadlines=unpaid_open,
        )
    )
