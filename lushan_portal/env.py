"""Strict readers for environment variables: a malformed value fails at start."""

import base64
import os
import re
from datetime import date

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from lushan_portal.api_info import RATE_PATTERN

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Environment variable {name} is required in production.")
    return value


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"Environment variable {name} must be true or false, not {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"Environment variable {name} must be an integer, not {raw!r}.") from None


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_database(name: str, default: dict) -> dict:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.startswith(("postgres://", "postgresql://", "sqlite://")):
        raise ImproperlyConfigured(f"Environment variable {name} must be a postgres:// or sqlite:// URL.")
    try:
        # Connections are reused for DB_CONN_MAX_AGE seconds, and checked before reuse so that a
        # database restart costs one reconnect, not an error page.
        return dj_database_url.parse(
            raw,
            conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
            conn_health_checks=env_bool("DB_CONN_HEALTH_CHECKS", True),
        )
    except ValueError as error:
        raise ImproperlyConfigured(f"Environment variable {name} is not a valid database URL: {error}") from None


def env_redis_url(name: str) -> str | None:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return None
    if not raw.startswith(("redis://", "rediss://")):
        raise ImproperlyConfigured(f"Environment variable {name} must be a redis:// or rediss:// URL.")
    return raw


def env_fernet_key(name: str, default: str | None) -> str:
    """A Fernet key (32 bytes, url-safe base64); required when there is no default."""
    raw = os.environ.get(name, "").strip() or default
    if not raw:
        raise ImproperlyConfigured(f"Environment variable {name} is required in production.")
    try:
        valid = len(base64.urlsafe_b64decode(raw.encode())) == 32
    except ValueError:
        valid = False
    if not valid:
        raise ImproperlyConfigured(f"Environment variable {name} must be a Fernet key (32 bytes, url-safe base64).")
    return raw


def env_rate(name: str, default: str) -> str:
    """A request rate as DRF's throttling reads it: '120/minute' (second, minute, hour or day)."""
    raw = (os.environ.get(name) or "").strip() or default
    if not RATE_PATTERN.match(raw):
        raise ImproperlyConfigured(
            f"Environment variable {name} must be a rate such as 120/minute (second, minute, hour, day), not {raw!r}."
        )
    return raw


def env_pattern(name: str, pattern: str, example: str, default: str = "") -> str:
    """A value of a known shape (a record number, a host name); empty means not set."""
    value = os.environ.get(name, default).strip()
    if value and not re.fullmatch(pattern, value):
        raise ImproperlyConfigured(f"Environment variable {name} must look like {example}, not {value!r}.")
    return value


def env_month_day(name: str, default: str, latest: tuple[int, int] = (12, 31)) -> tuple[int, int]:
    """A day of the year as MM-DD (a date that exists in every year, not after ``latest``)."""
    raw = os.environ.get(name, default).strip()
    match = re.fullmatch(r"(\d{2})-(\d{2})", raw)
    try:
        month, day = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
        date(2001, month, day)
    except ValueError:
        month = day = 0
    if not month or (month, day) > latest:
        raise ImproperlyConfigured(
            f"Environment variable {name} must be a day as MM-DD, at latest {latest[0]:02d}-{latest[1]:02d}, "
            f"not {raw!r}."
        )
    return month, day
