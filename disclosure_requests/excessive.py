"""Art 35: an applicant whose applications clearly exceed a reasonable number or frequency may be asked
for reasons (a REASONS pause, ``services.pause_start``: the clock stops until the answer). Reasons not
reasonable → 不予处理（无正当理由大量反复申请）, a reply; reasons reasonable but the Art 33 time too short →
a longer reasonable deadline, stated with its reason, which replaces the computed due date.
"""

import copy
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure_requests import clock, services
from disclosure_requests.models import Application, PauseKind, PauseOutcome
from organizations.scoping import can_write_unit

ERROR_NO_REASONS_GIVEN = "确定延迟答复的合理期限前，须先要求申请人说明理由并收到其理由（条例第三十五条）。"
ERROR_NOT_LONGER = "合理期限应晚于按条例第三十三条计算的答复期限（%(due)s）。"
ERROR_PAST = "合理期限不能早于今天。"


def statutory_due(application: Application) -> date | None:
    """The due date the Art 33 clock gives, without any reasonable deadline."""
    plain = copy.copy(application)
    plain.reasonable_deadline, plain.reasonable_deadline_reason = None, ""
    return clock.compute(plain).date


def reasonable_deadline_check(*, application: Application, deadline: date | None, reason: str) -> None:
    """The checks of a reasonable deadline (also run by the admin form). Clearing one is allowed:
    the computed due date applies again."""
    if application.closed_on is not None:
        raise ValidationError(_(services.ERROR_CLOSED))
    if deadline is None:
        return
    answered = application.pauses.filter(kind=PauseKind.REASONS, outcome=PauseOutcome.REASONS_GIVEN)
    if not answered.exists():
        raise ValidationError({"reasonable_deadline": _(ERROR_NO_REASONS_GIVEN)})
    errors = {}
    due = statutory_due(application)
    if due is not None and deadline <= due:
        errors["reasonable_deadline"] = _(ERROR_NOT_LONGER) % {"due": f"{due:%Y-%m-%d}"}
    elif deadline < timezone.localdate():
        errors["reasonable_deadline"] = _(ERROR_PAST)
    if not reason.strip():
        errors["reasonable_deadline_reason"] = _(services.ERROR_REASON_REQUIRED)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def reasonable_deadline_set(
    *, application: Application, deadline: date | None, reason: str, by: AbstractBaseUser
) -> Application:
    """Set (or clear) the Art 35 reasonable deadline; the due date and its explanation follow."""
    if not can_write_unit(by, application.unit_id):
        raise PermissionDenied(_(services.ERROR_NOT_HANDLING_UNIT))
    application = Application.objects.select_for_update().get(pk=application.pk)
    reasonable_deadline_check(application=application, deadline=deadline, reason=reason)
    application.reasonable_deadline = deadline
    application.reasonable_deadline_reason = reason.strip() if deadline else ""
    return services.due_date_recompute(application)
