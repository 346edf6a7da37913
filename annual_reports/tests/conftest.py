"""Fixtures: the openness office under the county government, fake table 二 providers (registered
for the test and removed after), and hand-counted applications of 2025 for the real provider."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
import time_machine

from lushan_portal import annual_figures
from organizations.models import Role, Unit, UnitKind
from organizations.services import membership_grant

d = date.fromisoformat


@pytest.fixture(autouse=True)
def february_2026():
    with time_machine.travel("2026-02-10 10:00 +0800", tick=False):
        yield


@pytest.fixture
def county(db) -> Unit:
    return Unit.objects.create(code="lushan", name="鲁山县人民政府", kind=UnitKind.COUNTY_GOVERNMENT)


@pytest.fixture
def office(county) -> Unit:
    return Unit.objects.create(
        code="gov-office", name="鲁山县人民政府办公室", kind=UnitKind.COUNTY_DEPARTMENT, parent=county
    )


@pytest.fixture
def office_editor(django_user_model, office):
    user = django_user_model.objects.create_user("office-editor")
    membership_grant(user=user, unit=office, role=Role.EDITOR)
    return user


@pytest.fixture
def office_reviewer(django_user_model, office):
    user = django_user_model.objects.create_user("office-reviewer")
    membership_grant(user=user, unit=office, role=Role.REVIEWER)
    return user


@dataclass(frozen=True)
class Counts:
    issued: int
    repealed: int
    in_force: int


@dataclass(frozen=True)
class Normative:
    regulations: Counts | None
    normative_documents: Counts | None


@dataclass(frozen=True)
class Enforcement:
    licensing: int | None
    penalty: int | None
    coercion: int | None


# Per unit code, hand-written: what the library and enforcement would count for 2025.
NORMATIVE = {"civil-affairs": Counts(3, 1, 12), "education": Counts(2, 0, 7)}
ENFORCEMENT = {"civil-affairs": Enforcement(4, 9, 1), "education": Enforcement(0, 2, 0)}


@pytest.fixture
def table_two(unit_a, unit_b):
    """Fake providers of table 二, for 2025 only; the county is the sum of the units."""
    codes = {unit.pk: unit.code for unit in (unit_a, unit_b)}
    calls = []

    def normative(year: int, unit_id: int | None) -> Normative:
        calls.append(("normative", year, unit_id))
        if year != 2025 or (unit_id is not None and unit_id not in codes):
            return Normative(None, Counts(0, 0, 0))
        chosen = [NORMATIVE[codes[unit_id]]] if unit_id else list(NORMATIVE.values())
        return Normative(
            None, Counts(*(sum(getattr(c, f) for c in chosen) for f in ("issued", "repealed", "in_force")))
        )

    def enforcement(year: int, unit_id: int | None) -> Enforcement:
        calls.append(("enforcement", year, unit_id))
        if year != 2025 or (unit_id is not None and unit_id not in codes):
            return Enforcement(0, 0, 0)
        chosen = [ENFORCEMENT[codes[unit_id]]] if unit_id else list(ENFORCEMENT.values())
        return Enforcement(*(sum(getattr(c, f) for c in chosen) for f in ("licensing", "penalty", "coercion")))

    real = {code: annual_figures.provider(code) for code in ("table2.normative", "table2.enforcement")}
    annual_figures.register_provider("table2.normative", "规范性文件", normative)
    annual_figures.register_provider("table2.enforcement", "执法决定", enforcement)
    yield calls
    for code, registered in real.items():  # the apps' own providers back, for the tests after these
        annual_figures.unregister_provider(code)
        if registered is not None:
            annual_figures.register_provider(code, registered.title, registered.provider, by_unit=registered.by_unit)


@pytest.fixture
def requests_2025(unit_a, unit_b):
    """Applications and reviews of unit_a in 2025, hand-counted (the comment: where each counts)."""
    from disclosure_requests.models import Fee, ReviewKind, ReviewOutcome
    from disclosure_requests.tests.records import review, stored

    apps = [
        stored(unit_a, d("2024-12-20"), closed=d("2025-01-10")),  # 二 and （一）, 自然人
        stored(unit_a, d("2024-11-01"), column="commercial"),  # 二 and 四, 商业企业
        stored(unit_a, d("2025-03-01"), closed=d("2025-03-20"), kind="partial"),  # 一 and （二）, 自然人
        stored(unit_a, d("2025-05-05"), column="research", closed=d("2025-06-01"), kind="refused",
               reason="state_secret"),  # 一 and （三）1, 科研机构
        stored(unit_a, d("2025-12-20"), column="legal_service"),  # 一 and 四, 法律服务机构
        stored(unit_a, d("2025-08-01"), column="other", closed=d("2025-08-02"), kind="other",
               reason="fee_not_paid"),  # 一 and （六）2, 其他
        stored(unit_b, d("2025-04-01"), closed=d("2025-04-10")),  # unit_b: 一 and （一）
    ]  # fmt: skip
    review(apps[0], ReviewKind.RECONSIDERATION, d("2025-02-01"), ReviewOutcome.UPHELD, d("2025-04-01"))
    review(apps[2], ReviewKind.LITIGATION_DIRECT, d("2025-07-01"), ReviewOutcome.PENDING)
    Fee.objects.create(application=apps[2], notice_on=d("2025-08-02"), amount=Decimal("120.50"),
                       due_on=d("2025-09-01"), paid_on=d("2025-08-20"))  # fmt: skip
    return apps


@pytest.fixture
def no_table_two(monkeypatch):
    """The apps that give table 二 are not installed: their cells read 未提供."""
    kept = {code: p for code, p in annual_figures._providers.items() if not code.startswith("table2.")}
    monkeypatch.setattr(annual_figures, "_providers", kept)
