"""The number-and-query-code pair a citizen follows a submission with (依申请公开, 留言).

The code is shown once on the receipt; only its keyed hash is stored. A look-up compares in
constant time and costs the same hash whether the number exists or not, so a wrong number and
a wrong code get one neutral answer.
"""

import hmac
import secrets

from django.db.models import Model, QuerySet

from lushan_portal.crypto import keyed_hash

# QUERY_CODE_LENGTH characters from an alphabet without look-alikes (0/O, 1/I/L).
QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
QUERY_CODE_LENGTH = 10


def new_query_code() -> str:
    return "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(QUERY_CODE_LENGTH))


def normalise_code(code: str) -> str:
    """What the citizen typed, as it was issued: upper case, without spaces or dashes."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def query_code_hash(code: str) -> str:
    return keyed_hash(code)


def lookup_by_code(
    queryset: QuerySet, *, reference: str, code: str, reference_field: str = "reference"
) -> Model | None:
    """The record with this number when the code matches its stored hash; None for any mismatch."""
    reference = (reference or "").strip().upper()
    given = keyed_hash(normalise_code(code) or "-")
    record = queryset.filter(**{reference_field: reference}).first() if reference else None
    stored = record.query_code_hash if record else keyed_hash("-" * QUERY_CODE_LENGTH)
    return record if hmac.compare_digest(given, stored) and record is not None else None
