"""The indicator 留言按期答复率 per unit (the unit holding the message), for the dashboard."""

from datetime import date

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from compliance.registry import DRILL_LIMIT, DrillRow, Indicator, IndicatorValue, on_time_by_unit, register_indicator
from interaction import rules
from interaction.models import Message, MessageStatus
from lushan_portal.masking import scrub_text

ON_TIME = "interaction.mailbox_on_time"


def _candidates(start: date, end: date) -> QuerySet:
    """Messages first answered in the period, or whose deadline (to accept, or to reply) fell in it
    while still unanswered."""
    unanswered = Q(first_answered_on__isnull=True)
    return Message.objects.exclude(status=MessageStatus.INVALID).filter(
        Q(first_answered_on__range=(start, end))
        | (unanswered & Q(status=MessageStatus.ACCEPTED, reply_due__range=(start, end)))
        | (unanswered & Q(status=MessageStatus.RECEIVED, accept_due__range=(start, end)))
    )


def _due(today: date) -> Q:
    return (
        Q(first_answered_on__isnull=False)
        | Q(status=MessageStatus.ACCEPTED, reply_due__lt=today)
        | Q(status=MessageStatus.RECEIVED, accept_due__lt=today)
    )


def compute(start: date, end: date) -> dict[int, IndicatorValue]:
    today = timezone.localdate()
    return on_time_by_unit(_candidates(start, end), on_time=Q(first_answer_on_time=True), due=_due(today))


def offending(unit_id: int, start: date, end: date) -> list[DrillRow]:
    today = timezone.localdate()
    late = _candidates(start, end).filter(_due(today), unit_id=unit_id).exclude(first_answer_on_time=True)
    rows = []
    for message in late.select_related("unit", "mailbox").order_by("received_on", "pk")[:DRILL_LIMIT]:
        waiting = message.status == MessageStatus.RECEIVED
        if message.first_answered_on:
            note = _("已于 %(day)s 答复") % {"day": f"{message.first_answered_on:%Y-%m-%d}"}
        else:
            note = _("尚未受理或转交") if waiting else _("尚未答复")
        rows.append(
            DrillRow(
                title=f"{message.reference} {scrub_text(message.subject)}（{message.mailbox.name}）",
                rule=_("留言受理后%(days)d个工作日内答复") % {"days": rules.reply_working_days()},
                unit=message.unit.name,
                admin_url=reverse("admin:interaction_message_change", args=[message.pk]),
                due_on=message.accept_due if waiting else message.reply_due,
                done_on=message.first_answered_on,
                note=note,
            )
        )
    return rows


def register_indicators() -> None:
    register_indicator(
        Indicator(
            code=ON_TIME,
            title=gettext_lazy("留言按期答复率"),
            short_title=gettext_lazy("留言按期"),
            target=gettext_lazy("100%%（%(accept)d个工作日内受理或转交，受理后%(reply)d个工作日内答复）")
            % {"accept": rules.ACCEPT_WORKING_DAYS, "reply": rules.reply_working_days()},
            compute=compute,
            offending=offending,
        )
    )
