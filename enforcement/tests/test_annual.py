"""Table 二, Art 20 (五) and (六): decisions of the year by kind, hand-counted; and the Art 20 index."""

from datetime import date

import pytest

from enforcement.annual import CODE, EnforcementFigures
from enforcement.models import DecisionKind
from enforcement.tests.factories import make_decision
from lushan_portal import annual_figures, disclosure_index

pytestmark = pytest.mark.django_db

COERCION = {"kind": DecisionKind.COERCION, "penalty_categories": "", "coercion_categories": "扣押财物"}
LICENCE = {"kind": DecisionKind.LICENCE, "penalty_categories": "", "licence_category": "ordinary"}


@pytest.fixture
def decisions(unit_a, unit_b):
    # unit_a in 2025: 2 penalties (one still a draft, one a minor's), 1 licence, 1 coercion on 31 December.
    make_decision(unit_a, decision_date=date(2025, 1, 1), publish=True)
    make_decision(unit_a, decision_date=date(2025, 6, 30), party_is_minor=True)
    make_decision(unit_a, decision_date=date(2025, 3, 3), publish=True, **LICENCE)
    make_decision(unit_a, decision_date=date(2024, 12, 31), publish=True, **COERCION)  # last year
    with_time = make_decision(unit_b, decision_date=date(2025, 10, 9), publish=True, **COERCION)
    make_decision(unit_b, decision_date=date(2024, 12, 31), publish=True)  # last year
    return with_time


def figures(year, unit_id):
    return annual_figures.provider(CODE).provider(year, unit_id)


def test_a_units_decisions_of_the_year_by_kind(decisions, unit_a, unit_b, django_assert_num_queries):
    with django_assert_num_queries(1):
        mine = figures(2025, unit_a.pk)
    assert mine == EnforcementFigures(year=2025, unit_id=unit_a.pk, licensing=1, penalty=2, coercion=0)
    assert (figures(2024, unit_a.pk).coercion, figures(2024, unit_b.pk).penalty) == (1, 1)
    assert figures(2025, unit_b.pk).coercion == 1


def test_every_unit_together(decisions, django_assert_num_queries):
    with django_assert_num_queries(1):
        everyone = figures(2025, None)
    assert (everyone.licensing, everyone.penalty, everyone.coercion) == (1, 2, 1)
    assert figures(2023, None) == EnforcementFigures(2023, None, 0, 0, 0)


def test_the_art_20_index_links_each_kinds_public_list(client, decisions, unit_b, django_assert_max_num_queries):
    by_title = {str(c.title): c for c in disclosure_index.contributions()}
    licences, penalties, coercions = (by_title[t] for t in ("行政许可决定", "行政处罚决定", "行政强制决定"))
    assert (licences.category, penalties.category, coercions.category) == ("20-5", "20-6", "20-6")
    assert coercions.url(unit_b.code) == "/enforcement/?kind=coercion&unit=education"
    assert penalties.url(None) == "/enforcement/?kind=penalty"
    with django_assert_max_num_queries(1):
        assert coercions.count(unit_b.pk) == 1
    assert penalties.count(None) == 2  # the minor's and the draft are not public
    assert "行政强制：" in client.get(coercions.url(unit_b.code)).content.decode()


def test_every_units_figures_at_once_match_each_units_own(decisions, unit_a, unit_b, django_assert_num_queries):
    with django_assert_num_queries(1):
        every = annual_figures.provider(CODE).by_unit(2025)
    assert every == {unit_a.pk: figures(2025, unit_a.pk), unit_b.pk: figures(2025, unit_b.pk)}
