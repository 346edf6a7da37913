"""Enforcement deadlines registered with the compliance registry."""

from datetime import date

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from compliance.registry import DeadlineRule, register_rule
from enforcement.models import Decision, DecisionStatus
from enforcement.rules import publication_due

PUBLICATION_OVERDUE = "enforcement.publication_overdue"
WITHDRAWAL_OVERDUE = "enforcement.withdrawal_overdue"


def unpublished() -> QuerySet:
    """Decisions never made public (served by the partial index decision_unpublished_idx)."""
    return Decision.objects.filter(first_published_at__isnull=True).exclude(party_is_minor=True)


def publication_overdue(today: date) -> QuerySet:
    return unpublished().filter(publication_due__lt=today)


def revoked_still_public() -> QuerySet:
    return Decision.objects.filter(status=DecisionStatus.PUBLISHED, withdrawal_due__isnull=False)


def withdrawal_overdue(today: date) -> QuerySet:
    return revoked_still_public().filter(withdrawal_due__lt=today)


def recompute_publication_due() -> int:
    """After a calendar edit: one UPDATE per distinct decision date among open decisions."""
    updated = 0
    for decided in unpublished().order_by().values_list("decision_date", flat=True).distinct():
        updated += unpublished().filter(decision_date=decided).update(publication_due=publication_due(decided))
    return updated


def register_rules() -> None:
    register_rule(
        DeadlineRule(
            code=PUBLICATION_OVERDUE,
            title=_("执法决定逾期未公开（7个工作日）"),
            overdue=publication_overdue,
            due_field="publication_due",
            open_deadlines=unpublished,
            recompute_due_dates=recompute_publication_due,
        )
    )
    register_rule(
        DeadlineRule(
            code=WITHDRAWAL_OVERDUE,
            title=_("已变更或撤销的处罚决定逾期未撤回（3日）"),
            overdue=withdrawal_overdue,
            due_field="withdrawal_due",
            open_deadlines=revoked_still_public,
        )
    )
