"""建议提案 in the compliance registry: the deadline rules (one set-based query each) and the two
indicators (replied on time; the result-class mix), each with its drill-down.

- Replied on time: proposals replied in the period by their due date in force (3 months, or the
  approved extension up to 6) / those replied plus those unreplied past a due date in the period.
  A proposal whose assignment date is unknown has no clock: it is listed apart as 待补充.
- Result-class mix: of the period's replies, the share in class A or B (solved, or being solved);
  met when every reply states its class (a reply without one is an unknown, counted apart).
"""

from datetime import date

from django.db.models import Count, F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from compliance.registry import (
    DRILL_LIMIT,
    DeadlineRule,
    DrillRow,
    IncompleteRecords,
    Indicator,
    IndicatorValue,
    on_time_by_unit,
    register_incomplete,
    register_indicator,
    register_rule,
)
from interaction.models import Proposal, ProposalCoUnit, ResultClass, Satisfaction
from interaction.proposals_selectors import ON_TIME, in_period, with_due

REPLY_OVERDUE = "interaction.proposal_reply"
NEW_REPLY_OVERDUE = "interaction.proposal_new_reply"
CO_OPINION_OVERDUE = "interaction.proposal_co_opinion"
REASSIGNMENT_LATE = "interaction.proposal_reassignment"
INCOMPLETE = "interaction.proposals"
ON_TIME_INDICATOR = "interaction.proposals_on_time"
CLASS_MIX_INDICATOR = "interaction.proposal_result_mix"

RULE_REPLY = _("建议提案自交办之日起3个月内答复，经批准延期的不超过6个月")
RULE_CLASS = _("答复须标明办理结果类别（A/B/C/D）")


def admin_url(proposal_id: int) -> str:
    return reverse("admin:interaction_proposal_change", args=[proposal_id])


def reply_overdue(today: date) -> QuerySet:
    return with_due(Proposal.objects.filter(replied_on__isnull=True)).filter(due_on__lt=today)


def new_reply_overdue(today: date) -> QuerySet:
    return Proposal.objects.filter(
        satisfaction=Satisfaction.DISSATISFIED, new_replied_on__isnull=True, new_reply_due__lt=today
    )


def co_opinion_overdue(today: date) -> QuerySet:
    return ProposalCoUnit.objects.filter(opinion_sent_on__isnull=True, opinion_due__lt=today)


def reassignment_late(today: date) -> QuerySet:
    """Asked for reassignment after the 5 working days (a flag for supervisors, not a missed deadline)."""
    return Proposal.objects.filter(reassignment_requested_on__gt=F("reassignment_due"))


def replied_on_time(start: date, end: date) -> dict[int, IndicatorValue]:
    due = Q(replied_on__isnull=False) | Q(due_on__lt=timezone.localdate())
    return on_time_by_unit(in_period(start, end).filter(due_on__isnull=False), on_time=ON_TIME, due=due)


def _replied(start: date, end: date) -> QuerySet:
    return Proposal.objects.filter(replied_on__range=(start, end))


def result_class_mix(start: date, end: date) -> dict[int, IndicatorValue]:
    """Per unit: A + B / replies with a class; met when no reply lacks its class. One query."""
    rows = (
        _replied(start, end)
        .order_by()
        .values("unit")
        .annotate(
            classified=Count("pk", filter=~Q(result_class="")),
            solved=Count("pk", filter=Q(result_class__in=[ResultClass.A, ResultClass.B])),
            unknown=Count("pk", filter=Q(result_class="")),
        )
    )
    return {r["unit"]: IndicatorValue(r["solved"], r["classified"], r["unknown"] == 0) for r in rows}


def _drill(proposals: QuerySet, rule: str) -> list[DrillRow]:
    rows = []
    for proposal in proposals.select_related("unit").order_by("due_on", "pk")[:DRILL_LIMIT]:
        note = _("已于 %(day)s 答复") % {"day": proposal.replied_on} if proposal.replied_on else _("尚未答复")
        rows.append(
            DrillRow(
                title=str(proposal),
                rule=str(rule),
                unit=proposal.unit.name,
                admin_url=admin_url(proposal.pk),
                due_on=proposal.due_on,
                done_on=proposal.replied_on,
                note=str(note),
            )
        )
    return rows


def replied_late(unit_id: int, start: date, end: date) -> list[DrillRow]:
    late = Q(replied_on__gt=F("due_on")) | Q(replied_on__isnull=True, due_on__lt=timezone.localdate())
    return _drill(in_period(start, end).filter(late, unit=unit_id), RULE_REPLY)


def unclassified(unit_id: int, start: date, end: date) -> list[DrillRow]:
    return _drill(with_due(_replied(start, end)).filter(unit=unit_id, result_class=""), RULE_CLASS)


def _missing(proposal: Proposal) -> list[str]:
    missing = []
    if proposal.assigned_on is None:
        missing.append(str(_("交办日期")))
    if proposal.replied_on and not proposal.result_class:
        missing.append(str(_("办理结果类别")))
    return missing


def register_rules() -> None:
    register_rule(
        DeadlineRule(code=REPLY_OVERDUE, title=_("建议提案逾期未答复"), overdue=reply_overdue, due_field="due_on")
    )
    register_rule(
        DeadlineRule(
            code=NEW_REPLY_OVERDUE,
            title=_("提出人不满意的建议提案逾期未再次答复（1个月）"),
            overdue=new_reply_overdue,
            due_field="new_reply_due",
        )
    )
    register_rule(
        DeadlineRule(
            code=CO_OPINION_OVERDUE,
            title=_("协办单位逾期未向主办单位送达协办意见（1个月）"),
            overdue=co_opinion_overdue,
            due_field="opinion_due",
        )
    )
    register_rule(
        DeadlineRule(
            code=REASSIGNMENT_LATE,
            title=_("交办5个工作日后才申请调整承办单位"),
            overdue=reassignment_late,
            due_field="reassignment_due",
            notice=True,
        )
    )
    register_incomplete(
        IncompleteRecords(
            code=INCOMPLETE,
            title=_("建议提案：交办日期或办理结果类别待补充"),
            records=lambda: Proposal.objects.filter(
                Q(assigned_on__isnull=True) | Q(replied_on__isnull=False, result_class="")
            ),
            missing=_missing,
        )
    )
    register_indicator(
        Indicator(
            code=ON_TIME_INDICATOR,
            title=_("建议提案按期答复率"),
            short_title=_("提案按期"),
            target=_("100%（3个月内，经批准延期的不超过6个月）"),
            compute=replied_on_time,
            offending=replied_late,
        )
    )
    register_indicator(
        Indicator(
            code=CLASS_MIX_INDICATOR,
            title=_("建议提案办理结果：A、B类占比（每件答复须标明类别）"),
            short_title=_("提案结果"),
            target=_("每件答复标明 A/B/C/D 类别"),
            compute=result_class_mix,
            offending=unclassified,
        )
    )
