"""The mailbox's deadlines, registered with the compliance registry: accept or refer within 2
working days, reply within 5 (a setting) of acceptance, and the 3-month red line (a county-level
alert: it fails the whole site's inspection, whichever unit holds the message)."""

from datetime import date

from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from compliance.registry import DeadlineRule, register_rule
from interaction import rules
from interaction.models import Message, MessageStatus

ACCEPT_OVERDUE = "interaction.mailbox_accept_overdue"
REPLY_OVERDUE = "interaction.mailbox_reply_overdue"
RED_LINE = "interaction.mailbox_red_line"


def awaiting_acceptance() -> QuerySet:
    return Message.objects.filter(status=MessageStatus.RECEIVED)


def awaiting_reply() -> QuerySet:
    return Message.objects.filter(status=MessageStatus.ACCEPTED)


def never_answered() -> QuerySet:
    """Valid messages without a first reply (message_red_line_idx)."""
    return Message.objects.filter(first_answered_on__isnull=True).exclude(status=MessageStatus.INVALID)


def accept_overdue(today: date) -> QuerySet:
    return awaiting_acceptance().filter(accept_due__lt=today)


def reply_overdue(today: date) -> QuerySet:
    return awaiting_reply().filter(reply_due__lt=today)


def red_line_passed(today: date) -> QuerySet:
    return never_answered().filter(red_line_on__lt=today)


def recompute_accept_due() -> int:
    """After a calendar edit: one UPDATE per day the waiting messages were assigned."""
    updated = 0
    for assigned_on in awaiting_acceptance().order_by().values_list("assigned_on", flat=True).distinct():
        due = rules.accept_due(assigned_on)
        updated += awaiting_acceptance().filter(assigned_on=assigned_on).exclude(accept_due=due).update(accept_due=due)
    return updated


def recompute_reply_due() -> int:
    """After a calendar edit (or a change of the setting): one UPDATE per start day and extension."""
    updated = 0
    starts = awaiting_reply().order_by().values_list("reply_started_on", "extended").distinct()
    for started_on, extended in starts:
        due = rules.reply_due(started_on, extended=extended)
        rows = awaiting_reply().filter(reply_started_on=started_on, extended=extended).exclude(reply_due=due)
        updated += rows.update(reply_due=due)
    return updated


def register_rules() -> None:
    register_rule(
        DeadlineRule(
            code=ACCEPT_OVERDUE,
            title=_("留言逾期未受理或转交（%(days)d个工作日）") % {"days": rules.ACCEPT_WORKING_DAYS},
            overdue=accept_overdue,
            due_field="accept_due",
            open_deadlines=awaiting_acceptance,
            recompute_due_dates=recompute_accept_due,
        )
    )
    register_rule(
        DeadlineRule(
            code=REPLY_OVERDUE,
            title=_("留言逾期未答复（受理后%(days)d个工作日，延期的按延期后期限）")
            % {"days": rules.reply_working_days()},
            overdue=reply_overdue,
            due_field="reply_due",
            open_deadlines=awaiting_reply,
            recompute_due_dates=recompute_reply_due,
        )
    )
    # No unit: the alert stands at the top of the county's dashboard (a single veto for the site).
    register_rule(
        DeadlineRule(
            code=RED_LINE,
            title=_("【红线】留言超过%(months)d个月未答复（网站普查单项否决）") % {"months": rules.RED_LINE_MONTHS},
            overdue=red_line_passed,
            due_field="red_line_on",
            unit_field=None,
            severe=True,
            open_deadlines=never_answered,
        )
    )


def red_line_findings_query(mailbox_id: int, since: date, today: date) -> QuerySet:
    """Valid messages of a mailbox received since ``since`` answered after the red line, or still
    unanswered past it on ``today``."""
    late = Q(first_answered_on__isnull=False, first_answered_on__gt=F("red_line_on"))
    open_past = Q(first_answered_on__isnull=True, red_line_on__lt=today)
    return (
        Message.objects.filter(mailbox_id=mailbox_id, received_on__gte=since)
        .exclude(status=MessageStatus.INVALID)
        .filter(late | open_past)
    )
