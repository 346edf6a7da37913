import pytest
import time_machine


@pytest.fixture(autouse=True)
def october_2025():
    with time_machine.travel("2025-10-20 10:00 +0800", tick=False):
        yield
