"""The answer deadline of error reports, registered with the compliance registry."""

from datetime import date

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from compliance.registry import DeadlineRule, register_rule
from site_feedback import rules
from site_feedback.models import ErrorReport, ReportStatus

ANSWER_OVERDUE = "site_feedback.answer_overdue"


def awaiting_answer() -> QuerySet:
    return ErrorReport.objects.filter(status=ReportStatus.RECEIVED)


def answer_overdue(today: date) -> QuerySet:
    """Reports not answered (nor withdrawn) by their last day: an alert from the day after."""
    return awaiting_answer().filter(due_date__lt=today)


def recompute_answer_due() -> int:
    """After a calendar edit: fresh due dates on the reports still waiting, one UPDATE per day of receipt."""
    updated = 0
    for received_on in awaiting_answer().order_by().values_list("received_on", flat=True).distinct():
        due = rules.answer_due(received_on)
        updated += awaiting_answer().filter(received_on=received_on).exclude(due_date=due).update(due_date=due)
    return updated


def register_rules() -> None:
    register_rule(
        DeadlineRule(
            code=ANSWER_OVERDUE,
            title=_("网站找错报告逾期未答复（3个工作日）"),
            overdue=answer_overdue,
            due_field="due_date",
            open_deadlines=awaiting_answer,
            recompute_due_dates=recompute_answer_due,
        )
    )
