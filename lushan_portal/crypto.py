"""Encryption of personal data at rest (PIPL; level-3 baseline) and keyed hashes for lookups.

FIELD_ENCRYPTION_KEY (a Fernet key from the environment) encrypts; a key derived from it
keys the HMAC that finds equal values without decrypting. A raw look at the database
shows tokens, never the phone number or ID number.
"""

import hashlib
import hmac
from functools import cache

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.db import models

PREFIX = "enc:"


@cache
def _fernet() -> Fernet:
    return Fernet(settings.FIELD_ENCRYPTION_KEY.encode())


@cache
def _hash_key() -> bytes:
    return hashlib.sha256(b"lookup:" + settings.FIELD_ENCRYPTION_KEY.encode()).digest()


def encrypt(value: str) -> str:
    return PREFIX + _fernet().encrypt(value.encode()).decode() if value else ""


def decrypt(value: str) -> str:
    if not value or not value.startswith(PREFIX):
        return value or ""
    try:
        return _fernet().decrypt(value[len(PREFIX) :].encode()).decode()
    except InvalidToken:
        return ""


def keyed_hash(value: str) -> str:
    """Equal normalised values give equal hashes; without the key the hash reveals nothing."""
    normalised = "".join(value.split()).upper()
    return hmac.new(_hash_key(), normalised.encode(), hashlib.sha256).hexdigest() if normalised else ""


class EncryptedTextField(models.TextField):
    """Stored encrypted, read back in clear; cannot be searched (use a keyed-hash field beside it)."""

    def from_db_value(self, value, expression, connection):
        return decrypt(value)

    def to_python(self, value):
        return decrypt(value) if isinstance(value, str) else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else ""
