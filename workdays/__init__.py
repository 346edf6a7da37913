"""The working-day calendar: ``from workdays import add_working_days``."""

from workdays.calendar import (
    DueDateExplanation,
    add_months,
    add_working_days,
    explain_due_date,
    has_holiday_data,
    is_working_day,
    working_days_between,
    years_without_data,
)

__all__ = [
    "DueDateExplanation",
    "add_months",
    "add_working_days",
    "explain_due_date",
    "has_holiday_data",
    "is_working_day",
    "working_days_between",
    "years_without_data",
]
