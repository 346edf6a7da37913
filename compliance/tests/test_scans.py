"""The alert scan over a registered rule: raise, resolve, idempotent, set-based.

The rule here is a test rule over units ("a unit must publish a contact e-mail by its
due date"), so the scan is exercised without any domain app.
"""

from datetime import date

import pytest
from django.db.models import DateField, Value

from compliance.models import Alert
from compliance.registry import DeadlineRule, register_rule, unregister_rule
from compliance.scans import deadline_rule_scan
from compliance.tasks import scan_deadlines
from organizations.models import Unit
from workdays.models import CalendarYear
from workdays.rules import MISSING_HOLIDAY_DATA

pytestmark = pytest.mark.django_db

DUE = date(2026, 3, 2)


def units_without_email():
    return Unit.objects.filter(email="").annotate(due_date=Value(DUE, output_field=DateField()))


def overdue_units(today: date):
    return units_without_email().filter(due_date__lt=today)


RULE = DeadlineRule(code="test.email", title="联系邮箱", overdue=overdue_units, unit_field="pk")


@pytest.fixture
def rule():
    register_rule(RULE)
    yield RULE
    unregister_rule(RULE.code)


def make_units(count: int) -> list[Unit]:
    return [Unit.objects.create(code=f"u{i}", name=f"单位{i}", kind="township") for i in range(count)]


def test_scan_raises_one_alert_per_overdue_record_with_unit_and_due_date(rule):
    units = make_units(3)
    result = deadline_rule_scan(rule=rule, today=date(2026, 3, 3))
    assert result.raised == 3
    alert = Alert.objects.get(object_id=units[0].pk)
    assert alert.unit == units[0] and alert.due_date == DUE and alert.is_open


def test_nothing_is_overdue_on_the_due_date_itself(rule):
    make_units(2)
    assert deadline_rule_scan(rule=rule, today=DUE).raised == 0
    assert deadline_rule_scan(rule=rule, today=date(2026, 3, 3)).raised == 2


def test_second_scan_changes_nothing(rule):
    make_units(3)
    deadline_rule_scan(rule=rule, today=date(2026, 3, 3))
    before = list(Alert.objects.values_list("pk", "raised_at", "resolved_at"))
    again = deadline_rule_scan(rule=rule, today=date(2026, 3, 3))
    assert (again.raised, again.resolved) == (0, 0)
    assert list(Alert.objects.values_list("pk", "raised_at", "resolved_at")) == before


def test_fixing_the_record_resolves_its_alert_and_a_relapse_raises_a_new_one(rule):
    unit = make_units(1)[0]
    deadline_rule_scan(rule=rule, today=date(2026, 3, 3))
    Unit.objects.filter(pk=unit.pk).update(email="a@example.cn")
    assert deadline_rule_scan(rule=rule, today=date(2026, 3, 4)).resolved == 1
    assert not Alert.objects.filter(resolved_at=None).exists()
    Unit.objects.filter(pk=unit.pk).update(email="")
    assert deadline_rule_scan(rule=rule, today=date(2026, 3, 5)).raised == 1
    assert Alert.objects.filter(object_id=unit.pk).count() == 2


@pytest.mark.parametrize("count", [2, 40])
def test_scan_queries_do_not_grow_with_rows(rule, count, django_assert_max_num_queries):
    make_units(count)
    with django_assert_max_num_queries(6):
        deadline_rule_scan(rule=rule, today=date(2026, 3, 3))


def test_the_task_runs_every_rule_and_reports(rule):
    make_units(2)
    report = scan_deadlines.delay().get()
    assert report["test.email"]["raised"] == 2
    assert MISSING_HOLIDAY_DATA in report


def test_an_open_deadline_in_a_year_without_data_raises_the_calendar_alert():
    """A registered rule with a due date in 2041 makes 2041's missing holiday data urgent."""
    make_units(1)

    def far_deadlines():
        return Unit.objects.annotate(due_date=Value(date(2041, 5, 6), output_field=DateField()))

    rule = DeadlineRule(
        code="test.far",
        title="远期",
        overdue=lambda today: far_deadlines().none(),
        unit_field="pk",
        open_deadlines=far_deadlines,
    )
    register_rule(rule)
    try:
        scan_deadlines.delay().get()
    finally:
        unregister_rule(rule.code)
    assert Alert.objects.filter(rule_code=MISSING_HOLIDAY_DATA, object_id=2041, resolved_at=None).exists()
    assert not CalendarYear.objects.get(year=2041).has_data
