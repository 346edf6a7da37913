"""Two factors (TOTP, django-otp) for supervisors, reviewers and the three administrators,
and for all staff when OTP_REQUIRED_FOR_ALL_STAFF is set. Recovery codes are static tokens."""

import secrets
from base64 import b32encode

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from lushan_portal.qr import qr_svg as svg_of
from organizations.models import Membership, Role
from organizations.roles import ROLE_GROUPS

RECOVERY_CODES = 10
# Groups whose members must use a second factor.
TWO_FACTOR_ROLES = ("supervisor", "system_admin", "security_admin", "auditor")


def requires_two_factor(user: AbstractBaseUser) -> bool:
    if not (getattr(user, "is_authenticated", False) and user.is_staff):
        return False
    if settings.OTP_REQUIRED_FOR_ALL_STAFF or user.is_superuser:
        return True
    names = {str(ROLE_GROUPS[role]) for role in TWO_FACTOR_ROLES}
    if user.groups.filter(name__in=names).exists():
        return True
    return Membership.objects.filter(user=user, role=Role.REVIEWER).exists()


def confirmed_totp(user: AbstractBaseUser) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_totp(user: AbstractBaseUser) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="身份验证器", confirmed=False)


def qr_svg(device: TOTPDevice) -> str:
    return svg_of(device.config_url)


def secret_text(device: TOTPDevice) -> str:
    return b32encode(device.bin_key).decode()


def recovery_codes_issue(user: AbstractBaseUser) -> list[str]:
    """New one-time recovery codes (the old ones stop working); shown to the user once."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name="备用恢复码")
    device.token_set.all().delete()
    codes = [f"{secrets.randbelow(10**8):08d}" for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes
