"""Reads: what the applicant sees on the status page."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from disclosure_requests.models import Application, Reply, SentStatus

UNKNOWN_DATE = "日期不详"


@dataclass(frozen=True)
class StatusView:
    """The status page's content: no personal data beyond what the applicant asked for."""

    reference: str
    unit: str
    channel: str
    receipt_basis: str
    status: str
    dates: list[tuple[str, str]]
    pauses: list[dict]
    due_date: date | None
    due_explanation: str
    closed: bool
    reply: Reply | None
    description: str = ""


def _day(value: date | None) -> str:
    return f"{value:%Y-%m-%d}" if value else _(UNKNOWN_DATE)


def status_view(application: Application) -> StatusView:
    application = (
        Application.objects.select_related("unit", "extension", "reply", "fee")
        .prefetch_related("pauses")
        .get(pk=application.pk)
    )
    dates = [(_("提交或送达日期"), _day(application.arrived_on))]
    if application.confirmed_on or application.received_on is None:
        dates.append((_("确认日期"), _day(application.confirmed_on)))
    dates.append((_("收到申请日期"), _day(application.received_on) if application.received_on else _("待确认")))
    extension = getattr(application, "extension", None)
    if extension is not None:
        days = extension.working_days
        dates.append((_("延期批准日期"), _day(extension.approved_on) + _("（延长 %(n)d 个工作日）") % {"n": days}))
    fee = getattr(application, "fee", None)
    if fee is not None:  # Art 42: the amount and the last day to pay
        paid = _("，已于 %(day)s 缴纳") % {"day": _day(fee.paid_on)} if fee.paid_on else ""
        text = _("%(amount)s 元，缴费期限 %(due)s") % {"amount": fee.amount, "due": _day(fee.due_on)}
        dates.append((_("信息处理费"), text + paid))
    pauses = [
        {
            "kind": pause.get_kind_display(),
            "start": _day(pause.start),
            "deadline": _day(pause.deadline) if pause.deadline else "",
            "end": _day(pause.end) if pause.end else _("进行中"),
            "outcome": pause.get_outcome_display() if pause.outcome else "",
        }
        for pause in application.pauses.all()
    ]
    shown = sent_reply_for(application)
    if application.closed_on:
        dates.append((_("办结日期"), _day(application.closed_on)))
    return StatusView(
        reference=application.reference,
        unit=application.unit.name,
        channel=application.get_channel_display(),
        receipt_basis=application.receipt_basis,
        status=application.get_status_display(),
        dates=dates,
        pauses=pauses,
        due_date=application.due_date,
        due_explanation=application.due_explanation,
        closed=application.closed_on is not None,
        reply=shown,
        description=application.description,
    )


def sent_reply_for(application: Application) -> Reply | None:
    """The reply the applicant may see: only once its letter was sent (e-mailed, posted or handed
    over). Uses the reply loaded with ``select_related("reply")`` when there is one."""
    try:
        reply = application.reply
    except Reply.DoesNotExist:
        return None
    return reply if reply.sent_status == SentStatus.SENT else None
