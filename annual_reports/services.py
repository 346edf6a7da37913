"""The report's workflow: draft → review → published; a correction is a new version.

Staff of the unit write a draft (the county's: the openness office's staff), submit it once the
national cross-sums hold, and a reviewer of the unit (the county's: of the openness office) returns
it with comments or publishes it. Publishing freezes the figures, supersedes the previous version
(kept, readable), records what changed, and fulfils the work plan's annual-report obligation.
"""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from annual_reports.checks import all_cells, cell_label, cross_sum_errors, effective
from annual_reports.figures import Snapshot, compute
from annual_reports.models import AnnualReport, FigureCorrection, ReportStatus
from compliance.models import ObligationDue
from organizations.models import Role, Unit
from organizations.scoping import can_write_unit, user_unit_ids
from publication_review.models import Outcome
from publication_review.services import require_review, review_record

ERROR_NOT_EDITOR = "只有本单位的工作人员可以编辑本单位的年度报告。"
ERROR_NOT_REVIEWER = "只有本单位的审核员可以审核年度报告（县政府年度报告由政务公开主管部门审核）。"
ERROR_COUNTY_OWNER = "县政府年度报告只能由政务公开主管部门编制。"
ERROR_OPEN_DRAFT = "该年度报告已有未发布的草稿或待审核版本，请在其上修改。"
ERROR_ALREADY_PUBLISHED = "该年度报告已发布；如需更正，请在已发布版本上“新建更正版本”。"
ERROR_FUTURE_YEAR = "不能编制尚未开始的年度的报告。"
ERROR_NOT_EDITABLE = "只有草稿可以修改；已提交或已发布的报告不能修改。"
ERROR_NOT_LATEST = "只能在最新发布的版本上新建更正版本。"
ERROR_NOT_IN_REVIEW = "该报告不在待审核状态。"
ERROR_RETURN_COMMENT = "退回必须填写审核意见。"
ERROR_OVERVIEW = "“一、总体情况”不能为空。"
ERROR_CHANGE_NOTE = "更正版本必须填写更正说明。"
ERROR_UNKNOWN_CELL = "没有这个单元格：{cell}。"
ERROR_REASON = "更正数据必须填写理由，理由将在表下注明。"
ERROR_CROSS_SUMS = "数据不符合国家格式的勾稽关系，不能提交："
OBLIGATION_TITLE_WORDS = "年度报告"  # the work plan's "政府信息公开工作年度报告" (compliance/demo.py)


def openness_office() -> Unit | None:
    return Unit.objects.filter(code=settings.OPENNESS_OFFICE_UNIT_CODE).select_related("parent").first()


def can_edit(user: AbstractBaseUser | None, report: AnnualReport) -> bool:
    return user is None or can_write_unit(user, report.unit_id)


def can_review(user: AbstractBaseUser, report: AnnualReport) -> bool:
    """A reviewer of the report's unit; for the county report that unit is the openness office."""
    return user.is_superuser or report.unit_id in user_unit_ids(user, Role.REVIEWER)


def _require_editor(user: AbstractBaseUser | None, report: AnnualReport) -> None:
    if not can_edit(user, report):
        raise PermissionDenied(_(ERROR_NOT_EDITOR))


def _require_draft(report: AnnualReport) -> None:
    if not report.is_editable:
        raise ValidationError(_(ERROR_NOT_EDITABLE))


def versions(report: AnnualReport):
    return AnnualReport.objects.filter(unit=report.unit_id, is_county=report.is_county, year=report.year)


@transaction.atomic
def report_start(*, unit: Unit, year: int, by: AbstractBaseUser | None, is_county: bool = False) -> AnnualReport:
    """The first draft of a unit's (or, for the openness office, the county's) report on ``year``."""
    report = AnnualReport(unit=unit, year=year, is_county=is_county, created_by=by)
    _require_editor(by, report)
    list(versions(report).select_for_update())
    start_check(report)
    report.save()
    return report


def start_check(report: AnnualReport) -> None:
    """Whether a first draft may start: the county's only by the office, no future year, none yet."""
    office = openness_office()
    if report.is_county and (office is None or office.pk != report.unit_id):
        raise ValidationError({"is_county": _(ERROR_COUNTY_OWNER)})
    if report.year > timezone.localdate().year:
        raise ValidationError({"year": _(ERROR_FUTURE_YEAR)})
    existing = versions(report)
    if existing.filter(status__in=(ReportStatus.DRAFT, ReportStatus.REVIEW)).exists():
        raise ValidationError(_(ERROR_OPEN_DRAFT))
    if existing.exists():
        raise ValidationError(_(ERROR_ALREADY_PUBLISHED))


@transaction.atomic
def report_new_version(*, report: AnnualReport, by: AbstractBaseUser | None) -> AnnualReport:
    """A correction: a draft copying the published version's text, figures and corrections."""
    _require_editor(by, report)
    latest = versions(report).select_for_update().aggregate(v=Max("version"))["v"]
    if report.status != ReportStatus.PUBLISHED or report.version != latest:
        raise ValidationError(_(ERROR_NOT_LATEST))
    draft = AnnualReport.objects.create(
        unit=report.unit,
        is_county=report.is_county,
        year=report.year,
        version=report.version + 1,
        overview=report.overview,
        problems=report.problems,
        other_matters=report.other_matters,
        fee_amount=report.fee_amount,
        base_figures=report.figures["base"],
        created_by=by,
    )
    FigureCorrection.objects.bulk_create(
        FigureCorrection(report=draft, cell=c.cell, value=c.value, reason=c.reason) for c in report.corrections.all()
    )
    return draft


@transaction.atomic
def report_recompute(*, report: AnnualReport, by: AbstractBaseUser | None) -> AnnualReport:
    """A correction version that should read the portal's data as it is now, not the old figures."""
    _require_editor(by, report)
    _require_draft(report)
    report.base_figures = None
    report.save(update_fields=["base_figures"])
    return report


def report_base(report: AnnualReport) -> Snapshot:
    """The computed figures before staff corrections: frozen, carried from the last version, or live."""
    if report.figures is not None:
        return Snapshot.from_json(report.figures["base"])
    if report.base_figures is not None:
        return Snapshot.from_json(report.base_figures)
    return compute(report.year, None if report.is_county else report.unit_id)


def report_figures(report: AnnualReport, base: Snapshot | None = None) -> Snapshot:
    """The figures the report shows: the frozen ones once published, else computed and corrected."""
    if report.figures is not None:
        return Snapshot.from_json(report.figures["shown"])
    base = base or report_base(report)
    return effective(base, report.corrections.values_list("cell", "value"))


def correction_check(report: AnnualReport, cell: str, reason: str, base: Snapshot | None = None) -> None:
    base = base or report_base(report)
    if cell not in all_cells(base):
        raise ValidationError({"cell": _(ERROR_UNKNOWN_CELL).format(cell=cell)})
    if not reason.strip():
        raise ValidationError({"reason": _(ERROR_REASON)})


@transaction.atomic
def report_correction_set(
    *, report: AnnualReport, cell: str, value: int, reason: str, by: AbstractBaseUser | None
) -> FigureCorrection:
    _require_editor(by, report)
    _require_draft(report)
    correction_check(report, cell, reason)
    correction, _created = FigureCorrection.objects.update_or_create(
        report=report, cell=cell, defaults={"value": value, "reason": reason.strip()}
    )
    return correction


def submit_errors(report: AnnualReport) -> list[str]:
    """What keeps the report from being submitted (or published), each in Chinese."""
    errors = []
    if not report.overview.strip():
        errors.append(_(ERROR_OVERVIEW))
    if report.version > 1 and not report.change_note.strip():
        errors.append(_(ERROR_CHANGE_NOTE))
    sums = cross_sum_errors(report_figures(report))
    if sums:
        errors.append(_(ERROR_CROSS_SUMS) + "".join(sums))
    return errors


@transaction.atomic
def report_submit(*, report: AnnualReport, by: AbstractBaseUser | None) -> AnnualReport:
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    _require_editor(by, report)
    _require_draft(report)
    errors = submit_errors(report)
    if errors:
        raise ValidationError(errors)
    report.status = ReportStatus.REVIEW
    report.submitted_by = by
    report.submitted_at = timezone.now()
    report.review_comment = ""
    report.save()
    return report


def _changes(previous: AnnualReport | None, report: AnnualReport, shown: Snapshot) -> list[dict]:
    if previous is None:
        return []
    before = Snapshot.from_json(previous.figures["shown"])
    changes = [
        {"what": cell_label(shown, cell), "before": before.cells.get(cell), "after": shown.cells.get(cell)}
        for cell in all_cells(shown)
        if before.cells.get(cell) != shown.cells.get(cell)
    ]
    if previous.fee_amount != report.fee_amount:
        what = "表二“行政事业性收费”·本年收费金额（万元）"
        changes.append({"what": what, "before": previous.fee_amount, "after": report.fee_amount})
    for field in ("overview", "problems", "other_matters"):
        if getattr(previous, field) != getattr(report, field):
            what = str(AnnualReport._meta.get_field(field).verbose_name)
            changes.append({"what": what, "before": None, "after": None})
    return [{key: _text(value) for key, value in change.items()} for change in changes]


def _text(value: object) -> str | None:
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return None if value is None else str(value)


def _fulfil_obligation(report: AnnualReport, on: date) -> int:
    """The work plan's annual-report task of the year the report is due in, for the unit (seed §5(三))."""
    if report.is_county:
        return 0
    path = report.get_absolute_url()
    url = f"https://{settings.SITE_DOMAIN}{path}" if settings.SITE_DOMAIN else path
    dues = ObligationDue.objects.filter(
        unit=report.unit_id,
        obligation__year=report.year + 1,
        obligation__title__contains=OBLIGATION_TITLE_WORDS,
        fulfilled_on__isnull=True,
    )
    fulfilled = 0
    for due in dues:
        due.fulfilled_on, due.evidence_url = on, url
        due.note = due.note or str(report)[:300]
        due.save()
        fulfilled += 1
    return fulfilled


@transaction.atomic
def report_review(*, report: AnnualReport, by: AbstractBaseUser, approve: bool, comment: str = "") -> AnnualReport:
    """Return the report with comments, or publish it: the figures are frozen from now on."""
    report = AnnualReport.objects.select_for_update().select_related("unit").get(pk=report.pk)
    if not can_review(by, report):
        raise PermissionDenied(_(ERROR_NOT_REVIEWER))
    if report.status != ReportStatus.REVIEW:
        raise ValidationError(_(ERROR_NOT_IN_REVIEW))
    if not approve:
        if not comment.strip():
            raise ValidationError(_(ERROR_RETURN_COMMENT))
        report.status, report.review_comment, report.reviewed_by = ReportStatus.DRAFT, comment.strip(), by
        report.save()
        return report
    errors = submit_errors(report)  # the data may have changed since it was submitted
    if errors:
        raise ValidationError(errors)
    # The reviewer's approval is the 公开审查 every published record passes (publication_review).
    review_record(record=report, reviewer=by, outcome=Outcome.PUBLISH, note=comment)
    require_review(report)  # the reviewer approves and publishes: only the author must differ
    base = report_base(report)
    shown = report_figures(report, base)
    now = timezone.now()
    previous = versions(report).filter(status=ReportStatus.PUBLISHED).first()
    report.changes = _changes(previous, report, shown)
    if previous is not None:
        previous.status, previous.superseded_at = ReportStatus.SUPERSEDED, now
        previous.save()
    report.figures = {"base": base.as_json(), "shown": shown.as_json()}
    report.status, report.published_at, report.reviewed_by = ReportStatus.PUBLISHED, now, by
    report.review_comment = comment.strip()
    report.save()
    _fulfil_obligation(report, timezone.localdate())
    return report
