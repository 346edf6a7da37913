"""Tables 三 and 四 of the annual report against hand-counted applications, with the national
format's cross-sums (rules.md §9), in two queries whatever the number of units."""

from datetime import date

import pytest

from disclosure_requests.annual import (
    CARRIED_IN,
    CARRIED_OUT,
    COLUMNS,
    NEW,
    OUTCOME_CELLS,
    TOTAL,
    annual_figures,
    annual_figures_by_unit,
)
from disclosure_requests.models import Channel, ReplyKind, ReviewKind, ReviewOutcome
from disclosure_requests.tests.records import review, stored
from lushan_portal.annual_figures import provider

pytestmark = pytest.mark.django_db

d = date.fromisoformat


@pytest.fixture
def year_2025(unit_a, unit_b):
    """Hand-counted: the comment on each line says where it counts in 2025 for unit_a."""
    apps = {
        1: stored(unit_a, d("2024-12-20"), closed=d("2025-01-10")),  # 二, （一） 自然人
        2: stored(unit_a, d("2024-11-01"), column="commercial"),  # 二, 四 商业企业
        3: stored(unit_a, d("2024-10-01"), closed=d("2024-12-01")),  # 2024 only
        4: stored(unit_a, d("2025-03-01"), closed=d("2025-03-20"), kind="partial"),  # 一, （二）
        5: stored(unit_a, d("2025-05-05"), column="research", closed=d("2025-06-01"), kind="refused",
                  reason="state_secret"),  # 一, （三）1 科研机构
        6: stored(unit_a, d("2025-12-20"), column="legal_service", closed=d("2026-01-08"), kind="unavailable",
                  reason="not_held"),  # 一, 四 法律服务机构 (answered next year)
        7: stored(unit_a, d("2025-07-01"), column="public_interest", closed=d("2025-07-10"),
                  kind="not_processed", reason="repeated"),  # 一, （五）2
        8: stored(unit_a, d("2025-08-01"), column="other", closed=d("2025-08-02"), kind="other",
                  reason="no_correction"),  # 一, （六）1 其他
        9: stored(unit_a, d("2025-09-01"), closed=d("2025-09-01"), kind="other", reason="other"),  # 一, （六）3
        10: stored(unit_a, None, channel=Channel.ORDINARY_LETTER),  # receipt not confirmed: nowhere
        11: stored(unit_a, d("2026-01-05")),  # 2026
        12: stored(unit_b, d("2025-04-01"), closed=d("2025-04-10")),  # the other unit
    }  # fmt: skip
    review(apps[1], ReviewKind.RECONSIDERATION, d("2025-02-01"), ReviewOutcome.UPHELD, d("2025-04-01"))
    review(apps[4], ReviewKind.RECONSIDERATION, d("2025-11-01"), ReviewOutcome.CORRECTED, d("2026-01-15"))
    review(apps[5], ReviewKind.LITIGATION_DIRECT, d("2025-07-01"), ReviewOutcome.PENDING)
    review(apps[5], ReviewKind.LITIGATION_AFTER_REVIEW, d("2025-09-01"), ReviewOutcome.OTHER, d("2025-12-01"))
    review(apps[1], ReviewKind.RECONSIDERATION, d("2024-06-01"), ReviewOutcome.UPHELD, d("2024-08-01"))
    review(apps[7], ReviewKind.RECONSIDERATION, None, ReviewOutcome.UPHELD)
    review(apps[12], ReviewKind.LITIGATION_DIRECT, d("2025-05-01"), ReviewOutcome.CORRECTED, d("2025-10-01"))
    return apps


def cells(figures, code):
    return figures.table_three.row(code).cells


def assert_cross_sums(table):
    outcome_rows = [table.row(code) for code, _kind, _reason in OUTCOME_CELLS]
    for column in range(len(COLUMNS)):
        assert table.row(TOTAL).cells[column] == sum(row.cells[column] for row in outcome_rows)
        new, carried_in = table.row(NEW).cells[column], table.row(CARRIED_IN).cells[column]
        assert new + carried_in == table.row(TOTAL).cells[column] + table.row(CARRIED_OUT).cells[column]
    for row in table.rows:
        assert row.total == sum(row.cells)  # each row's 总计 = the six columns


def test_table_three_of_a_unit_matches_the_hand_count(year_2025, unit_a, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        figures = annual_figures(2025, unit_a.pk)
    assert cells(figures, NEW) == (2, 0, 1, 1, 1, 1)
    assert cells(figures, CARRIED_IN) == (1, 1, 0, 0, 0, 0)
    assert cells(figures, "disclosed") == (1, 0, 0, 0, 0, 0)
    assert cells(figures, "partial") == (1, 0, 0, 0, 0, 0)
    assert cells(figures, "refused.state_secret") == (0, 0, 1, 0, 0, 0)
    assert cells(figures, "unavailable.not_held") == (0, 0, 0, 0, 0, 0)  # answered in 2026
    assert cells(figures, "not_processed.repeated") == (0, 0, 0, 1, 0, 0)
    assert cells(figures, "other.no_correction") == (0, 0, 0, 0, 0, 1)
    assert cells(figures, "other.other") == (1, 0, 0, 0, 0, 0)
    assert cells(figures, TOTAL) == (3, 0, 1, 1, 0, 1)
    assert cells(figures, CARRIED_OUT) == (0, 1, 0, 0, 1, 0)
    assert figures.table_three.row(NEW).total == 6 and figures.table_three.row(TOTAL).total == 6
    assert figures.table_three.kind_total(ReplyKind.OTHER) == (1, 0, 0, 0, 0, 1)
    assert_cross_sums(figures.table_three)


def test_received_in_one_year_and_answered_in_the_next_is_carried_over(year_2025, unit_a):
    figures = annual_figures(2026, unit_a.pk)
    assert cells(figures, CARRIED_IN) == (0, 1, 0, 0, 1, 0)  # 2 (still open) and 6
    assert cells(figures, NEW) == (1, 0, 0, 0, 0, 0)  # 11
    assert cells(figures, "unavailable.not_held") == (0, 0, 0, 0, 1, 0)  # counted once, the year of its reply
    assert_cross_sums(figures.table_three)


def test_every_outcome_row_of_the_national_format_is_there_in_order(year_2025, unit_a):
    codes = [row.code for row in annual_figures(2025, unit_a.pk).table_three.rows]
    assert len(codes) == 2 + 2 + 8 + 3 + 5 + 3 + 2
    assert codes[:4] == [NEW, CARRIED_IN, "disclosed", "partial"] and codes[-2:] == [TOTAL, CARRIED_OUT]


def test_table_four_counts_the_year_filed_with_the_result_at_year_end(year_2025, unit_a):
    four = annual_figures(2025, unit_a.pk).table_four
    assert four.reconsideration.numbers == (1, 0, 0, 1, 2)  # corrected only in 2026: 尚未审结 at year end
    assert four.litigation_direct.numbers == (0, 0, 0, 1, 1)
    assert four.litigation_after_review.numbers == (0, 0, 1, 0, 1)
    assert len(four.numbers) == 15
    for figures in (four.reconsideration, four.litigation_direct, four.litigation_after_review):
        assert figures.total == figures.upheld + figures.corrected + figures.other + figures.pending
    assert four.date_unknown == 1  # filed on an unknown day: in no year, counted apart


def test_all_units_together_and_each_unit_in_two_queries(year_2025, unit_a, unit_b, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        county = annual_figures(2025)
    assert cells(county, NEW) == (3, 0, 1, 1, 1, 1)
    assert cells(county, "disclosed") == (2, 0, 0, 0, 0, 0)
    assert county.table_four.litigation_direct.numbers == (0, 1, 0, 1, 2)
    assert_cross_sums(county.table_three)
    with django_assert_max_num_queries(2):
        by_unit = annual_figures_by_unit(2025)
    assert set(by_unit) == {unit_a.pk, unit_b.pk}
    assert by_unit[unit_a.pk] == annual_figures(2025, unit_a.pk)
    assert cells(by_unit[unit_b.pk], "disclosed") == (1, 0, 0, 0, 0, 0)
    assert by_unit[unit_b.pk].table_four.litigation_direct.corrected == 1


def test_a_year_without_applications_is_all_zeros(unit_a):
    figures = annual_figures(2025, unit_a.pk)
    assert all(row.cells == (0,) * 6 for row in figures.table_three.rows)
    assert figures.table_four.numbers == (0,) * 15


def test_registered_for_the_annual_report(year_2025, unit_a):
    registered = provider("disclosure_requests")
    assert registered is not None and "表三" in registered.title
    assert registered.provider(2025, unit_a.pk) == annual_figures(2025, unit_a.pk)
