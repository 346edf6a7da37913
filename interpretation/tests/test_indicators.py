"""三同步: a document still without interpretation past its limit counts as not synchronised;
one still within its limit is not counted yet."""

from datetime import date

import pytest
import time_machine

from interpretation.deadlines import not_synchronised, synchronised
from interpretation.tests.factories import published_document, published_interpretation

pytestmark = pytest.mark.django_db

YEAR = (date(2025, 1, 1), date(2025, 12, 31))


def figures(unit) -> tuple[int, int, bool | None, int]:
    value = synchronised(*YEAR)[unit.pk]
    return value.numerator, value.denominator, value.met, value.pending


def test_a_document_without_interpretation_counts_once_its_limit_has_passed(unit_a):
    """Published Monday 20 October: the interpretation is due Thursday 23 October (3 working days)."""
    document = published_document(unit_a, published_on=date(2025, 10, 20))
    assert document.interpretation_due == date(2025, 10, 23)
    assert figures(unit_a) == (0, 0, None, 1)
    assert not_synchronised(unit_a.pk, *YEAR) == []
    with time_machine.travel("2025-10-24 10:00 +0800", tick=False):
        assert figures(unit_a) == (0, 1, False, 0)
        [row] = not_synchronised(unit_a.pk, *YEAR)
        assert (row.due_on, row.done_on, row.action) == (date(2025, 10, 23), None, "新增解读")
        assert row.admin_url.endswith(f"/admin/interpretation/interpretation/add/?document={document.pk}")
        published_interpretation(document, published_on=date(2025, 10, 24))
        assert figures(unit_a) == (0, 1, False, 0)
        [row] = not_synchronised(unit_a.pk, *YEAR)
        assert row.done_on == date(2025, 10, 24) and "解读于 2025-10-24 发布" in row.note


def test_an_interpretation_in_time_counts_at_once(unit_a):
    document = published_document(unit_a, published_on=date(2025, 10, 20))
    published_interpretation(document, published_on=date(2025, 10, 20))
    assert figures(unit_a) == (1, 1, True, 0)
