"""回应关切: reads for the public list, the API, the scans and the indicator."""

from datetime import date, datetime, time, timedelta

from django.db.models import DateTimeField, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from interaction.models import Concern, ReplyStatus, Response, ResponseKind, Severity


def published_responses() -> QuerySet:
    """What the public sees: published responses, newest first, with their topic (no severity)."""
    return (
        Response.objects.filter(status=ReplyStatus.PUBLISHED)
        .select_related("concern")
        .only("pk", "kind", "title", "made_at", "link", "summary", "corrected_at", "correction_note", "concern__topic")
        .order_by("-made_at", "-pk")
    )


def latest_response_on() -> date | None:
    """The date of the newest published response (the 回应关切 column's latest item). One query."""
    latest = published_responses().values_list("made_at", flat=True).first()
    return timezone.localdate(latest) if latest else None


def _first(kind: str | None = None) -> Subquery:
    responses = Response.objects.filter(concern=OuterRef("pk"))
    if kind:
        responses = responses.filter(kind=kind)
    return Subquery(responses.order_by("made_at").values("made_at")[:1], output_field=DateTimeField())


def with_clocks(queryset: QuerySet) -> QuerySet:
    """``first_at``: the first response of any kind (the authoritative information); ``press_at``:
    the first press conference. Correlated subqueries: the page and the scans stay one query."""
    return queryset.annotate(first_at=_first(), press_at=_first(ResponseKind.PRESS_CONFERENCE))


# Every clock met: a first response by its due time and, for a major emergency, a press conference
# by its own.
WITHIN_CLOCKS = Q(first_at__isnull=False, first_at__lte=F("first_response_due")) & (
    Q(severity=Severity.GENERAL) | Q(press_at__isnull=False, press_at__lte=F("press_due"))
)


def clocks_done_or_due(moment: datetime) -> Q:
    """The concern counts in the share: every response it needed was made, or its last clock ran out."""
    done = Q(first_at__isnull=False) & (Q(severity=Severity.GENERAL) | Q(press_at__isnull=False))
    last_due_passed = Q(severity=Severity.GENERAL, first_response_due__lt=moment) | Q(
        severity=Severity.EMERGENCY, press_due__lt=moment
    )
    return done | last_due_passed


def scan_moment(today: date) -> datetime:
    """Hour clocks against the county's date: now, or the end of ``today`` when scanning a past day."""
    end_of_day = timezone.make_aware(datetime.combine(today + timedelta(days=1), time.min))
    return min(timezone.now(), end_of_day)


def concerns_first_seen(start: date, end: date) -> QuerySet:
    """Concerns first seen in the period (the county's dates), with their clocks."""
    since = timezone.make_aware(datetime.combine(start, time.min))
    until = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min))
    return with_clocks(Concern.objects.filter(first_seen_at__gte=since, first_seen_at__lt=until))
