"""The annual report's table 二 row 行政规范性文件 (第二十条第（一）项: 本年制发件数, 本年废止件数,
现行有效件数; 国办公开办函〔2021〕30号), and the library's entries in the 政府信息公开 column:
行政规范性文件 under Art 20 (一) and the units' 政府信息公开制度.

Counted: published normative documents of the library (drafts and withdrawn records are not).
- 本年制发: 成文日期 in the year.
- 本年废止: 已废止 or 已失效 (both end a document's force) with the change dated in the year;
  ``of_which_expired`` says how many of them expired.
- 现行有效: at the end of the year: issued by then and not ended by then (a document repealed in
  a later year was in force); 已修改 documents stay in force as amended.
A date that is not known is never guessed: such documents are counted apart (``*_unknown``).
规章: the county has no power to make 规章 (立法法 Art 93: cities with districts and up), so the
row is not applicable: ``regulations`` is None, shown as 不适用 with ``regulations_note``.
"""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from interpretation.models import ENDED_STATES, IN_FORCE_STATES, DocumentKind, PolicyDocument, Status, Validity
from lushan_portal.annual_figures import register_provider
from lushan_portal.disclosure_index import (
    Contribution,
    RuleDocument,
    register_contribution,
    register_rule_documents,
)

CODE = "table2.normative"
REGULATIONS_NOTE = "本县无规章制定权（立法法第九十三条），规章一行不适用。"


@dataclass(frozen=True)
class NormativeFigures:
    year: int
    unit_id: int | None  # None: every unit together
    issued: int  # 本年制发件数
    repealed: int  # 本年废止件数 (已废止 and 已失效)
    of_which_expired: int
    in_force: int  # 现行有效件数 at the end of the year
    issued_unknown: int  # 成文日期 unknown: in no year's 制发
    repealed_unknown: int  # ended on an unknown date: in no year's 废止
    in_force_unknown: int  # cannot tell whether in force at the end of the year
    regulations: None = None  # 规章: not applicable (不适用)
    regulations_note: str = REGULATIONS_NOTE

    @property
    def normative_documents(self) -> "NormativeFigures":
        """The 行政规范性文件 row as lushan_portal.annual_figures describes it (issued, repealed,
        in_force): these figures themselves; ``regulations`` is the 规章 row."""
        return self


def library_documents(unit_id: int | None):
    documents = PolicyDocument.objects.filter(status=Status.PUBLISHED, kind=DocumentKind.NORMATIVE)
    return documents if unit_id is None else documents.filter(unit=unit_id)


def _counts(year: int) -> dict:
    start, end = date(year, 1, 1), date(year, 12, 31)
    ended = Q(validity__in=ENDED_STATES)
    ended_in_year = ended & Q(validity_changed_on__range=(start, end))
    # Not ended by the end of the year: still in force, or ended later.
    not_ended_by_end = Q(validity__in=IN_FORCE_STATES) | (ended & Q(validity_changed_on__gt=end))
    return {
        "issued": Count("id", filter=Q(signed_on__range=(start, end))),
        "repealed": Count("id", filter=ended_in_year),
        "expired": Count("id", filter=ended_in_year & Q(validity=Validity.EXPIRED)),
        "in_force": Count("id", filter=Q(signed_on__lte=end) & not_ended_by_end),
        "issued_unknown": Count("id", filter=Q(signed_on=None)),
        "repealed_unknown": Count("id", filter=ended & Q(validity_changed_on=None)),
        "in_force_unknown": Count(
            "id",
            filter=(Q(signed_on=None) & (not_ended_by_end | Q(validity_changed_on=None)))
            | (Q(signed_on__lte=end) & ended & Q(validity_changed_on=None)),
        ),
    }


def _figures(year: int, unit_id: int | None, counts: dict) -> NormativeFigures:
    return NormativeFigures(
        year=year,
        unit_id=unit_id,
        issued=counts["issued"],
        repealed=counts["repealed"],
        of_which_expired=counts["expired"],
        in_force=counts["in_force"],
        issued_unknown=counts["issued_unknown"],
        repealed_unknown=counts["repealed_unknown"],
        in_force_unknown=counts["in_force_unknown"],
    )


def normative_figures(year: int, unit_id: int | None) -> NormativeFigures:
    """One aggregate query."""
    return _figures(year, unit_id, library_documents(unit_id).aggregate(**_counts(year)))


def normative_figures_by_unit(year: int) -> dict[int, NormativeFigures]:
    """Every unit's figures in one grouped query (units without a document are absent)."""
    rows = library_documents(None).order_by().values("unit").annotate(**_counts(year))
    return {row["unit"]: _figures(year, row["unit"], row) for row in rows}


# Module-level callables: registering twice (a second ready()) adds nothing.
def normative_url(unit_code: str | None) -> str:
    query = {"kind": DocumentKind.NORMATIVE} | ({"unit": unit_code} if unit_code else {})
    return f"{reverse('interpretation:documents')}?{urlencode(query)}"


def normative_count(unit_id: int | None) -> int:
    return library_documents(unit_id).count()


def disclosure_rules(unit_id: int | None) -> list[RuleDocument]:
    """The unit's published 政府信息公开制度 (every unit's for None)."""
    documents = PolicyDocument.objects.filter(status=Status.PUBLISHED, is_disclosure_rule=True)
    if unit_id is not None:
        documents = documents.filter(unit=unit_id)
    rows = documents.order_by().values_list("pk", "title", "number", "signed_on")
    return [
        RuleDocument(title=title, number=number, signed_on=signed_on, url=reverse("interpretation:document", args=[pk]))
        for pk, title, number, signed_on in rows
    ]


def register_library() -> None:
    title = _("主动公开政府信息情况（表二）：行政规范性文件制发、废止、现行有效件数")
    register_provider(CODE, str(title), normative_figures, by_unit=normative_figures_by_unit)
    register_contribution(
        Contribution(
            category="20-1",
            title=_("行政规范性文件"),
            owner=_("各发文单位（政策文件库）"),
            url=normative_url,
            count=normative_count,
        )
    )
    register_rule_documents(disclosure_rules)
