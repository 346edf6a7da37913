"""The 政府信息公开 column: the numbers in one place.

政府信息公开指南 (Regulations Art 12) must be updated when what it describes changes; not updating
it is a liability ground (Art 53(二)). Local rule: a unit's 指南 is updated within one year
(GUIDE_UPDATE_DAYS = 365 calendar days, not working days) of the first change to its catalog or
its office data that the published 指南 does not yet reflect. A change on day D (the county's date)
may be followed by the 指南 up to and including D + 365; the daily scan raises the alert from
D + 366. A unit with such a change and no published 指南 at all counts the same way.
"""

from datetime import date, timedelta

GUIDE_UPDATE_DAYS = 365
POSTCODE_DIGITS = 6


def guide_update_due(changed_on: date) -> date:
    """The last day to publish an updated 指南 after a change on ``changed_on``."""
    return changed_on + timedelta(days=GUIDE_UPDATE_DAYS)


def is_stale(changed_on: date, today: date) -> bool:
    """Stale from the day after the last day; publishing on the last day is on time."""
    return today > guide_update_due(changed_on)
