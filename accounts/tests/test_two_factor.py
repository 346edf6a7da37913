"""TOTP for supervisors, reviewers and administrators: enrolment with a QR code, codes, recovery codes."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


@pytest.fixture
def plain_client() -> Client:
    """A client that logs in with the password only, as a person does before the second factor."""
    return Client()


def test_a_supervisor_must_enrol_and_then_gets_in(plain_client, supervisor):
    plain_client.force_login(supervisor)
    blocked = plain_client.get(reverse("compliance:dashboard"))
    assert blocked.status_code == 302 and blocked["Location"].startswith(reverse("accounts:two_factor"))
    page = plain_client.get(reverse("accounts:two_factor")).content.decode()
    assert "<svg" in page and "扫描下方二维码" in page
    device = TOTPDevice.objects.get(user=supervisor, confirmed=False)
    wrong = plain_client.post(reverse("accounts:two_factor"), {"token": "000000"})
    assert "验证码不正确" in wrong.content.decode()
    # django-otp slows down guessing after a failure: the next try comes a few seconds later.
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):
        done = plain_client.post(reverse("accounts:two_factor"), {"token": f"{totp(device.bin_key):06d}"})
    codes = re.findall(r"<code>(\d{8})</code>", done.content.decode())
    assert len(codes) == 10
    assert plain_client.get(reverse("compliance:dashboard")).status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_a_recovery_code_works_once(plain_client, supervisor):
    from accounts.two_factor import recovery_codes_issue

    TOTPDevice.objects.create(user=supervisor, name="手机", confirmed=True)
    code = recovery_codes_issue(supervisor)[0]
    plain_client.force_login(supervisor)
    plain_client.post(reverse("accounts:two_factor"), {"token": code})
    assert plain_client.get(reverse("compliance:dashboard")).status_code == 200
    second = Client()
    second.force_login(supervisor)
    refused = second.post(reverse("accounts:two_factor"), {"token": code})
    assert "验证码不正确" in refused.content.decode()


def test_editors_need_no_second_factor_unless_configured(plain_client, editor_a, settings):
    plain_client.force_login(editor_a)
    assert plain_client.get(reverse("admin:index")).status_code == 200
    settings.OTP_REQUIRED_FOR_ALL_STAFF = True
    other = Client()
    other.force_login(editor_a)
    assert other.get(reverse("admin:index")).status_code == 302


def test_reviewers_and_administrators_need_it(plain_client, reviewer_a, django_user_model):
    from accounts.roles import AUDITOR, admin_role_grant
    from accounts.two_factor import requires_two_factor

    auditor = django_user_model.objects.create_user("aud2")
    admin_role_grant(user=auditor, role=AUDITOR)
    assert requires_two_factor(reviewer_a) and requires_two_factor(auditor)


def test_pages_showing_a_secret_offer_no_printing(plain_client, supervisor):
    plain_client.force_login(supervisor)
    enrol = plain_client.get(reverse("accounts:two_factor")).content.decode()
    assert "<code>" in enrol and "data-print" not in enrol and "打印" not in enrol
    device = TOTPDevice.objects.get(user=supervisor, confirmed=False)
    codes = plain_client.post(reverse("accounts:two_factor"), {"token": f"{totp(device.bin_key):06d}"})
    html = codes.content.decode()
    assert len(re.findall(r"<code>(\d{8})</code>", html)) == 10
    assert "data-print" not in html and "打印" not in html and "请立即抄写" in html
    assert "data-print" in plain_client.get("/").content.decode()  # other pages keep the button
