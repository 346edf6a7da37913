"""The annual report's tables 三 and 四 (国办公开办函〔2021〕30号, rules.md §9) for a year and a unit
(or every unit together), as plain data, in two aggregate queries whatever the number of units.

How an application counts in year Y (by the dates stored on it, never by when the report is made):
- 一、本年新收: received (Art 31 receipt date) in Y. An application whose receipt date is still
  unknown (an ordinary letter not yet confirmed) is not counted until it is known.
- 二、上年结转: received before Y and not answered before 1 January of Y.
- 三、办理结果: answered (closed_on, the reply's date) in Y, in the cell of its reply (kind and
  reason). A withdrawal is 其他处理（其他）.
- 四、结转下年度继续办理: received by 31 December of Y and not answered in or before Y.
So an application received in Y and answered in Y+1 is 新收 and 结转下年度 in Y's report, then
上年结转 and one outcome cell in Y+1's: it is counted as handled once, in the year of its reply,
and 一 + 二 = 三（七） + 四 holds for every column by construction.

Table 四 counts the reconsiderations and lawsuits filed in Y, each under its result as of
31 December of Y (decided later, or not yet: 尚未审结). Those whose filing date is unknown are
not placed in any year; ``TableFour.date_unknown`` says how many there are.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from disclosure_requests.models import (
    REASONS_BY_KIND,
    ApplicantType,
    Application,
    Fee,
    OrganizationKind,
    ReplyKind,
    ReplyReason,
    Review,
    ReviewKind,
    ReviewOutcome,
)
from lushan_portal.annual_figures import register_provider

# Table 三's columns, in the national order; an application's column is 自然人 or its organisation kind.
COLUMNS: tuple[str, ...] = (ApplicantType.NATURAL_PERSON, *OrganizationKind.values)
COLUMN_TITLES = (_("自然人"), *OrganizationKind.labels, _("总计"))

NEW, CARRIED_IN, TOTAL, CARRIED_OUT = "new", "carried_in", "total", "carried_out"


def cell_code(kind: str, reason: str = "") -> str:
    return f"{kind}.{reason}" if reason else kind


# The outcome rows （一）–（六） in order: a row per reason, or one for 予以公开 and 部分公开.
OUTCOME_CELLS: tuple[tuple[str, str, str], ...] = tuple(
    (cell_code(kind, reason), kind, reason) for kind in ReplyKind.values for reason in (REASONS_BY_KIND[kind] or ("",))
)


@dataclass(frozen=True)
class Row:
    code: str
    label: str
    cells: tuple[int, ...]  # the six applicant columns

    @property
    def total(self) -> int:
        return sum(self.cells)


@dataclass(frozen=True)
class TableThree:
    """Rows 一, 二, the outcome cells of 三 （一）–（六）, 三（七）总计 and 四, each by column."""

    rows: tuple[Row, ...]

    def row(self, code: str) -> Row:
        return next(row for row in self.rows if row.code == code)

    def kind_total(self, kind: str) -> tuple[int, ...]:
        """A group's six columns: （三）不予公开 is the sum of its eight cells."""
        group = [row.cells for row in self.rows if row.code.split(".")[0] == kind]
        return tuple(map(sum, zip(*group, strict=True)))


@dataclass(frozen=True)
class ReviewFigures:
    upheld: int = 0
    corrected: int = 0
    other: int = 0
    pending: int = 0

    @property
    def total(self) -> int:
        return self.upheld + self.corrected + self.other + self.pending

    @property
    def numbers(self) -> tuple[int, int, int, int, int]:
        return self.upheld, self.corrected, self.other, self.pending, self.total


@dataclass(frozen=True)
class TableFour:
    reconsideration: ReviewFigures = field(default_factory=ReviewFigures)
    litigation_direct: ReviewFigures = field(default_factory=ReviewFigures)
    litigation_after_review: ReviewFigures = field(default_factory=ReviewFigures)
    date_unknown: int = 0

    @property
    def numbers(self) -> tuple[int, ...]:
        """The national table's 15 numbers, left to right."""
        return (*self.reconsideration.numbers, *self.litigation_direct.numbers, *self.litigation_after_review.numbers)


@dataclass(frozen=True)
class AnnualFigures:
    year: int
    unit_id: int | None
    table_three: TableThree
    table_four: TableFour


def _label(kind: str, reason: str) -> str:
    return f"{ReplyKind(kind).label}：{ReplyReason(reason).label}" if reason else str(ReplyKind(kind).label)


def _year(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _three_counts(year: int) -> dict[str, Q]:
    first, last = _year(year)
    answered = Q(closed_on__range=(first, last))
    counts = {NEW: Q(received_on__gte=first), CARRIED_IN: Q(received_on__lt=first)}
    for code, kind, reason in OUTCOME_CELLS:
        counts[code] = answered & Q(reply__kind=kind, reply__reason=reason)
    counts[CARRIED_OUT] = Q(closed_on__isnull=True) | Q(closed_on__gt=last)
    return counts


def _three_rows(year: int, unit_id: int | None, by_unit: bool) -> list[dict]:
    first, last = _year(year)
    applications: QuerySet = Application.objects.filter(received_on__lte=last).filter(
        Q(received_on__gte=first) | Q(closed_on__isnull=True) | Q(closed_on__gte=first)
    )
    if unit_id is not None:
        applications = applications.filter(unit=unit_id)
    keys = ["unit", "applicant_type", "organization_kind"] if by_unit else ["applicant_type", "organization_kind"]
    aggregates = {code: Count("pk", filter=q) for code, q in _three_counts(year).items()}
    return list(applications.order_by().values(*keys).annotate(**aggregates))


def _column(row: dict) -> int:
    if row["applicant_type"] == ApplicantType.NATURAL_PERSON:
        return 0
    return COLUMNS.index(row["organization_kind"] or OrganizationKind.OTHER)


def _table_three(rows: list[dict]) -> TableThree:
    codes = [NEW, CARRIED_IN, *(code for code, _kind, _reason in OUTCOME_CELLS), CARRIED_OUT]
    cells = {code: [0] * len(COLUMNS) for code in codes}
    for row in rows:
        column = _column(row)
        for code in codes:
            cells[code][column] += row[code]
    outcomes = [Row(code, _label(kind, reason), tuple(cells[code])) for code, kind, reason in OUTCOME_CELLS]
    total = tuple(sum(row.cells[i] for row in outcomes) for i in range(len(COLUMNS)))
    return TableThree(
        rows=(
            Row(NEW, str(_("本年新收政府信息公开申请数量")), tuple(cells[NEW])),
            Row(CARRIED_IN, str(_("上年结转政府信息公开申请数量")), tuple(cells[CARRIED_IN])),
            *outcomes,
            Row(TOTAL, str(_("总计")), total),
            Row(CARRIED_OUT, str(_("结转下年度继续办理")), tuple(cells[CARRIED_OUT])),
        )
    )


REVIEW_KEYS = {
    ReviewKind.RECONSIDERATION: "reconsideration",
    ReviewKind.LITIGATION_DIRECT: "litigation_direct",
    ReviewKind.LITIGATION_AFTER_REVIEW: "litigation_after_review",
}
RESULT_KEYS = {
    ReviewOutcome.UPHELD: "upheld",
    ReviewOutcome.CORRECTED: "corrected",
    ReviewOutcome.OTHER: "other",
}


def _four_rows(year: int, unit_id: int | None, by_unit: bool) -> list[dict]:
    first, last = _year(year)
    reviews = Review.objects.filter(Q(filed_on__range=(first, last)) | Q(filed_on__isnull=True))
    if unit_id is not None:
        reviews = reviews.filter(application__unit=unit_id)
    decided = Q(decided_on__isnull=True) | Q(decided_on__lte=last)  # a result with no date counts as known
    aggregates = {"date_unknown": Count("pk", filter=Q(filed_on__isnull=True))}
    for kind, kind_key in REVIEW_KEYS.items():
        filed = Q(kind=kind, filed_on__isnull=False)
        for outcome, outcome_key in RESULT_KEYS.items():
            aggregates[f"{kind_key}.{outcome_key}"] = Count("pk", filter=filed & decided & Q(outcome=outcome))
        undecided = Q(outcome=ReviewOutcome.PENDING) | Q(decided_on__gt=last)
        aggregates[f"{kind_key}.pending"] = Count("pk", filter=filed & undecided)
    keys = ["application__unit"] if by_unit else []
    if not keys:
        return [reviews.aggregate(**aggregates)]
    return list(reviews.order_by().values(*keys).annotate(**aggregates))


def _table_four(rows: list[dict]) -> TableFour:
    def figures(kind_key: str) -> ReviewFigures:
        names = ("upheld", "corrected", "other", "pending")
        return ReviewFigures(**{name: sum(row[f"{kind_key}.{name}"] or 0 for row in rows) for name in names})

    return TableFour(
        reconsideration=figures("reconsideration"),
        litigation_direct=figures("litigation_direct"),
        litigation_after_review=figures("litigation_after_review"),
        date_unknown=sum(row["date_unknown"] or 0 for row in rows),
    )


def annual_figures(year: int, unit_id: int | None = None) -> AnnualFigures:
    """Tables 三 and 四 of ``year`` for one unit, or every unit together (``unit_id`` None). Two queries."""
    three = _table_three(_three_rows(year, unit_id, by_unit=False))
    four = _table_four(_four_rows(year, unit_id, by_unit=False))
    return AnnualFigures(year=year, unit_id=unit_id, table_three=three, table_four=four)


def annual_figures_by_unit(year: int) -> dict[int, AnnualFigures]:
    """Every unit with an application or review in the year, each unit's tables; two queries."""
    threes: dict[int, list[dict]] = {}
    for row in _three_rows(year, None, by_unit=True):
        threes.setdefault(row["unit"], []).append(row)
    fours = {row["application__unit"]: row for row in _four_rows(year, None, by_unit=True)}
    return {
        unit_id: AnnualFigures(
            year=year,
            unit_id=unit_id,
            table_three=_table_three(threes.get(unit_id, [])),
            table_four=_table_four([fours[unit_id]] if unit_id in fours else []),
        )
        for unit_id in sorted(threes.keys() | fours.keys())
    }


@dataclass(frozen=True)
class FeeFigures:
    """Section 六's 信息处理费: the fees paid in the year (by payment date), in yuan."""

    amount: Decimal = Decimal("0")
    count: int = 0


def _fees_paid(year: int) -> QuerySet:
    return Fee.objects.filter(paid_on__range=_year(year))


def fee_figures(year: int, unit_id: int | None = None) -> FeeFigures:
    """信息处理费 paid in ``year`` to one unit (or every unit). One query."""
    fees = _fees_paid(year)
    if unit_id is not None:
        fees = fees.filter(application__unit=unit_id)
    totals = fees.aggregate(amount=Sum("amount"), count=Count("pk"))
    return FeeFigures(amount=totals["amount"] or Decimal("0"), count=totals["count"])


def fee_figures_by_unit(year: int) -> dict[int, FeeFigures]:
    """Every unit paid a fee in ``year``; one query."""
    rows = _fees_paid(year).order_by().values("application__unit").annotate(amount=Sum("amount"), count=Count("pk"))
    return {row["application__unit"]: FeeFigures(amount=row["amount"], count=row["count"]) for row in rows}


def register_annual_figures() -> None:
    register_provider(
        "disclosure_requests",
        str(_("收到和处理政府信息公开申请情况（表三），政府信息公开行政复议、行政诉讼情况（表四）")),
        annual_figures,
        by_unit=annual_figures_by_unit,
    )
    register_provider(
        "disclosure_requests.fees",
        str(_("收取信息处理费情况（六、其他需要报告的事项）")),
        fee_figures,
        by_unit=fee_figures_by_unit,
    )
