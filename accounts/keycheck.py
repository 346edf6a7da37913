"""The start-up check of FIELD_ENCRYPTION_KEY against a sentinel stored in the database.

The first start (or migrate) stores SENTINEL encrypted with the key in use, once a stored
value of each encrypted field decrypts with it (an upgrade must not bless a wrong key). Every later start
of the web app (wsgi.py: gunicorn, runserver), of a Celery worker (lushan_portal.celery) and
every migrate (a system check) decrypts it and refuses to run with another key, so personal
data is never read as unreadable nor overwritten.
"""

from django.apps import apps
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections

from lushan_portal.crypto import DecryptionError, EncryptedTextField, Undecryptable, decrypt, encrypt

SENTINEL = "lushan field key check"
ERROR_WRONG_KEY = (
    "FIELD_ENCRYPTION_KEY is not the key this database's personal data was encrypted with "
    "(the stored key check does not decrypt). Start with the original FIELD_ENCRYPTION_KEY; "
    "refusing to start so that encrypted fields are neither misread nor overwritten."
)


class WrongFieldKey(ImproperlyConfigured):
    pass


def field_key_check(using: str = DEFAULT_DB_ALIAS) -> None:
    """Raise WrongFieldKey unless the key decrypts the sentinel; store the sentinel if there is none."""
    from accounts.models import FieldKeyCheck

    if FieldKeyCheck._meta.db_table not in connections[using].introspection.table_names():
        return  # not migrated yet: the post-migrate run stores it
    check = FieldKeyCheck.objects.using(using).filter(pk=1).first()
    if check is None:
        if not _stored_values_decrypt(using):
            raise WrongFieldKey(ERROR_WRONG_KEY)
        check, _created = FieldKeyCheck.objects.using(using).get_or_create(pk=1, defaults={"token": encrypt(SENTINEL)})
    try:
        matches = decrypt(check.token) == SENTINEL
    except DecryptionError:
        matches = False
    if not matches:
        raise WrongFieldKey(ERROR_WRONG_KEY)


def _stored_values_decrypt(using: str) -> bool:
    """One stored value of each encrypted field decrypts (true of a database with none)."""
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, EncryptedTextField):
                values = model._base_manager.using(using).exclude(**{field.name: ""}).values_list(field.name, flat=True)
                if any(isinstance(value, Undecryptable) for value in values[:1]):
                    return False
    return True


def store_after_migrate(*, using: str = DEFAULT_DB_ALIAS, **kwargs: object) -> None:
    field_key_check(using)


@checks.register(checks.Tags.database)
def field_key_system_check(databases: list[str] | None = None, **kwargs: object) -> list[checks.Error]:
    """Run by migrate and `check --database default`: a wrong key stops them."""
    errors = []
    for alias in databases or []:
        try:
            field_key_check(alias)
        except WrongFieldKey as error:
            errors.append(checks.Error(str(error), id="accounts.E001"))
    return errors
