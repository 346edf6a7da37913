"""Work-plan obligations: expand each into per-unit, per-period dues; record fulfilment; check it."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from compliance.models import Frequency, Obligation, ObligationDue
from compliance.periods import months_of, parse_period
from compliance.registry import (
    DRILL_LIMIT,
    DeadlineRule,
    DrillRow,
    Indicator,
    IndicatorValue,
    on_time_by_unit,
    register_indicator,
    register_rule,
)
from organizations.models import Unit

OBLIGATION_MISSED = "compliance.obligation_missed"
OBLIGATIONS_MET = "compliance.obligations_met"
ERROR_EVIDENCE = "填写完成日期时须提供佐证链接或上传佐证材料。"
ERROR_DUE_DATE = "频次为“一次”的任务须填写截止日期。"


def periods_of(obligation: Obligation) -> list[tuple[str, date]]:
    """(period key, due date) for each instance in the obligation's year."""
    year = obligation.year
    if obligation.frequency == Frequency.ONCE:
        return [(str(year), obligation.due_on)]
    if obligation.frequency == Frequency.MONTHLY:
        return [(m.key, m.end) for m in months_of(year)]
    if obligation.frequency == Frequency.QUARTERLY:
        return [(f"{year}-Q{q}", parse_period(f"{year}-Q{q}").end) for q in range(1, 5)]
    return [(str(year), date(year, 12, 31))]


def applicable_units(obligation: Obligation) -> QuerySet:
    chosen = obligation.units.all()
    if chosen.exists():
        return chosen
    units = Unit.objects.filter(is_active=True)
    kinds = [kind.strip() for kind in obligation.unit_kinds.split(",") if kind.strip()]
    return units.filter(kind__in=kinds) if kinds else units


@transaction.atomic
def obligation_dues_ensure(*, obligation: Obligation) -> int:
    """Create the dues that do not exist yet (never touching recorded fulfilment); return how many."""
    if obligation.frequency == Frequency.ONCE and obligation.due_on is None:
        raise ValidationError({"due_on": _(ERROR_DUE_DATE)})
    dues = [
        ObligationDue(obligation=obligation, unit=unit, period=period, due_on=due_on)
        for unit in applicable_units(obligation)
        for period, due_on in periods_of(obligation)
    ]
    before = obligation.dues.count()
    ObligationDue.objects.bulk_create(dues, ignore_conflicts=True)
    return obligation.dues.count() - before


def due_check(due: ObligationDue) -> None:
    if due.fulfilled_on and not (due.evidence_url or due.evidence_file):
        raise ValidationError({"fulfilled_on": _(ERROR_EVIDENCE)})


def open_dues() -> QuerySet:
    return ObligationDue.objects.filter(fulfilled_on__isnull=True)


def missed(today: date) -> QuerySet:
    return open_dues().filter(due_on__lt=today)


def obligations_met(start: date, end: date) -> dict[int, IndicatorValue]:
    """Dues falling in the period: fulfilled / fulfilled or past their date. Dues not yet due
    and unfulfilled are left out (pending). One aggregate query."""
    fulfilled = Q(fulfilled_on__isnull=False)
    dues = ObligationDue.objects.filter(due_on__range=(start, end))
    return on_time_by_unit(dues, on_time=fulfilled, due=fulfilled | Q(due_on__lt=timezone.localdate()))


def unfulfilled(unit_id: int, start: date, end: date) -> list[DrillRow]:
    """The period's dues past their date and still unfulfilled. One query."""
    dues = missed(timezone.localdate()).filter(unit=unit_id, due_on__range=(start, end))
    return [
        DrillRow(
            title=f"{due.obligation.title}（{due.period}）",
            rule=_("工作要点任务：%(title)s，%(frequency)s，截止 %(due)s%(basis)s")
            % {
                "title": due.obligation.title,
                "frequency": due.obligation.get_frequency_display(),
                "due": due.due_on,
                "basis": f"（{due.obligation.basis}）" if due.obligation.basis else "",
            },
            unit=due.unit.name,
            admin_url=reverse("admin:compliance_obligationdue_change", args=[due.pk]),
            due_on=due.due_on,
            note=_("尚未填写完成日期和佐证材料"),
            action=_("填写完成情况"),
        )
        for due in dues.select_related("obligation", "unit").order_by("due_on", "pk")[:DRILL_LIMIT]
    ]


def register() -> None:
    register_rule(
        DeadlineRule(
            code=OBLIGATION_MISSED,
            title=gettext_lazy("工作要点任务逾期未完成"),
            overdue=missed,
            due_field="due_on",
            open_deadlines=open_dues,
        )
    )
    register_indicator(
        Indicator(
            code=OBLIGATIONS_MET,
            title=gettext_lazy("工作要点任务完成率"),
            short_title=gettext_lazy("任务完成率"),
            target="100%",
            compute=obligations_met,
            offending=unfulfilled,
        )
    )
