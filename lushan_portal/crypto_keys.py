"""Key derivation usable from settings (no Django imports)."""

import base64
import hashlib


def development_key(secret: str) -> str:
    """A stable Fernet key for development only, derived from the development SECRET_KEY."""
    return base64.urlsafe_b64encode(hashlib.sha256(b"field-encryption:" + secret.encode()).digest()).decode()
