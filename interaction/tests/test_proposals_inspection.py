"""The self-inspection reads the 回应关切 news column and each year's 建议提案 column, latest = the
newest published item, in a fixed number of queries; the dashboard's indicators have values."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from interaction.proposals_deadlines import replied_late, replied_on_time, result_class_mix, unclassified
from interaction.proposals_inspection import columns
from interaction.proposals_services import proposal_publish
from interaction.responses_services import response_publish
from interaction.tests.proposals_factories import make_concern, make_proposal, make_response, replied
from lushan_portal.site_inspection import ColumnKind, column_providers
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db
COUNTY = ZoneInfo("Asia/Shanghai")


def test_columns_answer_in_two_queries_with_the_newest_published_item(unit_a, django_assert_num_queries):
    assert "interaction.proposals" in column_providers()
    with django_assert_num_queries(2):
        listed = {column.code: column for column in columns()}
    assert listed["responses"].kind == ColumnKind.NEWS and listed["responses"].latest is None
    for year in (2025, 2026):
        proposal = replied(make_proposal(unit_a, assigned_on=date(year, 3, 31), public_interest=True), date(year, 6, 1))
        proposal_publish(proposal=reviewed(proposal))
    make_proposal(unit_a, assigned_on=date(2024, 3, 31))  # a year with nothing public: a blank column
    seen = datetime(2026, 10, 3, 22, 0, tzinfo=COUNTY)
    response = make_response(make_concern(unit_a, seen), seen + timedelta(hours=3))  # 10-04 01:00 in the county
    response_publish(response=reviewed(response, unit_field="concern__unit"))
    with django_assert_num_queries(2):
        listed = {column.code: column for column in columns()}
    assert listed["responses"].latest == date(2026, 10, 4)
    assert listed["responses"].url == "/responses/"
    assert listed["proposals:2024"].latest is None and listed["proposals:2024"].kind == ColumnKind.OTHER
    assert listed["proposals:2026"].url == "/proposals/2026/" and listed["proposals:2026"].latest is not None


def test_on_time_and_result_class_indicators_count_unknowns_apart(unit_a, unit_b):
    replied(make_proposal(unit_a), date(2026, 6, 30), result="A")
    replied(make_proposal(unit_a), date(2026, 7, 1), result="")
    make_proposal(unit_b, assigned_on=date(2026, 3, 31))  # unreplied past 30 June
    make_proposal(unit_b, assigned_on=None)  # no clock: not in the share
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    on_time = replied_on_time(start, end)
    assert (on_time[unit_a.pk].numerator, on_time[unit_a.pk].denominator) == (1, 2)
    assert (on_time[unit_b.pk].numerator, on_time[unit_b.pk].denominator) == (0, 1)
    assert [row.done_on for row in replied_late(unit_a.pk, start, end)] == [date(2026, 7, 1)]
    mix = result_class_mix(start, end)
    assert (mix[unit_a.pk].numerator, mix[unit_a.pk].denominator, mix[unit_a.pk].met) == (1, 1, False)
    assert len(unclassified(unit_a.pk, start, end)) == 1
