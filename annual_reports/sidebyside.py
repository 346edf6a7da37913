"""The admin's reference beside the text: this year's figures and last year's, row by row."""

from annual_reports.figures import T2_COUNTED, T2_COUNTS, T2_DECISIONS, T3_FIXED, T4_KINDS, TOTAL, Snapshot, compute
from annual_reports.models import AnnualReport, ReportStatus
from annual_reports.services import report_figures


def _value(snapshot: Snapshot, code: str) -> str:
    if code in snapshot.unavailable:
        return "未提供"
    if code in snapshot.not_applicable:
        return "不适用"
    return str(snapshot.cells.get(code, "—"))


def last_year(report: AnnualReport) -> Snapshot:
    """Last year's published figures if that report exists, else computed from the data now."""
    previous = AnnualReport.objects.filter(
        unit=report.unit_id, is_county=report.is_county, year=report.year - 1, status=ReportStatus.PUBLISHED
    ).first()
    if previous is not None:
        return report_figures(previous)
    return compute(report.year - 1, None if report.is_county else report.unit_id)


def side_by_side(report: AnnualReport) -> list[tuple[str, str, str]]:
    """(what, this year, last year) for table 二's cells, each row total of table 三, table 四's totals."""
    now, before = report_figures(report), last_year(report)
    rows = []
    for row, label in T2_COUNTED:
        for column, title in T2_COUNTS:
            rows.append((f"表二 {label}·{title}", f"t2.{row}.{column}"))
    rows += [(f"表二 {label}", f"t2.{row}") for row, label in T2_DECISIONS]
    labels = dict((code, label) for code, label in now.t3_rows)
    fixed = [code for code in T3_FIXED if code in labels]
    rows += [(f"表三 {labels[code]}", f"t3.{code}.{TOTAL}") for code in fixed]
    outcomes = [(code, label) for code, label in now.t3_rows if code not in T3_FIXED]
    rows += [(f"表三 {label}", f"t3.{code}.{TOTAL}") for code, label in outcomes]
    rows += [(f"表四 {label}·总计", f"t4.{kind}.{TOTAL}") for kind, label in T4_KINDS]
    return [(what, _value(now, code), _value(before, code)) for what, code in rows]
