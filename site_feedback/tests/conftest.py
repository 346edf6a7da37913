import uuid

import pytest

from conftest import make_unit, make_user
from organizations.models import Role, Unit
from organizations.services import membership_grant


@pytest.fixture
def client(client):
    """Each test posts from its own address: the rate limit lives in the shared cache (Redis in
    CI), which outlives the test database, so addresses must differ between runs too."""
    client.defaults["REMOTE_ADDR"] = f"2001:db8::{uuid.uuid4().hex[:4]}:{uuid.uuid4().hex[:4]}"
    return client


@pytest.fixture
def office(db) -> Unit:
    """The openness office (OPENNESS_OFFICE_UNIT_CODE, gov-office by default)."""
    return make_unit("gov-office", "鲁山县人民政府办公室")


@pytest.fixture
def office_editor(django_user_model, office):
    user = make_user(django_user_model, "office-editor", is_staff=True)
    membership_grant(user=user, unit=office, role=Role.EDITOR)
    return user
