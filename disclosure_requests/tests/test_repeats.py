"""Repeated applications are suggested to staff (same applicant however the ID is typed, much the
same request), never decided automatically; another applicant or another unit is not suggested."""

from datetime import date

import pytest

from disclosure_requests import rules
from disclosure_requests.models import IdType, Status
from disclosure_requests.repeats import normalise_identity, repeat_suggestions
from disclosure_requests.tests.factories import register, valid_id_number

pytestmark = pytest.mark.django_db
FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
ASKED = "2025年本乡镇城乡低保资金发放明细（本村部分）"


def apply(unit, by, day: int, **extra: object):
    return register(unit, by, arrived_on=date(2025, 11, day), **extra).application


def test_the_same_person_typing_the_id_in_full_width_digits_is_suggested(unit_a, editor_a):
    first = apply(unit_a, editor_a, 3, description=ASKED)
    again = apply(
        unit_a,
        editor_a,
        17,
        description="2025年 本乡镇城乡低保资金发放明细",
        id_number=valid_id_number().translate(FULL_WIDTH),
    )
    assert again.id_number == first.id_number  # stored in one spelling
    [suggestion] = repeat_suggestions(again)
    assert suggestion.application == first and suggestion.percent >= rules.REPEAT_SIMILARITY * 100
    again.refresh_from_db()
    assert again.status == Status.PROCESSING and again.is_open  # suggested, nothing decided


def test_a_passport_number_in_other_case_and_spacing_is_the_same_applicant(unit_a, editor_a):
    first = apply(unit_a, editor_a, 3, id_type=IdType.PASSPORT, id_number="e1234 5678", description=ASKED)
    again = apply(unit_a, editor_a, 17, id_type=IdType.PASSPORT, id_number="Ｅ12345678", description=ASKED)
    assert [s.application for s in repeat_suggestions(again)] == [first]


def test_another_person_asking_the_same_is_not_suggested(unit_a, editor_a):
    apply(unit_a, editor_a, 3, description=ASKED, name="李建国", id_number=valid_id_number("41042319850505001"))
    again = apply(unit_a, editor_a, 17, description=ASKED)
    assert repeat_suggestions(again) == []


def test_the_same_person_asking_something_else_is_not_suggested(unit_a, editor_a):
    apply(unit_a, editor_a, 3, description="县城2024年道路改造工程招标文件和中标结果")
    again = apply(unit_a, editor_a, 17, description=ASKED)
    assert repeat_suggestions(again) == []


def test_an_application_to_another_unit_is_not_suggested(unit_a, unit_b, editor_a, editor_b):
    apply(unit_b, editor_b, 3, description=ASKED)
    again = apply(unit_a, editor_a, 17, description=ASKED)
    assert repeat_suggestions(again) == []


def test_suggestions_cost_one_bounded_query(unit_a, editor_a, django_assert_num_queries):
    for day in range(3, 8):
        apply(unit_a, editor_a, day, description=ASKED)
    again = apply(unit_a, editor_a, 17, description=ASKED)
    with django_assert_num_queries(1):
        assert len(repeat_suggestions(again)) == 5


def test_identity_normalisation_folds_width_case_and_spaces():
    assert normalise_identity(" ４１０４２３ １９９００１０１１２３ｘ ") == "41042319900101123X"


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [("abcd", "abcd", 1.0), ("abcd", "abxy", 1 / 5), ("", "abcd", 0.0), ("a", "a", 1.0)],
)
def test_text_similarity_is_the_bigram_jaccard_index(first, second, expected):
    assert rules.text_similarity(first, second) == pytest.approx(expected)


def test_the_repeat_threshold_counts_at_its_edge():
    assert rules.is_probable_repeat(rules.REPEAT_SIMILARITY)
    assert not rules.is_probable_repeat(rules.REPEAT_SIMILARITY - 0.001)
