import pytest

from conftest import make_unit, make_user
from disclosure_requests.tests.factories import client_address
from organizations.models import Role, Unit
from organizations.services import membership_grant


@pytest.fixture
def client(client):
    """Each test posts from its own address: the rate limits live in the shared cache (Redis in
    CI), which outlives the test database."""
    client.defaults["REMOTE_ADDR"] = client_address()
    return client


@pytest.fixture
def counter(db) -> Unit:
    """The county service centre (DISCLOSURE_COUNTER_UNIT_CODES: approval-service by default)."""
    return make_unit("approval-service", "鲁山县行政审批服务中心")


@pytest.fixture
def counter_clerk(django_user_model, counter):
    user = make_user(django_user_model, "counter-clerk", is_staff=True)
    membership_grant(user=user, unit=counter, role=Role.EDITOR)
    return user


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploads of these tests go to a temporary MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
