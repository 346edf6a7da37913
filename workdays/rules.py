"""The calendar's own deadline rule: holiday data must cover every year a deadline falls in."""

from datetime import date, timedelta

from django.db.models import QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from compliance.registry import DeadlineRule, register_rule, rules

MISSING_HOLIDAY_DATA = "workdays.holiday_data_missing"

# A deadline computed today can reach this far: 20 working days plus a Spring Festival week.
DEADLINE_HORIZON_DAYS = 45


def years_needed(today: date) -> set[int]:
    """Years of every open deadline, and of any deadline that could be computed today."""
    years = {today.year, (today + timedelta(days=DEADLINE_HORIZON_DAYS)).year}
    for other in rules():
        if other.open_deadlines is None or other.due_field is None:
            continue
        deadlines = other.open_deadlines().filter(**{f"{other.due_field}__isnull": False})
        due_years = deadlines.annotate(due_year=ExtractYear(other.due_field)).values_list("due_year", flat=True)
        years.update(due_years.order_by().distinct())
    return years


def years_missing_holiday_data(today: date) -> QuerySet:
    from workdays.models import CalendarYear

    needed = years_needed(today)
    known = set(CalendarYear.objects.filter(year__in=needed).values_list("year", flat=True))
    CalendarYear.objects.bulk_create([CalendarYear(year=year) for year in needed - known], ignore_conflicts=True)
    return CalendarYear.objects.filter(year__in=needed, has_data=False)


def register_rules() -> None:
    register_rule(
        DeadlineRule(
            code=MISSING_HOLIDAY_DATA,
            title=_("节假日安排未录入：该年度按周一至周五计算工作日"),
            overdue=years_missing_holiday_data,
            due_field=None,
            unit_field=None,
        )
    )
