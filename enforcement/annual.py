"""The annual report's table 二 rows of Art 20 (五) and (六): 行政许可, 行政处罚 and 行政强制,
本年处理决定数量 (国办公开办函〔2021〕30号), and this app's entries in the 法定主动公开内容 index.

A decision counts in the year of its 决定日期, whatever became of its publication: a draft, a
minor's decision (never public) and a decision later withdrawn were all decisions made that year.
The decision date is required, so no decision is of unknown year.
"""

from dataclasses import dataclass
from functools import partial
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from enforcement.models import Decision, DecisionKind
from enforcement.public import public_decisions
from lushan_portal.annual_figures import register_provider
from lushan_portal.disclosure_index import Contribution, register_contribution

CODE = "table2.enforcement"


@dataclass(frozen=True)
class EnforcementFigures:
    """本年处理决定数量 of table 二's rows 行政许可 (第二十条第（五）项), 行政处罚 and 行政强制 (（六）)."""

    year: int
    unit_id: int | None  # None: every unit together
    licensing: int
    penalty: int
    coercion: int


def _counts() -> dict:
    return {kind: Count("id", filter=Q(kind=kind)) for kind in DecisionKind.values}


def _figures(year: int, unit_id: int | None, counts: dict) -> EnforcementFigures:
    return EnforcementFigures(
        year=year,
        unit_id=unit_id,
        licensing=counts[DecisionKind.LICENCE],
        penalty=counts[DecisionKind.PENALTY],
        coercion=counts[DecisionKind.COERCION],
    )


def enforcement_figures(year: int, unit_id: int | None) -> EnforcementFigures:
    """One aggregate query over the year's decisions (index decision_unit_date_idx for a unit)."""
    decisions = Decision.objects.filter(decision_date__year=year)
    if unit_id is not None:
        decisions = decisions.filter(unit=unit_id)
    return _figures(year, unit_id, decisions.aggregate(**_counts()))


def enforcement_figures_by_unit(year: int) -> dict[int, EnforcementFigures]:
    """Every unit's figures in one grouped query (units without a decision that year are absent)."""
    rows = Decision.objects.filter(decision_date__year=year).order_by().values("unit").annotate(**_counts())
    return {row["unit"]: _figures(year, row["unit"], row) for row in rows}


def _list_url(kind: str, unit_code: str | None) -> str:
    query = {"kind": kind} | ({"unit": unit_code} if unit_code else {})
    return f"{reverse('enforcement:list')}?{urlencode(query)}"


def _public_count(kind: str, unit_id: int | None) -> int:
    decisions = public_decisions().filter(kind=kind)
    return (decisions if unit_id is None else decisions.filter(unit=unit_id)).count()


# Built once per process: registering again (a second ready()) finds the same callables and adds nothing.
PUBLIC_LISTS = {
    kind: (partial(_list_url, kind), partial(_public_count, kind))
    for kind in (DecisionKind.LICENCE, DecisionKind.PENALTY, DecisionKind.COERCION)
}


OWNER = _("各执法单位（行政执法公示）")


def register_annual_figures() -> None:
    register_provider(
        CODE,
        str(_("主动公开政府信息情况（表二）：行政许可、行政处罚、行政强制本年处理决定数量")),
        enforcement_figures,
        by_unit=enforcement_figures_by_unit,
    )
    for category, title, kind in (
        ("20-5", _("行政许可决定"), DecisionKind.LICENCE),
        ("20-6", _("行政处罚决定"), DecisionKind.PENALTY),
        ("20-6", _("行政强制决定"), DecisionKind.COERCION),
    ):
        url, count = PUBLIC_LISTS[kind]
        register_contribution(Contribution(category=category, title=title, owner=OWNER, url=url, count=count))
