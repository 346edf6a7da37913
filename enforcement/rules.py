"""The numbers of enforcement publicity, each in one place.

seed §3(三): licence and penalty decisions public within 7 working days of the decision;
other enforcement decisions, 行政强制 among them, within 20 working days (rules.md §4, issue 16).
Administrative Penalty Law 2021 Art 48: a changed or revoked penalty is withdrawn from
publication within 3 days (calendar days) with a public explanation.
rules.md §4: publicity periods (a common rule: 5 years; natural persons 2 years).
"""

from datetime import date, timedelta

from workdays import add_working_days

PUBLICATION_WORKING_DAYS = 7  # 行政许可, 行政处罚
COERCION_PUBLICATION_WORKING_DAYS = 20  # 行政强制
COERCION = "coercion"  # models.DecisionKind.COERCION
WITHDRAWAL_DAYS = 3
PUBLICITY_YEARS_DEFAULT = 5
PUBLICITY_YEARS_NATURAL_PERSON = 2
# 有效期至 2099-12-31 means a licence without end (rules.md §4).
NO_END_DATE = date(2099, 12, 31)


def publication_working_days(kind: str) -> int:
    return COERCION_PUBLICATION_WORKING_DAYS if kind == COERCION else PUBLICATION_WORKING_DAYS


def publication_due(decision_date: date, kind: str = "") -> date:
    """The last day to publish: 7 working days after a licence or penalty, 20 after a coercion."""
    return add_working_days(decision_date, publication_working_days(kind))


def withdrawal_due(revoked_on: date) -> date:
    return revoked_on + timedelta(days=WITHDRAWAL_DAYS)


def default_publicity_until(decision_date: date, *, natural_person: bool) -> date:
    years = PUBLICITY_YEARS_NATURAL_PERSON if natural_person else PUBLICITY_YEARS_DEFAULT
    try:
        return decision_date.replace(year=decision_date.year + years)
    except ValueError:  # 29 February
        return decision_date.replace(year=decision_date.year + years, day=28)
