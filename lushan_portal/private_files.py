"""Uploads holding personal data (identity images, reply letters): encrypted at rest, never public.

Files are written under MEDIA_ROOT/private/ as Fernet tokens (FIELD_ENCRYPTION_KEY) with random
names, and have no URL: a view that checks who may see the file reads it through ``read_private``.
Backups copy MEDIA_ROOT as it is, so the archives hold only the tokens.
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db.models.fields.files import FieldFile
from django.utils.deconstruct import deconstructible

from lushan_portal.crypto import decrypt_bytes, encrypt_bytes

PRIVATE_DIR = "private"


@deconstructible
class EncryptedFileStorage(FileSystemStorage):
    """FileSystemStorage that encrypts what it saves; ``url`` is refused (no public address)."""

    def __init__(self) -> None:
        super().__init__(location=None, base_url=None)

    @property
    def base_location(self) -> str:  # follows MEDIA_ROOT, also when tests override it
        return str(Path(settings.MEDIA_ROOT) / PRIVATE_DIR)

    @property
    def location(self) -> str:
        return str(Path(self.base_location).resolve())

    def _save(self, name: str, content) -> str:
        content.seek(0)
        return super()._save(name, ContentFile(encrypt_bytes(content.read())))

    def url(self, name: str) -> str:
        raise ValueError("Private files have no public URL.")


private_storage = EncryptedFileStorage()


def random_name(folder: str, filename: str) -> str:
    """Where ``upload_to`` puts a file: the extension is kept, the name (itself maybe personal) is not."""
    return f"{folder}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


def read_private(field: FieldFile) -> bytes:
    """The decrypted content of a file stored by EncryptedFileStorage."""
    with field.storage.open(field.name, "rb") as handle:
        return decrypt_bytes(handle.read())
