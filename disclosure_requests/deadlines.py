"""The reply deadline, registered with the compliance registry: the daily scan's alert and the
recomputation of open due dates after a calendar edit."""

from datetime import date

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from compliance.registry import DeadlineRule, register_rule
from disclosure_requests.models import Application
from disclosure_requests.services import recompute_open_due_dates

REPLY_OVERDUE = "disclosure_requests.reply_overdue"


def awaiting_reply() -> QuerySet:
    return Application.objects.filter(closed_on__isnull=True)


def reply_overdue(today: date) -> QuerySet:
    """Open applications past their last day (request_open_due_idx); unknown due dates are not."""
    return awaiting_reply().filter(due_date__lt=today)


def register_rules() -> None:
    register_rule(
        DeadlineRule(
            code=REPLY_OVERDUE,
            title=_("依申请公开逾期未答复（20个工作日，延期不超过20个工作日）"),
            overdue=reply_overdue,
            due_field="due_date",
            open_deadlines=awaiting_reply,
            recompute_due_dates=recompute_open_due_dates,
        )
    )
