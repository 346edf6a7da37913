"""The feedback-report share: a report not due yet is not counted, an overdue one is."""

from datetime import date

import pytest
import time_machine

from decisions.deadlines import reports_missing, reports_published
from decisions.services import feedback_publish
from decisions.tests.factories import consultation
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db

YEAR = (date(2025, 1, 1), date(2025, 12, 31))


def figures(unit) -> tuple[int, int, bool | None, int]:
    value = reports_published(*YEAR)[unit.pk]
    return value.numerator, value.denominator, value.met, value.pending


def test_a_report_counts_once_its_due_date_has_passed(unit_a):
    decision = consultation(unit_a, opens_on=date(2025, 9, 1), closes_on=date(2025, 9, 30))
    due = decision.feedback_due
    assert figures(unit_a) == (0, 0, None, 1) and due >= date(2025, 10, 20)
    with time_machine.travel(f"{due} 10:00 +0800", tick=False):
        assert figures(unit_a) == (0, 0, None, 1)  # due today
    with time_machine.travel("2025-11-20 10:00 +0800", tick=False):
        assert figures(unit_a) == (0, 1, False, 0)
        [row] = reports_missing(unit_a.pk, *YEAR)
        assert (row.due_on, row.action) == (due, "录入采纳情况")
        assert row.admin_url.endswith(f"/majordecision/{decision.pk}/feedback/")
        feedback_publish(decision=reviewed(decision), received=0, adopted=0, not_adopted=0, main_views="无", reasons="")
        assert figures(unit_a) == (1, 1, True, 0)
