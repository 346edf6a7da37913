"""Reads of the mailbox: the public pages (a fixed number of queries whatever the size), the status
page, and what staff see."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Avg, Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from interaction import rules
from interaction.models import Mailbox, Message, MessageStatus, Referral, Reply
from lushan_portal.masking import scrub_text
from organizations.scoping import scope_queryset


def scrubbed(message: Message, text: str) -> str:
    """``text`` with the writer's name and contact taken out, and any ID or phone number."""
    names = [message.name] if message.name else []
    identifiers = [message.contact] if message.contact else []
    return scrub_text(text, names=names, identifiers=identifiers)


def open_mailboxes() -> QuerySet:
    return Mailbox.objects.filter(is_open=True).select_related("unit")


# What the mailbox page reads of a published letter: never the stored text, only its masked copy.
PUBLIC_FIELDS = (
    "reference", "category", "public_subject", "public_body", "public_answer", "public_answered_on",
    "received_on", "published_at", "unit__name", "unit__code",
)  # fmt: skip


def published_letters(mailbox: Mailbox, *, query: str = "") -> QuerySet:
    """The mailbox's published letters, newest first (message_public_idx); ``query`` searches the
    masked question and answer."""
    letters = Message.objects.filter(mailbox=mailbox, published_at__isnull=False, withdrawn_at__isnull=True)
    if query:
        words = Q()
        for field in ("public_subject", "public_body", "public_answer"):
            words |= Q(**{f"{field}__icontains": query})
        letters = letters.filter(words)
    return letters.select_related("unit").only(*PUBLIC_FIELDS).order_by("-published_at", "-pk")


@dataclass(frozen=True)
class MonthFigures:
    month: date
    received: int
    answered: int
    on_time: int
    average_days: float | None  # working days from receipt to the first reply; None: none answered
    referred: int


def first_month_shown(today: date) -> date:
    month_index = today.year * 12 + today.month - 1 - (rules.STATISTICS_MONTHS - 1)
    return date(month_index // 12, month_index % 12 + 1, 1)


def monthly_statistics(mailbox: Mailbox, today: date | None = None) -> list[MonthFigures]:
    """Per month of receipt over the last STATISTICS_MONTHS months, newest first, valid messages:
    received, answered, answered on time, average working days to the first reply, referred.
    One grouped query (message_mailbox_month_idx); months without letters show zeros."""
    today = today or timezone.localdate()
    first = first_month_shown(today)
    rows = (
        Message.objects.filter(mailbox=mailbox, received_on__gte=first, received_on__lte=today)
        .exclude(status=MessageStatus.INVALID)
        .annotate(month=TruncMonth("received_on"))
        .order_by()
        .values("month")
        .annotate(
            received=Count("pk"),
            answered=Count("pk", filter=Q(first_answered_on__isnull=False)),
            on_time=Count("pk", filter=Q(first_answer_on_time=True)),
            average_days=Avg("answer_working_days"),
            referred=Count("pk", filter=Q(referred=True)),
        )
    )
    by_month = {_as_date(row["month"]): row for row in rows}
    months = []
    for offset in range(rules.STATISTICS_MONTHS):
        index = first.year * 12 + first.month - 1 + offset
        month = date(index // 12, index % 12 + 1, 1)
        row = by_month.get(month, {})
        average = row.get("average_days")
        months.append(
            MonthFigures(
                month=month,
                received=row.get("received", 0),
                answered=row.get("answered", 0),
                on_time=row.get("on_time", 0),
                average_days=round(float(average), 1) if average is not None else None,
                referred=row.get("referred", 0),
            )
        )
    return months[::-1]


def _as_date(value: object) -> date:
    return value.date() if hasattr(value, "date") else value


@dataclass(frozen=True)
class StatusView:
    """What the writer sees after the number and code matched (never the name or contact)."""

    message: Message
    referrals: list[Referral]
    replies: list[Reply]
    rate_reply: Reply | None  # the latest sent reply, while it is not rated yet


def status_view(message: Message) -> StatusView:
    referrals = list(message.referrals.select_related("from_unit", "to_unit"))
    replies = list(message.replies.filter(sent_at__isnull=False).select_related("unit").order_by("sent_at", "pk"))
    latest = replies[-1] if replies else None
    ratable = latest if latest and not latest.rating and message.status == MessageStatus.ANSWERED else None
    return StatusView(message, referrals, replies, ratable)


def messages_for(user: object) -> QuerySet:
    """Staff: the messages their units hold (supervisors: all)."""
    queryset = Message.objects.select_related("mailbox", "unit", "first_unit")
    return scope_queryset(queryset, user)
