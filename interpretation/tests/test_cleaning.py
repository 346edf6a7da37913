"""规范性文件清理: a normative document in force more than 5 years since publication or its last
review raises an alert to its unit the day after the anniversary; unknown dates are counted apart."""

from datetime import date

import pytest

from compliance.models import Alert
from compliance.scans import deadlines_scan_all
from interpretation.deadlines import CLEANING_OVERDUE, cleaning_unknown
from interpretation.rules import CLEANING_YEARS, cleaning_due
from interpretation.services import document_record_review, document_set_validity
from interpretation.tests.factories import published_document

pytestmark = pytest.mark.django_db


def alerted(today: date) -> set[int]:
    deadlines_scan_all(today=today)
    return set(Alert.objects.filter(rule_code=CLEANING_OVERDUE, resolved_at=None).values_list("object_id", flat=True))


def test_the_rule_is_five_years_from_publication_or_the_last_review():
    assert CLEANING_YEARS == 5
    assert cleaning_due(date(2020, 10, 19), None) == date(2025, 10, 19)
    assert cleaning_due(date(2018, 1, 1), date(2023, 6, 1)) == date(2028, 6, 1)
    assert cleaning_due(date(2020, 2, 29), None) == date(2025, 2, 28)
    assert cleaning_due(None, None) is None


def test_the_alert_comes_the_day_after_the_fifth_anniversary(unit_a):
    document = published_document(unit_a, published_on=date(2020, 10, 19))
    assert document.cleaning_due == date(2025, 10, 19)
    assert alerted(date(2025, 10, 19)) == set()
    assert alerted(date(2025, 10, 20)) == {document.pk}
    assert Alert.objects.get(rule_code=CLEANING_OVERDUE).unit == unit_a


def test_a_review_restarts_the_count_and_resolves_the_alert(unit_a, editor_a):
    document = published_document(unit_a, published_on=date(2019, 3, 1))
    assert alerted(date(2025, 10, 20)) == {document.pk}
    document = document_record_review(document=document, reviewed_on=date(2025, 10, 20), by=editor_a)
    assert document.cleaning_due == date(2030, 10, 20)
    assert alerted(date(2025, 10, 20)) == set()
    assert "清理" in document.history.first().history_change_reason


def test_a_review_needs_its_date_and_a_document_in_force(unit_a, editor_a):
    document = published_document(unit_a, published_on=date(2019, 3, 1))
    with pytest.raises(Exception, match="清理日期"):
        document_record_review(document=document, reviewed_on=None, by=editor_a)
    document_set_validity(
        document=document, validity="expired", changed_on=date(2024, 3, 1), reason="到期", by=editor_a
    )
    with pytest.raises(Exception, match="无需确认继续有效"):
        document_record_review(document=document, reviewed_on=date(2025, 10, 1), by=editor_a)


def test_repealed_expired_and_non_normative_documents_are_not_cleaned(unit_a, editor_a):
    expired = published_document(unit_a, number="1号", published_on=date(2015, 3, 1))
    document_set_validity(document=expired, validity="expired", changed_on=date(2020, 3, 1), reason="到期", by=editor_a)
    published_document(unit_a, number="2号", published_on=date(2015, 3, 1), kind="other")
    amended = published_document(unit_a, number="3号", published_on=date(2015, 3, 1))
    document_set_validity(
        document=amended,
        validity="amended",
        changed_on=date(2018, 3, 1),
        changed_by_title="x",
        reason="修改",
        by=editor_a,
    )
    assert alerted(date(2025, 10, 20)) == {amended.pk}  # amended: still in force


def test_a_document_of_unknown_date_is_counted_apart_never_alerted(unit_a):
    undated = published_document(unit_a, published_on=None, signed_on=None)
    assert undated.cleaning_due is None
    assert alerted(date(2025, 10, 20)) == set()
    assert list(cleaning_unknown().values_list("pk", flat=True)) == [undated.pk]
