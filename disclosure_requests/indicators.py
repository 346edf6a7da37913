"""依申请公开 on the supervisors' dashboard: each figure per unit over a period in one aggregate
query, and the applications behind a cell that misses its target (DrillRow).

- Replies on time: applications answered in the period by their due date / those answered plus
  those still unanswered past a due date that fell in the period (late). Applications due later
  are pending; those closed without a due date (withdrawn or not corrected while the clock was
  stopped for 补正) are out of it.
- 当场答复 at the counters (seed 五(二)): of the applications handed in at a counter in the period,
  those settled there the same day, per counter unit; met when the share is not lower than the
  previous period of the same length (the seed asks for a higher share, no number).
- Applications carried over: still open when the period began; the target is that none of them
  is late (answered after its due date, or still unanswered past it).
"""

from datetime import date, timedelta

from django.db.models import Count, F, Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from compliance.registry import DRILL_LIMIT, DrillRow, IndicatorValue, on_time_by_unit
from disclosure_requests.models import Application, Channel

RULE_ON_TIME = _("自收到申请之日起20个工作日内答复，延期不超过20个工作日（条例第三十三条）")
RULE_ON_THE_SPOT = _("政务服务中心政务公开专区提高当场答复（现场办结）比例（工作要点 五（二））")
RULE_CARRIED = _("跨期结转的申请也须在答复期限内办结")


def admin_url(application_id: int) -> str:
    """The application's admin page (the admin is registered by the app's admin module)."""
    try:
        return reverse("admin:disclosure_requests_application_change", args=[application_id])
    except NoReverseMatch:
        return f"/admin/disclosure_requests/application/{application_id}/change/"


def _late() -> Q:
    """Answered after the due date, or unanswered past it today."""
    today = timezone.localdate()
    return Q(closed_on__gt=F("due_date")) | Q(closed_on__isnull=True, due_date__lt=today)


def _period_candidates(start: date, end: date) -> QuerySet:
    answered = Q(closed_on__range=(start, end), due_date__isnull=False)
    due_unanswered = Q(closed_on__isnull=True, due_date__range=(start, end))
    return Application.objects.filter(answered | due_unanswered)


def replies_on_time(start: date, end: date) -> dict[int, IndicatorValue]:
    due = Q(closed_on__isnull=False) | Q(due_date__lt=timezone.localdate())
    return on_time_by_unit(_period_candidates(start, end), on_time=Q(closed_on__lte=F("due_date")), due=due)


def _counter_applications(start: date, end: date) -> QuerySet:
    return Application.objects.filter(
        channel=Channel.COUNTER, registered_at_unit__isnull=False, received_on__range=(start, end)
    )


def on_the_spot_share(start: date, end: date) -> dict[int, IndicatorValue]:
    """Per counter unit, against the previous period of the same length: one aggregate query."""
    before = start - (end - start) - timedelta(days=1)
    now, then = Q(received_on__gte=start), Q(received_on__lt=start)
    spot = Q(on_the_spot=True)
    rows = (
        _counter_applications(before, end)
        .order_by()
        .values("registered_at_unit")
        .annotate(
            total=Count("pk", filter=now),
            ok=Count("pk", filter=now & spot),
            prior_total=Count("pk", filter=then),
            prior_ok=Count("pk", filter=then & spot),
        )
    )
    values = {}
    for r in rows:
        if not r["total"]:
            continue
        met = r["ok"] * r["prior_total"] >= r["prior_ok"] * r["total"] if r["prior_total"] else None
        values[r["registered_at_unit"]] = IndicatorValue(r["ok"], r["total"], met)  # None: nothing to compare
    return values


def _carried(start: date) -> QuerySet:
    return Application.objects.filter(received_on__lt=start).filter(Q(closed_on__isnull=True) | Q(closed_on__gte=start))


def carried_over(start: date, end: date) -> dict[int, IndicatorValue]:
    """Open at the period's start, per unit; met when none is late. One aggregate query."""
    rows = _carried(start).order_by().values("unit").annotate(total=Count("pk"), late=Count("pk", filter=_late()))
    return {r["unit"]: IndicatorValue(r["total"], 0, r["late"] == 0) for r in rows}


def _rows(applications: QuerySet, rule: str) -> list[DrillRow]:
    rows = []
    for application in applications.select_related("unit").order_by("due_date", "pk")[:DRILL_LIMIT]:
        if application.closed_on:
            note = _("已于 %(day)s 答复（收到申请 %(received)s）")
        elif application.due_date and application.due_date < timezone.localdate():
            note = _("尚未答复（收到申请 %(received)s）")
        else:
            note = _("办理中（收到申请 %(received)s）")
        received = f"{application.received_on:%Y-%m-%d}" if application.received_on else _("日期不详")
        rows.append(
            DrillRow(
                title=str(application),
                rule=str(rule),
                unit=application.unit.name,
                admin_url=admin_url(application.pk),
                due_on=application.due_date,
                done_on=application.closed_on,
                note=str(note) % {"day": application.closed_on, "received": received},
            )
        )
    return rows


def replied_late(unit_id: int, start: date, end: date) -> list[DrillRow]:
    return _rows(_period_candidates(start, end).filter(_late(), unit=unit_id), RULE_ON_TIME)


def not_on_the_spot(unit_id: int, start: date, end: date) -> list[DrillRow]:
    """Applications handed in at this counter in the period and not settled the same day."""
    applications = _counter_applications(start, end).filter(registered_at_unit=unit_id, on_the_spot=False)
    return _rows(applications, RULE_ON_THE_SPOT)


def carried_late(unit_id: int, start: date, end: date) -> list[DrillRow]:
    return _rows(_carried(start).filter(_late(), unit=unit_id), RULE_CARRIED)
