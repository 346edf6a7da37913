"""Catalog deadlines registered with the compliance registry."""

from datetime import date

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from catalog.models import Publication, PublicationStatus
from catalog.rules import due_date
from compliance.registry import DeadlineRule, register_rule

PUBLICATION_OVERDUE = "catalog.publication_overdue"


def unpublished() -> QuerySet:
    """Information formed but not yet published (partial index publication_unpublished_idx)."""
    return Publication.objects.filter(status=PublicationStatus.DRAFT, due_on__isnull=False)


def overdue(today: date) -> QuerySet:
    return unpublished().filter(due_on__lt=today)


def recompute_due_dates() -> int:
    """After a calendar edit: one UPDATE per (formation date, limit) among unpublished rows."""
    updated = 0
    groups = (
        unpublished()
        .filter(item__time_limit_kind="working_days")
        .order_by()
        .values_list("formed_on", "item__time_limit_days")
        .distinct()
    )
    for formed_on, days in groups:
        rows = unpublished().filter(
            formed_on=formed_on, item__time_limit_kind="working_days", item__time_limit_days=days
        )
        updated += rows.update(due_on=due_date(formed_on, "working_days", days))
    return updated


def register_rules() -> None:
    register_rule(
        DeadlineRule(
            code=PUBLICATION_OVERDUE,
            title=_("信息形成后逾期未公开（按目录事项公开时限）"),
            overdue=overdue,
            due_field="due_on",
            open_deadlines=unpublished,
            recompute_due_dates=recompute_due_dates,
        )
    )
