"""Time limits: parsed from the catalog text, counted in working or calendar days, scanned."""

from datetime import date

import pytest

from catalog.deadlines import PUBLICATION_OVERDUE
from catalog.models import Publication
from catalog.rules import due_date, parse_time_limit
from catalog.services import publication_publish, publication_save
from catalog.tests.factories import published_catalog
from compliance.models import Alert
from compliance.scans import deadlines_scan_all
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "kind", "days"),
    [
        ("信息形成或者变更之日起20个工作日内", "working_days", 20),
        ("制定或获取信息之日起10个工作日内", "working_days", 10),
        ("作出行政决定之日起7个工作日内", "working_days", 7),
        ("批准后20日内", "calendar_days", 20),
        ("实时公开", "continuous", None),
        ("及时公开", "continuous", None),
        ("", "working_days", 20),
    ],
)
def test_time_limit_texts(text, kind, days):
    limit = parse_time_limit(text)
    assert (limit.kind, limit.days) == (kind, days)


def test_unreadable_limit_is_refused():
    with pytest.raises(ValueError, match="无法识别"):
        parse_time_limit("尽快")


def test_due_dates_skip_national_day_and_count_its_makeup_days():
    assert due_date(date(2025, 9, 26), "working_days", 10) == date(2025, 10, 16)
    assert due_date(date(2025, 9, 26), "calendar_days", 20) == date(2025, 10, 16)
    assert due_date(date(2025, 10, 10), "working_days", 1) == date(2025, 10, 11)  # 调休 Saturday
    assert due_date(date(2025, 9, 26), "continuous", None) is None


def draft(catalog_item, formed_on: date) -> Publication:
    return publication_save(publication=Publication(item=catalog_item, title="低保名单", formed_on=formed_on))


def open_alerts(today: date) -> set[int]:
    deadlines_scan_all(today=today)
    return set(
        Alert.objects.filter(rule_code=PUBLICATION_OVERDUE, resolved_at=None).values_list("object_id", flat=True)
    )


def test_information_not_published_within_its_limit_raises_an_alert(unit_a, lead_reviewer):
    ten_days = published_catalog(unit_a, lead_reviewer).items.get(level2="审批信息", level1="最低生活保障")
    publication = draft(ten_days, date(2025, 9, 26))
    assert publication.due_on == date(2025, 10, 16)
    assert open_alerts(date(2025, 10, 16)) == set()
    assert open_alerts(date(2025, 10, 17)) == {publication.pk}
    assert open_alerts(date(2025, 10, 17)) == {publication.pk}
    assert Alert.objects.filter(rule_code=PUBLICATION_OVERDUE).count() == 1
    publication_publish(publication=reviewed(publication))
    assert open_alerts(date(2025, 10, 18)) == set()
    publication.refresh_from_db()
    assert publication.published_on == date(2025, 10, 20) and publication.published_on_time is False


def test_continuous_items_are_never_overdue(unit_a, lead_reviewer):
    continuous = published_catalog(unit_a, lead_reviewer).items.get(level1="临时救助")
    publication = draft(continuous, date(2025, 1, 2))
    assert publication.due_on is None
    assert open_alerts(date(2025, 10, 20)) == set()


def test_publishing_on_the_last_day_is_on_time(unit_a, lead_reviewer):
    item = published_catalog(unit_a, lead_reviewer).items.get(level2="审批信息", level1="最低生活保障")
    publication = draft(item, date(2025, 9, 29))
    assert publication.due_on == date(2025, 10, 20)
    assert publication_publish(publication=reviewed(publication)).published_on_time is True
