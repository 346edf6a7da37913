"""The stale-指南 alert (Art 53(二)), registered with the compliance registry: one set-based query."""

from datetime import UTC, date, datetime, time, timedelta

from django.db.models import DateField, DateTimeField, ExpressionWrapper, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Least, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from compliance.registry import DeadlineRule, IncompleteRecords, register_incomplete, register_rule
from lushan_portal.disclosure_scope import change_sources
from organizations.models import Unit
from xxgk import rules
from xxgk.models import OFFICE_FIELDS, Guide, GuideStatus

GUIDE_STALE = "xxgk.guide_stale"
INCOMPLETE = "xxgk.guides"
# Stand-ins for "never": no 指南 published yet, no change since it was.
LONG_AGO = datetime(1970, 1, 1, tzinfo=UTC)
FAR_FUTURE = datetime(9999, 1, 1, tzinfo=UTC)


def office_changes() -> QuerySet:
    """Each change of a unit's office data (办公地址, 联系电话, 联系邮箱) in the unit's history: a
    history row whose values differ from the row before it (the unit's creation is no change)."""
    history = Unit.history.model
    before = history.objects.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date")).order_by(
        "-history_date", "-history_id"
    )
    return (
        history.objects.annotate(
            prev_address=Subquery(before.values("address")[:1]),
            prev_phone=Subquery(before.values("phone")[:1]),
            prev_email=Subquery(before.values("email")[:1]),
        )
        .filter(prev_address__isnull=False)
        .filter(~Q(address=F("prev_address")) | ~Q(phone=F("prev_phone")) | ~Q(email=F("prev_email")))
        .annotate(change_unit=F("id"), changed_at=F("history_date"))
        .values("change_unit", "changed_at")
    )


def with_first_unreflected_change(units: QuerySet) -> QuerySet:
    """Units annotated ``first_change``: the earliest catalog or office change after their published
    指南 (any change at all when none is published), or None; and ``guide_due``, the last day to
    follow it (rules.guide_update_due)."""
    published = Guide.objects.filter(unit=OuterRef("pk"), status=GuideStatus.PUBLISHED).values("published_at")[:1]
    units = units.annotate(guide_at=Coalesce(Subquery(published), Value(LONG_AGO), output_field=DateTimeField()))
    firsts = []
    for source in [*change_sources(), office_changes]:
        changes = source().filter(change_unit=OuterRef("pk"), changed_at__gt=OuterRef("guide_at"))
        first = Subquery(changes.order_by("changed_at").values("changed_at")[:1], output_field=DateTimeField())
        firsts.append(Coalesce(first, Value(FAR_FUTURE, output_field=DateTimeField())))
    earliest = Least(*firsts) if len(firsts) > 1 else firsts[0]
    return units.annotate(first_change=earliest).annotate(
        # PostgreSQL's date + interval is a timestamp: cast back to the date.
        guide_due=Cast(
            ExpressionWrapper(
                TruncDate("first_change") + timedelta(days=rules.GUIDE_UPDATE_DAYS), output_field=DateField()
            ),
            DateField(),
        )
    )


def local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def stale_guides(today: date) -> QuerySet:
    """Active units whose first unreflected change is more than GUIDE_UPDATE_DAYS days old: changed
    on D, the alert is raised from D + 366 (rules.is_stale)."""
    threshold = local_midnight(today - timedelta(days=rules.GUIDE_UPDATE_DAYS))
    units = with_first_unreflected_change(Unit.objects.filter(is_active=True))
    return units.filter(first_change__lt=threshold)


def incomplete_guides() -> QuerySet:
    """Published 指南 with a field still 待补充 (the office's contacts, the fees rule, remedies)."""
    blank = Q()
    for name in (*OFFICE_FIELDS, "fees_rule", "remedies"):
        blank |= Q(**{name: ""})
    return Guide.objects.filter(blank, status=GuideStatus.PUBLISHED)


def register_rules() -> None:
    register_incomplete(
        IncompleteRecords(
            code=INCOMPLETE,
            title=_("政府信息公开指南：机构信息、收费或救济待补充"),
            records=incomplete_guides,
            missing=lambda guide: guide.pending_fields,
        )
    )
    register_rule(
        DeadlineRule(
            code=GUIDE_STALE,
            title=_("政府信息公开指南未在目录或机构信息变更后一年内更新"),
            overdue=stale_guides,
            due_field="guide_due",
            unit_field="pk",
        )
    )
