"""A unit is found by its credit code, full name, short name or a recorded former name."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from organizations.models import Unit, UnitKind
from organizations.selectors import unit_match
from organizations.validators import ERROR_CREDIT_CODE, ERROR_CREDIT_CODE_TAKEN, credit_code_check_char

pytestmark = pytest.mark.django_db

CODE = "11410423MB1234567" + credit_code_check_char("11410423MB1234567")


@pytest.fixture
def market(db) -> Unit:
    return Unit.objects.create(
        code="market-regulation",
        name="鲁山县市场监督管理局",
        short_name="县市场监管局",
        credit_code=CODE,
        aliases="鲁山县工商行政管理局\n\n 鲁山县食品药品监督管理局（旧） \n",
        kind=UnitKind.COUNTY_DEPARTMENT,
    )


@pytest.mark.parametrize(
    "text",
    [CODE, CODE.lower(), "鲁山县市场监督管理局", " 鲁山县 市场监督管理局\n", "县市场监管局", "鲁山县工商行政管理局",
     "鲁山县食品药品监督管理局(旧)"],
)  # fmt: skip
def test_code_full_name_short_name_and_alias_find_the_unit(market, text):
    assert unit_match(text) == market


def test_an_unknown_or_shared_name_finds_no_unit(market):
    assert unit_match("鲁山县市场局") is None
    assert unit_match(CODE[:17] + "0" if CODE[17] != "0" else CODE[:17] + "1") is None
    Unit.objects.create(code="other", name="另一个局", aliases="县市场监管局", kind=UnitKind.OTHER)
    assert unit_match("县市场监管局") is None  # two units answer to it: neither is chosen
    assert unit_match(CODE) == market


def test_a_credit_code_is_checked_normalised_and_unique(market):
    bad = CODE[:17] + ("0" if CODE[17] != "0" else "1")
    unit = Unit(code="x", name="某局", kind=UnitKind.OTHER, credit_code=bad)
    with pytest.raises(ValidationError) as refused:
        unit.full_clean()
    assert refused.value.message_dict["credit_code"] == [ERROR_CREDIT_CODE % {"code": bad}]
    unit.credit_code = CODE.lower()
    with pytest.raises(ValidationError) as taken:
        unit.full_clean()  # the same code as the market bureau, once in upper case
    assert taken.value.messages == [ERROR_CREDIT_CODE_TAKEN]
    with transaction.atomic(), pytest.raises(IntegrityError):
        Unit.objects.create(code="y", name="某局", kind=UnitKind.OTHER, credit_code=CODE)
    Unit.objects.create(code="z1", name="甲", kind=UnitKind.OTHER)
    Unit.objects.create(code="z2", name="乙", kind=UnitKind.OTHER)  # many units without a code are fine
