import itertools

import pytest
import time_machine

_addresses = itertools.count(1)


@pytest.fixture(autouse=True)
def october_2025():
    with time_machine.travel("2025-10-20 10:00 +0800", tick=False):
        yield


@pytest.fixture
def client(client):
    """Each test posts from its own address: the rate limit lives in the shared cache (Redis in CI)."""
    n = next(_addresses)
    client.defaults["REMOTE_ADDR"] = f"198.51.{n // 250}.{n % 250 + 1}"
    return client
