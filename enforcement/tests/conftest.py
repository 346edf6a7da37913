import pytest
import time_machine


@pytest.fixture(autouse=True)
def october_2025():
    """Most tests live in October 2025, around National Day and its make-up working days."""
    with time_machine.travel("2025-10-20 10:00 +0800", tick=False):
        yield
