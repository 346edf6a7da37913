"""What the website self-inspection reads about the mailboxes (lushan_portal/site_inspection.py):
each mailbox as a message channel and as an interaction column."""

from collections.abc import Iterable
from datetime import date

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from interaction.mailbox_deadlines import red_line_findings_query
from interaction.models import Mailbox, Message
from lushan_portal import site_inspection
from lushan_portal.site_inspection import ColumnKind, InteractionChannel, MessageFinding, SiteColumn

CODE = "interaction.mailbox"


def _local_date(moment: object) -> date | None:
    return timezone.localdate(moment) if moment else None


def _findings(mailbox_id: int, since: date, today: date) -> list[MessageFinding]:
    rows = red_line_findings_query(mailbox_id, since, today).order_by("received_on", "pk")
    return [
        MessageFinding(
            reference=message.reference,
            title=message.subject,
            unit_id=message.unit_id,
            received_on=message.received_on,
            answered_on=message.first_answered_on,
            admin_url=reverse("admin:interaction_message_change", args=[message.pk]),
        )
        for message in rows.only("reference", "subject", "unit_id", "received_on", "first_answered_on")
    ]


def _published(mailbox: object) -> object:
    """The newest published letters of ``mailbox`` (an id or OuterRef), on message_public_idx."""
    published = Message.objects.filter(mailbox=mailbox, published_at__isnull=False, withdrawn_at__isnull=True)
    return published.order_by("-published_at").values("published_at")


def _last_reply_on(mailbox_id: int) -> date | None:
    return _local_date(_published(mailbox_id).values_list("published_at", flat=True).first())


def _channel(mailbox: Mailbox) -> InteractionChannel:
    pk = mailbox.pk
    return InteractionChannel(
        code=f"mailbox:{mailbox.code}",
        title=mailbox.name,
        url=mailbox.get_absolute_url(),
        open=lambda: Mailbox.objects.filter(pk=pk, is_open=True).exists(),
        red_line_findings=lambda since, today: _findings(pk, since, today),
        last_reply_on=lambda: _last_reply_on(pk),
    )


def channels() -> Iterable[InteractionChannel]:
    """Every mailbox (open or not: a closed one is still a channel the inspection judges); one query."""
    return [_channel(mailbox) for mailbox in Mailbox.objects.all()]


def columns() -> Iterable[SiteColumn]:
    """Each mailbox page as a 留言回复 column, its latest the newest published reply; one query."""
    # One top-1 subquery per mailbox on the index, not an aggregate over every published letter.
    newest = Subquery(_published(OuterRef("pk"))[:1])
    mailboxes = Mailbox.objects.annotate(newest=newest).order_by("sort_order", "code")
    return [
        SiteColumn(
            code=f"mailbox:{mailbox.code}",
            title=mailbox.name,
            url=mailbox.get_absolute_url(),
            kind=ColumnKind.INTERACTION,
            latest=_local_date(mailbox.newest),
            unit_id=mailbox.unit_id,
            admin_url=reverse("admin:interaction_mailbox_change", args=[mailbox.pk]),
        )
        for mailbox in mailboxes
    ]


def register() -> None:
    site_inspection.register_channel_provider(CODE, channels)
    site_inspection.register_columns(CODE, columns)
