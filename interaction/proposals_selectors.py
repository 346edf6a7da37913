"""建议提案: reads for the public pages, the API, the scans and the indicators."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, DateField, F, Max, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from interaction.models import Proposal, ReplyStatus, ResultClass

# Replied on or before the due date in force (an approved extension replaces the 3 months).
ON_TIME = Q(replied_on__isnull=False, due_on__isnull=False, replied_on__lte=F("due_on"))
LATE = Q(replied_on__gt=F("due_on"))
UNKNOWN_DUE = Q(due_on__isnull=True)  # 交办日期不详: no clock, counted apart


def with_due(queryset: QuerySet) -> QuerySet:
    """``due_on``: the reply's due date in force (extended_until, else reply_due)."""
    return queryset.annotate(due_on=Coalesce("extended_until", "reply_due", output_field=DateField()))


def published_replies() -> QuerySet:
    return Proposal.objects.filter(reply_status=ReplyStatus.PUBLISHED).select_related("unit")


def proposal_years() -> list[dict]:
    """Each year with proposals: how many, how many replied, how many replies public. One query."""
    rows = (
        Proposal.objects.order_by("-year")
        .values("year")
        .annotate(
            total=Count("pk"),
            replied=Count("pk", filter=Q(replied_on__isnull=False)),
            published=Count("pk", filter=Q(reply_status=ReplyStatus.PUBLISHED)),
        )
    )
    return list(rows)


@dataclass(frozen=True)
class YearOverview:
    year: int
    totals: dict
    by_kind: list[dict]
    by_unit: list[dict]
    by_class: list[tuple[str, str, int]]  # (class, label, count)


def _counts() -> dict:
    return {
        "total": Count("pk"),
        "replied": Count("pk", filter=Q(replied_on__isnull=False)),
        "on_time": Count("pk", filter=ON_TIME),
        "late": Count("pk", filter=LATE),
        "unknown_due": Count("pk", filter=UNKNOWN_DUE),
        "published": Count("pk", filter=Q(reply_status=ReplyStatus.PUBLISHED)),
        "unclassified": Count("pk", filter=Q(replied_on__isnull=False, result_class="")),
    }


def year_overview(year: int) -> YearOverview:
    """The yearly overview (seed §2(二)): how many, by unit, by result class, replied on time.
    Four aggregate queries, whatever the number of proposals or units."""
    proposals = with_due(Proposal.objects.filter(year=year)).order_by()
    totals = proposals.aggregate(**_counts())
    by_kind = list(proposals.values("kind").annotate(**_counts()).order_by("kind"))
    by_unit = list(
        proposals.values("unit", "unit__name", "unit__sort_order")
        .annotate(**_counts())
        .order_by("unit__sort_order", "unit__name")
    )
    classes = dict(proposals.exclude(result_class="").values_list("result_class").annotate(n=Count("pk")))
    by_class = [(value, label, classes.get(value, 0)) for value, label in ResultClass.choices]
    return YearOverview(year, totals, by_kind, by_unit, by_class)


def search_year(year: int, query: str) -> QuerySet:
    """The year's proposals, newest numbers last; ``query`` matches the number, title and proposer
    of every proposal, and the text of public replies only (an unpublished reply is never searched)."""
    proposals = with_due(Proposal.objects.filter(year=year)).select_related("unit").order_by("kind", "number", "pk")
    if query:
        public = Q(reply_status=ReplyStatus.PUBLISHED)
        proposals = proposals.filter(
            Q(number__icontains=query)
            | Q(title__icontains=query)
            | Q(proposer__icontains=query)
            | (public & (Q(reply_text__icontains=query) | Q(new_reply_text__icontains=query)))
        )
    return proposals


def latest_publication_by_year() -> dict[int, date | None]:
    """For the self-inspection: each year's newest published reply (local date). One query."""
    rows = (
        Proposal.objects.order_by()
        .values("year")
        .annotate(latest=Max("published_at", filter=Q(reply_status=ReplyStatus.PUBLISHED)))
    )
    return {row["year"]: timezone.localdate(row["latest"]) if row["latest"] else None for row in rows}


def in_period(start: date, end: date) -> QuerySet:
    """The period's candidates for the on-time share: replied in it, or due in it."""
    return with_due(Proposal.objects.all()).filter(Q(replied_on__range=(start, end)) | Q(due_on__range=(start, end)))
