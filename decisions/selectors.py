from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, IntegerField, Min, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from decisions.models import Comment, CommentStatus, Kind, MajorDecision, Meeting, OfflineComments
from decisions.public import public_comment_body
from decisions.rules import closing_moment


def _offline_total() -> Coalesce:
    per_decision = OfflineComments.objects.filter(decision=OuterRef("pk")).order_by().values("decision")
    total = per_decision.annotate(n=Sum("count")).values("n")
    return Coalesce(Subquery(total, output_field=IntegerField()), 0)


def public_consultations() -> QuerySet:
    """Consultations (not classified): run here and opened, or recorded after the fact (dates may be
    unknown); with their comment counts, online and offline ("收到意见 n 条" counts both)."""
    here = Q(entered_after_fact=False, opens_on__isnull=False, closes_on__isnull=False)
    return (
        MajorDecision.objects.filter(classified=False)
        .filter(Q(here, opens_on__lte=timezone.localdate()) | Q(entered_after_fact=True))
        .select_related("unit")
        .annotate(
            received_online=Count("comments"),
            received_offline=_offline_total(),
            published=Count("comments", filter=Q(comments__status=CommentStatus.APPROVED)),
        )
        .annotate(received=F("received_online") + F("received_offline"))
        .order_by(*MajorDecision._meta.ordering)  # an aggregate query drops Meta.ordering
    )


def consultations_open_then_closed() -> tuple[list[MajorDecision], list[MajorDecision]]:
    """Open (run here, window not over) by close; then the rest, latest close first, unknown last."""
    now = timezone.now()
    rows = list(public_consultations().order_by("closes_on", "id"))

    def is_open(d: MajorDecision) -> bool:
        return not d.entered_after_fact and now < closing_moment(d.closes_on)

    open_now = [d for d in rows if is_open(d)]
    closed = [d for d in rows if not is_open(d)]
    closed.sort(key=lambda d: (d.closes_on is not None, d.closes_on), reverse=True)
    return open_now, closed


def open_consultations() -> QuerySet:
    """Consultations run here whose window is open today, closing soonest first (the home page).

    The same rows as the open half of consultations_open_then_closed (open until the midnight
    after the last day, county time), without its comment counts: a range read of
    decision_window_idx instead of every consultation with its comments.
    """
    today = timezone.localdate()
    return (
        MajorDecision.objects.filter(
            classified=False, entered_after_fact=False, opens_on__lte=today, closes_on__gte=today
        )
        .select_related("unit")
        .order_by("closes_on", "id")
    )


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


def year_catalog(year: int) -> tuple[list[MajorDecision], list[MajorDecision]]:
    """The year's decision items, then the calls for proposals that fed it (not items of the
    catalog; classified calls left out). One query."""
    rows = MajorDecision.objects.filter(year=year).select_related("unit").order_by("unit__sort_order", "id")
    items = [row for row in rows if row.kind != Kind.CATALOG_CALL]
    calls = [row for row in rows if row.kind == Kind.CATALOG_CALL and not row.classified]
    return items, calls


def attendance_by_unit(spans: list[tuple[date, date]]) -> dict[int, list[int]]:
    """Per unit: meetings that outsiders attended in each span (the half years of a period). One query."""
    counts = {f"span{n}": Count("id", filter=Q(held_on__range=span)) for n, span in enumerate(spans)}
    rows = (
        Meeting.objects.filter(held_on__range=(spans[0][0], spans[-1][1]))
        .filter(Q(stakeholders__gt=0) | Q(public_representatives__gt=0) | Q(experts__gt=0) | Q(media__gt=0))
        .order_by()
        .values("unit")
        .annotate(**counts)
    )
    return {row["unit"]: [row[f"span{n}"] for n in range(len(spans))] for row in rows}
