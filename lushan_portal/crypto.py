"""Encryption of personal data at rest (PIPL; level-3 baseline) and keyed hashes for lookups.

FIELD_ENCRYPTION_KEY (a Fernet key from the environment) encrypts; a key derived from it
keys the HMAC that finds equal values without decrypting. A raw look at the database
shows tokens, never the phone number or ID number.

A token the key cannot decrypt raises DecryptionError. A model field holding one reads as
Undecryptable (shown as UNDECRYPTABLE_TEXT, logged) and is written back unchanged, so the
admin still opens the row and a save never overwrites what could not be read.
"""

import hashlib
import hmac
import logging
from functools import cache

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver
from django.utils.translation import gettext

logger = logging.getLogger(__name__)

PREFIX = "enc:"
UNDECRYPTABLE_TEXT = "〔无法解密〕"
ERROR_UNDECRYPTABLE = "已保存的内容无法解密，请重新填写。"


class DecryptionError(ValueError):
    """A stored token that FIELD_ENCRYPTION_KEY does not decrypt (wrong key or damaged data)."""


class Undecryptable(str):
    """What a field reads for a token it cannot decrypt: shows UNDECRYPTABLE_TEXT, keeps the token."""

    token: str

    def __new__(cls, token: str) -> "Undecryptable":
        value = super().__new__(cls, UNDECRYPTABLE_TEXT)
        value.token = token
        return value


@cache
def _fernet() -> Fernet:
    return Fernet(settings.FIELD_ENCRYPTION_KEY.encode())


@cache
def _hash_key() -> bytes:
    return hashlib.sha256(b"lookup:" + settings.FIELD_ENCRYPTION_KEY.encode()).digest()


def encrypt(value: str) -> str:
    return PREFIX + _fernet().encrypt(value.encode()).decode() if value else ""


def encrypt_bytes(data: bytes) -> bytes:
    """Uploaded files holding personal data (an identity image) are stored as Fernet tokens."""
    return _fernet().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    try:
        return _fernet().decrypt(token)
    except InvalidToken:
        raise DecryptionError("FIELD_ENCRYPTION_KEY cannot decrypt a stored file.") from None


def decrypt(value: str) -> str:
    if not value or not value.startswith(PREFIX):
        return value or ""
    try:
        return _fernet().decrypt(value[len(PREFIX) :].encode()).decode()
    except InvalidToken:
        message = "FIELD_ENCRYPTION_KEY cannot decrypt a stored value (wrong key or damaged data)."
        raise DecryptionError(message) from None


@receiver(setting_changed)
def _key_changed(*, setting: str, **kwargs: object) -> None:
    if setting == "FIELD_ENCRYPTION_KEY":
        _fernet.cache_clear()
        _hash_key.cache_clear()


def keyed_hash(value: str) -> str:
    """Equal normalised values give equal hashes; without the key the hash reveals nothing."""
    if isinstance(value, Undecryptable):  # its hash would replace the right one
        raise ValidationError(gettext(ERROR_UNDECRYPTABLE), code="undecryptable")
    normalised = "".join(value.split()).upper()
    return hmac.new(_hash_key(), normalised.encode(), hashlib.sha256).hexdigest() if normalised else ""


class EncryptedTextField(models.TextField):
    """Stored encrypted, read back in clear; cannot be searched (use a keyed-hash field beside it)."""

    def from_db_value(self, value, expression, connection):
        try:
            return decrypt(value)
        except DecryptionError:
            logger.error("%s: a stored value cannot be decrypted with FIELD_ENCRYPTION_KEY.", self)
            return Undecryptable(value)

    def to_python(self, value):
        if not isinstance(value, str) or isinstance(value, Undecryptable):
            return value
        try:
            return decrypt(value)
        except DecryptionError:
            return value  # typed in, not stored: a value like any other

    def get_prep_value(self, value):
        if isinstance(value, Undecryptable):
            return value.token  # written back exactly as it was read
        value = super().get_prep_value(value)
        return encrypt(value) if value else ""

    def validate(self, value, model_instance):
        # A form sends the placeholder back as plain text: the value must be entered again.
        if value == UNDECRYPTABLE_TEXT:
            raise ValidationError(gettext(ERROR_UNDECRYPTABLE), code="undecryptable")
        super().validate(value, model_instance)
