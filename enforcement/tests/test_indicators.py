"""The enforcement on-time share counts decisions still unpublished past their due date as late."""

from datetime import date

import pytest
import time_machine

from enforcement.deadlines import on_time, published_late
from enforcement.services import decision_publish
from enforcement.tests.factories import make_decision
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db

YEAR = (date(2025, 1, 1), date(2025, 12, 31))


def figures(unit) -> tuple[int, int, bool | None, int]:
    value = on_time(*YEAR)[unit.pk]
    return value.numerator, value.denominator, value.met, value.pending


def test_an_unpublished_decision_counts_as_late_from_the_day_after_its_due_date(unit_a):
    """Decided Monday 13 October: due Wednesday 22 October (7 working days)."""
    decision = make_decision(unit_a, decision_date=date(2025, 10, 13))
    make_decision(unit_a, decision_date=date(2025, 10, 9), party_is_minor=True)  # never published: not counted
    assert decision.publication_due == date(2025, 10, 22)
    with time_machine.travel("2025-10-22 10:00 +0800", tick=False):
        assert figures(unit_a) == (0, 0, None, 1)  # due today: not late yet
    with time_machine.travel("2025-10-23 10:00 +0800", tick=False):
        assert figures(unit_a) == (0, 1, False, 0)
        [row] = published_late(unit_a.pk, *YEAR)
        assert (row.title, row.due_on, row.done_on, row.note) == (
            str(decision),
            date(2025, 10, 22),
            None,
            "尚未公开（决定日期 2025-10-13）",
        )
        decision_publish(decision=reviewed(decision))
        assert figures(unit_a) == (0, 1, False, 0)  # published late: still late
        [row] = published_late(unit_a.pk, *YEAR)
        assert row.done_on == date(2025, 10, 23) and row.admin_url.endswith(f"/decision/{decision.pk}/change/")


def test_a_decision_published_in_time_is_on_time(unit_a):
    make_decision(unit_a, decision_date=date(2025, 10, 13), publish=True)
    assert figures(unit_a) == (1, 1, True, 0)
    assert published_late(unit_a.pk, *YEAR) == []
