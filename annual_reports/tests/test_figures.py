"""Every cell of tables 二–四 against hand-counted fixtures (fake table 二 providers, the real
disclosure_requests provider), 未提供 and 不适用 never shown as 0, and a bounded number of queries."""

import pytest

from annual_reports.figures import compute, compute_many, t2_codes, t4_codes
from lushan_portal import annual_figures

pytestmark = pytest.mark.django_db

COLUMNS = ("0", "1", "2", "3", "4", "5", "total")


def row(snapshot, code):
    return tuple(snapshot.cells[f"t3.{code}.{column}"] for column in COLUMNS)


def test_table_two_of_a_unit_and_of_the_county(table_two, requests_2025, unit_a):
    unit = compute(2025, unit_a.pk)
    assert {code: unit.cells.get(code) for code in t2_codes()} == {
        "t2.regulations.issued": None,
        "t2.regulations.repealed": None,
        "t2.regulations.in_force": None,
        "t2.normative_documents.issued": 3,
        "t2.normative_documents.repealed": 1,
        "t2.normative_documents.in_force": 12,
        "t2.licensing": 4,
        "t2.penalty": 9,
        "t2.coercion": 1,
    }
    # 规章: the county has no rule-making power; the provider says None, shown 不适用, not 0.
    assert unit.not_applicable == ["t2.regulations.issued", "t2.regulations.repealed", "t2.regulations.in_force"]
    county = compute(2025, None)
    assert county.cells["t2.normative_documents.issued"] == 5
    assert county.cells["t2.normative_documents.in_force"] == 19
    assert (county.cells["t2.licensing"], county.cells["t2.penalty"], county.cells["t2.coercion"]) == (4, 11, 1)


def test_table_three_and_four_of_a_unit_match_the_hand_count(table_two, requests_2025, unit_a):
    figures = compute(2025, unit_a.pk)
    assert row(figures, "new") == (1, 0, 1, 0, 1, 1, 4)
    assert row(figures, "carried_in") == (1, 1, 0, 0, 0, 0, 2)
    assert row(figures, "disclosed") == (1, 0, 0, 0, 0, 0, 1)
    assert row(figures, "partial") == (1, 0, 0, 0, 0, 0, 1)
    assert row(figures, "refused.state_secret") == (0, 0, 1, 0, 0, 0, 1)
    assert row(figures, "other.fee_not_paid") == (0, 0, 0, 0, 0, 1, 1)
    assert row(figures, "total") == (2, 0, 1, 0, 0, 1, 4)
    assert row(figures, "carried_out") == (0, 1, 0, 0, 1, 0, 2)
    others = [code for code, _label in figures.t3_rows if code not in
              {"new", "carried_in", "disclosed", "partial", "refused.state_secret", "other.fee_not_paid", "total",
               "carried_out"}]  # fmt: skip
    assert len(others) == 21 - 4
    assert all(row(figures, code) == (0,) * 7 for code in others)
    four = {code: figures.cells[code] for code in t4_codes()}
    assert four["t4.reconsideration.upheld"] == 1 and four["t4.reconsideration.total"] == 1
    assert four["t4.litigation_direct.pending"] == 1 and four["t4.litigation_direct.total"] == 1
    assert sum(four.values()) == 4
    assert figures.fees == {"amount": "120.50", "count": 1}


def test_the_county_sums_every_unit(table_two, requests_2025):
    county = compute(2025, None)
    assert row(county, "new") == (2, 0, 1, 0, 1, 1, 5)
    assert row(county, "disclosed") == (2, 0, 0, 0, 0, 0, 2)
    assert row(county, "carried_out") == (0, 1, 0, 0, 1, 0, 2)


def test_a_code_without_provider_is_unavailable_never_zero(requests_2025, unit_a, no_table_two):
    figures = compute(2025, unit_a.pk)
    assert set(figures.unavailable) == set(t2_codes())
    assert not any(code.startswith("t2.") for code in figures.cells)


def test_without_the_requests_provider_tables_three_and_four_are_unavailable(unit_a, monkeypatch):
    monkeypatch.setattr(annual_figures, "_providers", {})
    figures = compute(2025, unit_a.pk)
    assert "t3.new.0" in figures.unavailable and "t4.reconsideration.total" in figures.unavailable
    assert figures.fees is None and figures.cells == {}


def test_all_units_of_a_year_in_a_fixed_number_of_queries(table_two, requests_2025, unit_a, unit_b,
                                                          django_assert_max_num_queries):  # fmt: skip
    from conftest import make_unit

    units = [unit_a.pk, unit_b.pk] + [make_unit(f"u{n}", f"单位{n}").pk for n in range(10)]
    # tables 三/四 (2 + 2 for a unit with nothing), fees (1 + 1); the fake providers are per unit, no query
    with django_assert_max_num_queries(6):
        many = compute_many(2025, units)
    assert many[unit_a.pk].cells == compute(2025, unit_a.pk).cells
    assert row(many[units[-1]], "new") == (0,) * 7
