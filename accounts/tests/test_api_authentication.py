"""The API: session only (no HTTP Basic), held to the same second-factor rule as the admin;
and the 2FA page never redirects off the site."""

from base64 import b64encode
from datetime import date
from urllib.parse import urlencode

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.middleware import API_TWO_FACTOR_REQUIRED
from compliance.models import Alert
from organizations.models import Unit

pytestmark = pytest.mark.django_db

PASSWORD = "pw-Test-2026"  # conftest's make_user


def raise_alert(unit: Unit) -> Alert:
    return Alert.objects.create(
        rule_code="test.rule",
        unit=unit,
        content_type=ContentType.objects.get_for_model(Unit),
        object_id=unit.pk,
        due_date=date(2026, 1, 5),
        raised_at=timezone.now(),
    )


def basic(username: str) -> str:
    return "Basic " + b64encode(f"{username}:{PASSWORD}".encode()).decode()


@pytest.mark.parametrize("persona", ["supervisor", "editor_a"])
def test_http_basic_gets_no_data(request, persona, unit_a):
    user = request.getfixturevalue(persona)
    raise_alert(unit_a)
    response = Client().get("/api/alerts/", HTTP_AUTHORIZATION=basic(user.username))
    assert response.status_code in (401, 403)
    assert "results" not in response.json()


def test_a_supervisor_without_the_second_factor_gets_403_on_the_api(supervisor, unit_a):
    raise_alert(unit_a)
    session = Client()
    session.force_login(supervisor)  # password only
    for url in ("/api/alerts/", "/api/policies/"):
        response = session.get(url)
        assert response.status_code == 403, url
        assert response.json() == {"detail": API_TWO_FACTOR_REQUIRED}


def test_a_verified_supervisor_and_an_editor_use_the_api(client, supervisor, editor_a, unit_a):
    raise_alert(unit_a)
    client.force_login(supervisor)  # conftest's client completes the second factor
    assert client.get("/api/alerts/").json()["count"] == 1
    editors = Client()
    editors.force_login(editor_a)  # editors need no second factor
    assert editors.get("/api/alerts/").json()["count"] == 1


def test_pages_still_redirect_to_the_second_factor_keeping_the_whole_path(supervisor):
    session = Client()
    session.force_login(supervisor)
    response = session.get("/dashboard/?period=2025&unit=1")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:two_factor") + "?next=%2Fdashboard%2F%3Fperiod%3D2025%26unit%3D1"


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("https://evil.example/", "/admin/"),
        ("//evil.example", "/admin/"),
        ("/\\evil.example", "/admin/"),
        ("javascript:alert(1)", "/admin/"),
        ("/dashboard/?period=2025", "/dashboard/?period=2025"),
    ],
)
def test_the_second_factor_page_redirects_only_within_the_site(supervisor, target, expected):
    device = TOTPDevice.objects.create(user=supervisor, name="手机", confirmed=True)
    session = Client()
    session.force_login(supervisor)
    url = reverse("accounts:two_factor")
    response = session.post(f"{url}?{urlencode({'next': target})}", {"token": f"{totp(device.bin_key):06d}"})
    assert response.status_code == 302
    assert response["Location"] == expected
