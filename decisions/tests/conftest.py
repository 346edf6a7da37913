import uuid

import pytest
import time_machine


@pytest.fixture(autouse=True)
def october_2025():
    with time_machine.travel("2025-10-20 10:00 +0800", tick=False):
        yield


@pytest.fixture
def client(client):
    """Each test posts from its own address: the rate limit lives in the shared cache (Redis in
    CI), which outlives the test database, so addresses must differ between runs too."""
    client.defaults["REMOTE_ADDR"] = f"2001:db8::{uuid.uuid4().hex[:4]}:{uuid.uuid4().hex[:4]}"
    return client
