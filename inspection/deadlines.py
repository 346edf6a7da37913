"""The self-inspection's findings as alerts of the compliance registry: they appear on the
dashboard and clear themselves when a run no longer finds them (the finding is resolved)."""

from datetime import date

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from compliance.registry import DeadlineRule, register_rule
from inspection.models import Finding

FINDING_OPEN = "inspection.finding_open"


def open_findings(today: date) -> QuerySet:
    """Every open finding with an owner unit (county-level ones stay on the self-inspection page)."""
    return Finding.objects.filter(resolved_at=None, unit__isnull=False)


def register_rules() -> None:
    register_rule(
        DeadlineRule(
            code=FINDING_OPEN,
            title=_("网站自查发现问题（对照政府网站检查指标）"),
            overdue=open_findings,
            due_field=None,
            notice=True,
        )
    )
