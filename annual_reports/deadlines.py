"""The annual report's deadlines, registered with the compliance registry.

The records are the units themselves (a report not yet started has no row of its own): a unit
without a published report on last year is reminded from 5 January and overdue after its due date
(units 15 January, the county government's report, owned by the openness office, on
ANNUAL_REPORT_COUNTY_DUE). Publishing resolves the alert at the next scan.
"""

from datetime import date

from django.conf import settings
from django.db.models import DateField, QuerySet, Value
from django.utils.translation import gettext_lazy as _

from annual_reports import rules
from annual_reports.models import PUBLIC_STATUSES, AnnualReport
from compliance.registry import DeadlineRule, register_rule
from organizations.models import Unit, UnitKind

UNIT_OVERDUE = "annual_reports.unit_overdue"
UNIT_REMINDER = "annual_reports.unit_reminder"
COUNTY_OVERDUE = "annual_reports.county_overdue"
COUNTY_REMINDER = "annual_reports.county_reminder"


def _without_report(year: int, *, county: bool) -> QuerySet:
    published = AnnualReport.objects.filter(year=year, is_county=county, status__in=PUBLIC_STATUSES)
    units = Unit.objects.filter(is_active=True)
    if county:
        units = units.filter(code=settings.OPENNESS_OFFICE_UNIT_CODE)
    else:
        units = units.exclude(kind=UnitKind.COUNTY_GOVERNMENT)
    due = rules.report_due(year, county=county)
    return units.exclude(pk__in=published.values("unit")).annotate(report_due=Value(due, output_field=DateField()))


def _rule(county: bool, reminder: bool):
    def units(today: date) -> QuerySet:
        due = rules.in_reminder_window if reminder else rules.is_overdue
        units = _without_report(rules.report_year(today), county=county)
        return units if due(today, county=county) else units.none()

    return units


def register_rules() -> None:
    for code, county, reminder, title in (
        (UNIT_OVERDUE, False, False, _("政府信息公开工作年度报告逾期未发布（1月15日前）")),
        (UNIT_REMINDER, False, True, _("政府信息公开工作年度报告即将到期（1月15日前发布）")),
        (COUNTY_OVERDUE, True, False, _("县政府政府信息公开工作年度报告逾期未发布")),
        (COUNTY_REMINDER, True, True, _("县政府政府信息公开工作年度报告即将到期")),
    ):
        register_rule(
            DeadlineRule(
                code=code,
                title=title,
                overdue=_rule(county, reminder),
                due_field="report_due",
                unit_field="id",
                notice=reminder,
            )
        )
