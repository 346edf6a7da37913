"""The one rule for account names: letters, digits and . - _ (no spreadsheet formulas, no markup)."""

import re

from django.core.exceptions import ValidationError

USERNAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
USERNAME_HELP = "150 个字符以内，只能使用英文字母、数字和 . - _。"
ERROR_USERNAME = "账号只能由英文字母、数字和 . - _ 组成，并以字母或数字开头。"


def validate_username(username: str) -> None:
    if not USERNAME_PATTERN.fullmatch(username or ""):
        raise ValidationError(ERROR_USERNAME, code="invalid_username")
