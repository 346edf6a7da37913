"""Password rules of the level-3 baseline: length, character classes, no reuse of the last
five, and a change every PASSWORD_MAX_AGE_DAYS days (default 90)."""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import PasswordHistory

CLASSES = (str.isupper, str.islower, str.isdigit, lambda ch: not ch.isalnum())


class ComplexityValidator:
    """At least ``min_length`` characters from at least ``min_classes`` of upper, lower, digit, symbol."""

    def __init__(self, min_length: int = 8, min_classes: int = 3) -> None:
        self.min_length, self.min_classes = min_length, min_classes

    def validate(self, password: str, user: object = None) -> None:
        used = sum(1 for test in CLASSES if any(test(ch) for ch in password))
        if len(password) < self.min_length or used < self.min_classes:
            raise ValidationError(self.get_help_text(), code="password_too_simple")

    def get_help_text(self) -> str:
        return _("密码至少 %(n)d 位，并包含大写字母、小写字母、数字、符号中的至少 %(k)d 类。") % {
            "n": self.min_length,
            "k": self.min_classes,
        }


class HistoryValidator:
    """The new password may not be one of the user's last ``keep`` passwords; records each change."""

    def __init__(self, keep: int = 5) -> None:
        self.keep = keep

    def validate(self, password: str, user: object = None) -> None:
        if user is None or not getattr(user, "pk", None):
            return
        recent = PasswordHistory.objects.filter(user=user).values_list("password", flat=True)[: self.keep]
        if any(check_password(password, old) for old in recent):
            raise ValidationError(self.get_help_text(), code="password_reused")

    def password_changed(self, password: str, user: object = None) -> None:
        if user is not None and getattr(user, "pk", None):
            PasswordHistory.objects.create(user=user, password=user.password)

    def get_help_text(self) -> str:
        return _("不能使用最近 %(n)d 次用过的密码。") % {"n": self.keep}


def password_changed_at(user: object) -> datetime:
    latest = PasswordHistory.objects.filter(user=user).values_list("changed_at", flat=True).first()
    return latest or user.date_joined


def password_expired(user: object) -> bool:
    return timezone.now() - password_changed_at(user) > timedelta(days=settings.PASSWORD_MAX_AGE_DAYS)
