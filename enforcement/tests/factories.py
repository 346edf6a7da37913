from datetime import date
from decimal import Decimal
from itertools import count

from enforcement.demo import credit_code, id_number
from enforcement.models import Decision, DecisionKind, PartyCategory
from enforcement.services import decision_publish, decision_save
from organizations.models import Unit
from publication_review.testing import reviewed

_numbers = count(1)

PLANTED_NAME = "欧阳锋华"
PLANTED_ID = id_number("41042319870315201")
PLANTED_PHONE = "13937512345"
PLANTED_ADDRESS = "鲁山县琴台街道向阳路99号"


def make_decision(unit: Unit, *, publish: bool = False, **fields: object) -> Decision:
    values = {
        "kind": DecisionKind.PENALTY,
        "decision_number": f"鲁测罚〔2025〕{next(_numbers)}号",
        "decision_date": date(2025, 9, 26),
        "party_name": "鲁山县测试商贸有限公司",
        "party_category": PartyCategory.LEGAL_PERSON,
        "credit_code": credit_code("91410423MA44X1234"),
        "penalty_categories": "罚款",
        "penalty_content": "罚款人民币1000元。",
        "fine_amount": Decimal("0.1"),
        **fields,
    }
    decision = decision_save(decision=Decision(unit=unit, **values))
    return decision_publish(decision=reviewed(decision)) if publish else decision


def make_natural_person_decision(unit: Unit, **fields: object) -> Decision:
    """A penalty on a natural person with personal data planted in every field that could leak it."""
    values = {
        "party_name": PLANTED_NAME,
        "party_category": PartyCategory.NATURAL_PERSON,
        "credit_code": "",
        "id_type": "身份证",
        "id_number": PLANTED_ID,
        "party_address": PLANTED_ADDRESS,
        "party_phone": PLANTED_PHONE,
        "violation_type": "扰乱公共秩序",
        "violation_facts": f"{PLANTED_NAME}（身份证号{PLANTED_ID}，电话{PLANTED_PHONE}）在车站喧哗。",
        "penalty_content": f"对{PLANTED_NAME}罚款人民币200元。",
    }
    return make_decision(unit, **{**values, **fields})
