from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from decisions.models import Comment, CommentStatus, MajorDecision, Meeting
from decisions.public import public_comment_body
from decisions.rules import closing_moment


def public_consultations() -> QuerySet:
    """Decisions put out for comment (not classified), with their comment counts."""
    return (
        MajorDecision.objects.filter(classified=False, opens_on__isnull=False, opens_on__lte=timezone.localdate())
        .select_related("unit")
        .annotate(
            received=Count("comments"),
            published=Count("comments", filter=Q(comments__status=CommentStatus.APPROVED)),
        )
    )


def consultations_open_then_closed() -> tuple[list[MajorDecision], list[MajorDecision]]:
    now = timezone.now()
    rows = list(public_consultations().order_by("closes_on", "id"))
    open_now = [d for d in rows if now < closing_moment(d.closes_on)]
    closed = sorted((d for d in rows if now >= closing_moment(d.closes_on)), key=lambda d: d.closes_on, reverse=True)
    return open_now, closed


@dataclass(frozen=True)
class CommentGroup:
    body: str
    count: int
    first_at: object


def published_comment_groups(decision: MajorDecision) -> list[CommentGroup]:
    """Approved comments, masked; identical or near-identical ones (a campaign) shown once with their count."""
    rows = (
        Comment.objects.filter(decision=decision, status=CommentStatus.APPROVED)
        .values("fingerprint")
        .annotate(count=Count("id"), first_id=Min("id"), first_at=Min("submitted_at"))
        .order_by("first_at")
    )
    groups = list(rows)
    firsts = Comment.objects.filter(pk__in=[g["first_id"] for g in groups]).values_list("pk", "body", "name")
    bodies = {pk: public_comment_body(body, name) for pk, body, name in firsts}
    return [CommentGroup(body=bodies[g["first_id"]], count=g["count"], first_at=g["first_at"]) for g in groups]


def year_catalog(year: int) -> QuerySet:
    return MajorDecision.objects.filter(year=year).select_related("unit").order_by("unit__sort_order", "id")


def attendance_by_unit(start: date, end: date) -> dict[int, int]:
    """Per unit: meetings in the period that outsiders attended. One query."""
    rows = (
        Meeting.objects.filter(held_on__range=(start, end))
        .filter(Q(stakeholders__gt=0) | Q(public_representatives__gt=0) | Q(experts__gt=0) | Q(media__gt=0))
        .order_by()
        .values("unit")
        .annotate(n=Count("id"))
    )
    return {row["unit"]: row["n"] for row in rows}
