"""Table 二, 第二十条第（一）项: 行政规范性文件 issued, repealed and in force, hand-counted, with
documents repealed in a later year and unknown dates counted apart; 规章 not applicable; and the
library's entries in the 政府信息公开 column."""

from datetime import date

import pytest

from interpretation.annual import CODE, REGULATIONS_NOTE
from interpretation.services import document_set_validity, record_withdraw
from interpretation.tests.factories import published_document
from lushan_portal import annual_figures, disclosure_index

pytestmark = pytest.mark.django_db


def figures(year, unit_id):
    return annual_figures.provider(CODE).provider(year, unit_id)


def end(document, validity, changed_on, editor):
    return document_set_validity(
        document=document, validity=validity, changed_on=changed_on, changed_by_title="鲁政〔2025〕1号", reason="清理",
        by=editor,
    )  # fmt: skip


@pytest.fixture
def library(unit_a, unit_b, editor_a):
    """unit_a's normative documents (成文日期 → fate):
    A 2023-05-01 in force · B 2024-01-01 repealed 2024-12-31 · C 2024-06-01 repealed 2025-03-01 (a later year)
    D 2024-07-01 amended 2025-01-05 · E 2024-12-31 expired on an unknown date · F 2025-01-01 in force
    G 2025-10-20 repealed the same day · H 成文日期 unknown, in force
    plus, not counted: an 其他 document, a withdrawn one, and unit_b's document of 2024."""
    doc = {}
    for key, signed in [("A", date(2023, 5, 1)), ("B", date(2024, 1, 1)), ("C", date(2024, 6, 1)),
                        ("D", date(2024, 7, 1)), ("E", date(2024, 12, 31)), ("F", date(2025, 1, 1)),
                        ("G", date(2025, 10, 20)), ("H", None)]:  # fmt: skip
        doc[key] = published_document(unit_a, number=f"{key}号", published_on=signed, signed_on=signed)
    end(doc["B"], "repealed", date(2024, 12, 31), editor_a)
    end(doc["C"], "repealed", date(2025, 3, 1), editor_a)
    end(doc["D"], "amended", date(2025, 1, 5), editor_a)
    end(doc["E"], "expired", None, editor_a)
    end(doc["G"], "repealed", date(2025, 10, 20), editor_a)
    published_document(unit_a, number="其他1号", published_on=date(2025, 2, 1), kind="other")
    record_withdraw(record=published_document(unit_a, number="撤1号", published_on=date(2025, 2, 1)), reason="错录")
    published_document(unit_b, number="教1号", published_on=date(2024, 3, 1))
    return doc


def test_2024_of_one_unit(library, unit_a, django_assert_num_queries):
    with django_assert_num_queries(1):
        f = figures(2024, unit_a.pk)
    assert (f.issued, f.repealed, f.of_which_expired) == (4, 1, 0)  # B C D E issued; B repealed
    # In force at 2024-12-31: A, C (repealed only in 2025), D. B ended; E expired on an unknown date.
    assert f.in_force == 3
    assert (f.issued_unknown, f.repealed_unknown, f.in_force_unknown) == (1, 1, 2)  # H; E; E and H


def test_2025_of_one_unit(library, unit_a):
    f = figures(2025, unit_a.pk)
    assert (f.issued, f.repealed, f.of_which_expired) == (2, 2, 0)  # F G; C G
    assert f.in_force == 3  # A, D (amended: in force as amended), F
    assert (f.issued_unknown, f.repealed_unknown, f.in_force_unknown) == (1, 1, 2)


def test_every_unit_together_and_a_year_before_anything(library, unit_a):
    assert figures(2024, None).issued == 5 and figures(2024, None).in_force == 4
    empty = figures(2022, unit_a.pk)
    assert (empty.issued, empty.repealed, empty.in_force) == (0, 0, 0)
    assert empty.in_force_unknown == 1  # H: its date is not known, so neither is whether it existed


def test_an_expiry_of_known_date_counts_as_ended(unit_a, editor_a):
    document = published_document(unit_a, published_on=date(2020, 1, 1))
    document_set_validity(
        document=document, validity="expired", changed_on=date(2025, 1, 1), reason="届满", by=editor_a
    )
    f = figures(2025, unit_a.pk)
    assert (f.repealed, f.of_which_expired, f.in_force) == (1, 1, 0)
    assert figures(2024, unit_a.pk).in_force == 1


def test_the_county_makes_no_regulations(unit_a):
    f = figures(2025, unit_a.pk)
    assert f.regulations is None and f.regulations_note == REGULATIONS_NOTE and "不适用" in REGULATIONS_NOTE


def test_the_art_20_index_links_normative_documents(client, library, unit_a, django_assert_max_num_queries):
    (normative,) = [c for c in disclosure_index.contributions("20-1") if str(c.title) == "行政规范性文件"]
    assert normative.url(unit_a.code) == "/policies/?kind=normative&unit=civil-affairs"
    with django_assert_max_num_queries(1):
        assert normative.count(unit_a.pk) == 8
    assert normative.count(None) == 9
    assert "A号" in client.get(normative.url(unit_a.code)).content.decode()


def test_the_disclosure_rules_are_the_units_flagged_documents(unit_a, unit_b):
    rule = published_document(unit_a, number="鲁民〔2024〕3号", kind="other", is_disclosure_rule=True)
    published_document(unit_a, number="鲁民〔2024〕4号", kind="other")
    published_document(unit_b, number="鲁教〔2024〕5号", kind="other", is_disclosure_rule=True)
    mine = disclosure_index.rule_documents(unit_a.pk)
    assert [(d.number, d.url) for d in mine] == [("鲁民〔2024〕3号", rule.get_absolute_url())]
    assert len(disclosure_index.rule_documents(None)) == 2


def test_every_units_figures_at_once_match_each_units_own(library, unit_a, unit_b, django_assert_num_queries):
    for year in (2024, 2025):
        with django_assert_num_queries(1):
            every = annual_figures.provider(CODE).by_unit(year)
        for unit in (unit_a, unit_b):
            if unit.pk in every:
                assert every[unit.pk] == figures(year, unit.pk)
            else:
                assert figures(year, unit.pk).in_force == 0
    assert unit_a.pk in every
