"""Lockout per (account, address) at 5 failures; per address alone only at AXES_IP_FAILURE_LIMIT."""

import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from audit.models import AuditEvent

pytestmark = pytest.mark.django_db

RIGHT = "Right#Pass1"
ADDRESS_A, ADDRESS_B = "198.51.100.7", "203.0.113.9"
BASE_DIR = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    # Thirty failed logins each hash a password: a fast hasher keeps the test short.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def staff(django_user_model):
    return [django_user_model.objects.create_user(name, password=RIGHT, is_staff=True) for name in ("xiao", "yang")]


def login(address: str, username: str, password: str = RIGHT) -> int:
    """A fresh browser at ``address``; the status of the login POST (302 in, 200 refused, 429 locked)."""
    client = Client(REMOTE_ADDR=address)
    response = client.post(reverse("admin:login"), {"username": username, "password": password, "next": "/admin/"})
    return response.status_code


def test_five_failures_lock_that_account_on_that_address_only(staff):
    for _ in range(5):
        assert login(ADDRESS_A, "xiao", "wrong") in (200, 429)
    assert login(ADDRESS_A, "xiao") == 429
    assert login(ADDRESS_A, "yang") == 302  # a colleague behind the same NAT
    assert login(ADDRESS_B, "xiao") == 302  # the same person from elsewhere
    assert AuditEvent.objects.filter(event="lockout", username="xiao").exists()


def test_many_usernames_from_one_address_lock_the_address(settings, staff):
    assert settings.AXES_IP_FAILURE_LIMIT == 30
    for _ in range(29):
        assert login(ADDRESS_A, f"guess-{uuid.uuid4().hex[:8]}", "wrong") == 200
    assert login(ADDRESS_A, "xiao") == 302  # 29 failures: the address is not locked yet
    assert login(ADDRESS_A, "nobody", "wrong") in (200, 429)  # the 30th
    assert login(ADDRESS_A, "yang") == 429
    assert login(ADDRESS_A, "xiao") == 429  # a success earlier does not clear the address's count
    assert login(ADDRESS_B, "yang") == 302


def settings_value(**env: str) -> subprocess.CompletedProcess:
    code = "import django; from django.conf import settings; django.setup(); print(settings.AXES_IP_FAILURE_LIMIT)"
    clean = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "lushan_portal.settings"}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env={**clean, **env}, capture_output=True, text=True, timeout=60
    )


def test_the_address_limit_comes_from_the_environment():
    assert settings_value(AXES_IP_FAILURE_LIMIT="50").stdout.strip() == "50"
    refused = settings_value(AXES_IP_FAILURE_LIMIT="3")
    assert refused.returncode != 0 and "AXES_IP_FAILURE_LIMIT" in refused.stderr
