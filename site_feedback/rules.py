"""我为政府网站找错: the numbers in one place.

A report of an error on the site is answered within 3 working days of its receipt (local rule,
rules.md §10; 国办发〔2017〕47号 asks every government site for this entry). The day of
receipt is not counted (workdays): a report received on a Friday before a normal weekend is
due the next Wednesday. The daily scan raises an alert from the day after the due date.
"""

from datetime import date

from workdays import add_working_days

ANSWER_WORKING_DAYS = 3
MAX_PAGE_LENGTH = 500
MAX_DESCRIPTION_LENGTH = 1000
MAX_CONTACT_LENGTH = 100
# As the comment form: at most 5 reports per client per 10 minutes (shared cache).
REPORTS_PER_WINDOW = 5
RATE_WINDOW_SECONDS = 600
# The reporter's contact is erased this many days after the answer (or the withdrawal).
CONTACT_RETENTION_DAYS = 180


def answer_due(received_on: date) -> date:
    """The last day to answer a report received on ``received_on`` (the county's date)."""
    return add_working_days(received_on, ANSWER_WORKING_DAYS)


def is_overdue(due_date: date, today: date) -> bool:
    """Overdue from the day after the last day; answering on the last day is on time."""
    return today > due_date
