from datetime import date

from decisions.models import MajorDecision
from decisions.services import decision_save
from organizations.models import Unit


def consultation(unit: Unit, *, opens_on: date = date(2025, 10, 1), closes_on: date = date(2025, 10, 30), **fields):
    values = {
        "title": "鲁山县老旧小区改造方案",
        "year": 2025,
        "draft_text": "草案",
        "explanation": "说明",
        "basis": "依据",
    }
    return decision_save(
        decision=MajorDecision(unit=unit, opens_on=opens_on, closes_on=closes_on, **{**values, **fields})
    )
