"""Several time limits in one 公开时限 cell: every clause stored with its wording, the deadline
from the clause for the publication's kind, else the shortest; 公示期 never a deadline."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from catalog.deadlines import recompute_due_dates
from catalog.models import Publication
from catalog.rules import ERROR_CLAUSES, applicable_clause, parse_time_limits, validate_time_limits
from catalog.services import publication_save
from catalog.tests.factories import item, published_catalog

pytestmark = pytest.mark.django_db

TWO_KINDS = "信息形成或者变更之日起20个工作日内；其中行政许可、行政处罚决定7个工作日内"
WITH_PERIOD = "10个工作日内，公示7个工作日"
FORMED = date(2025, 9, 26)  # a Friday before the National Day holiday


def test_every_clause_is_stored_with_its_limit_unit_scope_and_wording():
    assert parse_time_limits(TWO_KINDS) == [
        {
            "text": "信息形成或者变更之日起20个工作日内",
            "unit": "working_days",
            "days": 20,
            "applies_to": "",
            "period": False,
        },
        {
            "text": "其中行政许可、行政处罚决定7个工作日内",
            "unit": "working_days",
            "days": 7,
            "applies_to": "行政许可、行政处罚决定",
            "period": False,
        },
    ]
    general, period = parse_time_limits(WITH_PERIOD)
    assert (general["days"], general["period"]) == (10, False)
    assert (period["text"], period["days"], period["unit"], period["period"]) == (
        "公示7个工作日",
        7,
        "working_days",
        True,
    )


def test_words_without_a_limit_stay_with_the_clause_and_calendar_days_are_kept_apart():
    (only,) = parse_time_limits("制定或获取信息之日起，10个工作日内")
    assert only["text"] == "制定或获取信息之日起，10个工作日内" and only["days"] == 10
    first, second = parse_time_limits("批准后20日内；其中调整预算批准后10日内。")
    assert (first["unit"], first["days"], second["days"], second["applies_to"]) == (
        "calendar_days",
        20,
        10,
        "调整预算批准后",
    )


@pytest.mark.parametrize(
    ("text", "kind", "days"),
    [
        (TWO_KINDS, "行政处罚决定", 7),
        (TWO_KINDS, "行政许可", 7),
        (TWO_KINDS, "规划信息", 20),  # a stated kind no clause names: the general clause
        (TWO_KINDS, "", 7),  # kind not stated: the shortest
        (WITH_PERIOD, "", 10),  # 公示期 is how long a notice stays up, never the limit
        ("实时公开；其中名单20个工作日内", "", 20),  # continuous only when nothing is countable
        ("20个工作日内；其中名单15日内", "", 15),  # 15 calendar days end before 20 working days
    ],
)
def test_the_clause_for_the_kind_else_the_shortest(text, kind, days):
    assert applicable_clause(parse_time_limits(text), kind, FORMED)["days"] == days


def test_only_a_period_gives_no_deadline():
    clauses = [{"text": "公示7日", "unit": "calendar_days", "days": 7, "applies_to": "", "period": True}]
    assert applicable_clause(clauses, "", FORMED) is None


@pytest.mark.parametrize(
    "value",
    [
        [],
        "20个工作日",
        [{"text": "", "unit": "weeks", "days": 2, "applies_to": "", "period": False}],
        [{"text": "", "unit": "working_days", "days": None, "applies_to": "", "period": False}],
        [{"text": "", "unit": "continuous", "days": 3, "applies_to": "", "period": False}],
        [{"text": "", "unit": "working_days", "days": -1, "applies_to": "", "period": False}],
        [{"text": "", "unit": "working_days", "days": 20}],
    ],
)
def test_stored_clauses_are_checked_in_one_place(value):
    with pytest.raises(ValidationError) as refused:
        validate_time_limits(value)
    assert refused.value.messages[0].startswith(ERROR_CLAUSES.split("{")[0])


def test_a_publication_gets_the_deadline_of_its_kind_and_keeps_it_on_recompute(client, unit_a, lead_reviewer):
    catalog = published_catalog(unit_a, lead_reviewer, items=[item("行政执法", "执法决定", limit=TWO_KINDS)])
    catalog_item = catalog.items.get()

    def draft(kind: str) -> Publication:
        return publication_save(
            publication=Publication(item=catalog_item, title="决定", formed_on=FORMED, info_kind=kind)
        )

    penalty, other, unstated = draft("行政处罚决定"), draft("统计信息"), draft("")
    assert penalty.due_on == date(2025, 10, 13)  # 7 working days over the holiday
    assert other.due_on == date(2025, 10, 30)  # 20 working days
    assert unstated.due_on == penalty.due_on and unstated.time_limit["days"] == 7
    Publication.objects.update(due_on=date(2000, 1, 1))  # as if the calendar had changed
    assert recompute_due_dates() == 3
    due = dict(Publication.objects.values_list("pk", "due_on"))
    assert due == {penalty.pk: date(2025, 10, 13), other.pk: date(2025, 10, 30), unstated.pk: date(2025, 10, 13)}
    page = client.get(catalog_item.get_absolute_url()).content.decode()
    assert TWO_KINDS in page
