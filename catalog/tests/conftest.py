import pytest
import time_machine

from organizations.models import Role, Unit, UnitKind
from organizations.services import membership_grant


@pytest.fixture(autouse=True)
def october_2025():
    with time_machine.travel("2025-10-20 10:00 +0800", tick=False):
        yield


@pytest.fixture
def township(db) -> Unit:
    return Unit.objects.create(code="xiatang", name="鲁山县下汤镇人民政府", short_name="下汤镇", kind=UnitKind.TOWNSHIP)


@pytest.fixture
def lead_reviewer(django_user_model, unit_a):
    """A reviewer of 县民政局, the lead department of 社会救助 (unit_a is civil-affairs)."""
    from catalog.seed import seed_domains

    seed_domains()
    user = django_user_model.objects.create_user("lead-reviewer")
    membership_grant(user=user, unit=unit_a, role=Role.REVIEWER)
    return user


@pytest.fixture
def township_editor(django_user_model, township):
    user = django_user_model.objects.create_user("xiatang-editor")
    membership_grant(user=user, unit=township, role=Role.EDITOR)
    return user
