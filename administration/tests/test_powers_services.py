"""Publishing an adjustment: reviewed first, dated, all or nothing, only by the unit's staff."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from administration.models import PowerAdjustment, PowerChange, PowerItem
from administration.powers_services import adjustment_publish, adjustment_save
from administration.tests.power_factories import ADDED, CHANGED, REMOVED, adjust, item, review
from publication_review.services import ERROR_NOT_REVIEWED

pytestmark = pytest.mark.django_db


def draft(unit, day: date, changes) -> PowerAdjustment:
    adjustment = adjustment_save(adjustment=PowerAdjustment(unit=unit, effective_on=day, reason="调整", basis="依据"))
    for kind, values in changes:
        PowerChange.objects.create(adjustment=adjustment, kind=kind, **values)
    return adjustment


def test_an_adjustment_is_not_published_without_a_review(unit_a, editor_a):
    adjustment = draft(unit_a, date(2025, 3, 3), [(ADDED, item("XK-001", "登记"))])
    with pytest.raises(ValidationError) as refused:
        adjustment_publish(adjustment=adjustment, by=editor_a)
    assert refused.value.messages == [ERROR_NOT_REVIEWED]
    assert not PowerItem.objects.exists()


def test_an_editor_of_another_unit_cannot_compile_or_publish(unit_a, editor_b, reviewer_a):
    with pytest.raises(PermissionDenied):
        adjustment_save(
            adjustment=PowerAdjustment(unit=unit_a, effective_on=date(2025, 3, 3), reason="r", basis="b"), by=editor_b
        )
    adjustment = draft(unit_a, date(2025, 3, 3), [(ADDED, item("XK-001", "登记"))])
    review(adjustment, reviewer_a)
    with pytest.raises(PermissionDenied):
        adjustment_publish(adjustment=adjustment, by=editor_b)


def test_a_removed_item_stays_with_its_dates_and_a_published_adjustment_is_final(unit_a, reviewer_a, editor_a):
    adjust(unit_a, reviewer_a, date(2025, 3, 3), [(ADDED, item("XK-001", "登记")), (ADDED, item("XK-002", "年检"))])
    second = adjust(unit_a, reviewer_a, date(2025, 5, 6), [(REMOVED, {"code": "XK-002"})])
    removed = PowerItem.objects.get(code="XK-002")
    assert (removed.is_current, removed.added_on, removed.removed_on) == (False, date(2025, 3, 3), date(2025, 5, 6))
    assert second.changes.get().name == "年检"  # the removal keeps what was removed
    second.reason = "改写"
    with pytest.raises(ValidationError):
        adjustment_save(adjustment=second, by=editor_a)


@time_machine.travel("2025-06-10 10:00 +0800", tick=False)
def test_dates_are_neither_in_the_future_nor_before_the_last_published_adjustment(unit_a, reviewer_a):
    adjust(unit_a, reviewer_a, date(2025, 5, 6), [(ADDED, item("XK-001", "登记"))])
    for day, message in ((date(2025, 6, 11), "调整日期不能晚于今天。"), (date(2025, 5, 5), "2025-05-06")):
        adjustment = draft(unit_a, day, [(ADDED, item("XK-009", "新事项"))])
        review(adjustment, reviewer_a)
        with pytest.raises(ValidationError) as refused:
            adjustment_publish(adjustment=adjustment)
        assert message in refused.value.messages[0]
    adjustment = draft(unit_a, date(2025, 6, 10), [(ADDED, item("XK-009", "新事项"))])
    review(adjustment, reviewer_a)
    assert adjustment_publish(adjustment=adjustment).status == "published"  # today and the same day are fine


def test_changes_that_do_not_fit_the_current_list_publish_nothing(unit_a, reviewer_a):
    adjust(unit_a, reviewer_a, date(2025, 3, 3), [(ADDED, item("XK-001", "登记"))])
    adjustment = draft(
        unit_a,
        date(2025, 4, 1),
        [(ADDED, item("XK-002", "新")), (ADDED, item("XK-001", "重复")), (CHANGED, item("XK-404", "没有"))],
    )
    review(adjustment, reviewer_a)
    with pytest.raises(ValidationError) as refused:
        adjustment_publish(adjustment=adjustment)
    assert refused.value.messages == [
        "“XK-001”已在现行清单中，不能新增；请改为“变更”。",
        "“XK-404”不在现行清单中，不能变更。",
    ]
    assert list(PowerItem.objects.values_list("code", flat=True)) == ["XK-001"]


def test_editing_the_changes_after_the_review_needs_a_new_review(unit_a, reviewer_a, editor_a, client):
    adjustment = draft(unit_a, date(2025, 3, 3), [(ADDED, item("XK-001", "登记"))])
    review(adjustment, reviewer_a)
    adjustment.save()  # what the admin does when the inline changes are edited
    with pytest.raises(ValidationError) as refused:
        adjustment_publish(adjustment=adjustment)
    assert "审查之后记录又有修改" in refused.value.messages[0]
