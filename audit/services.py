"""Writing and verifying the audit log."""

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Model
from django.http import HttpRequest
from django.utils import timezone

from audit.models import AuditEvent
from lushan_portal.clients import client_address

GENESIS = "0" * 64
CHAIN_LOCK = 7_202_601  # advisory lock key of the audit chain
HASHED_FIELDS = [
    "at",
    "username",
    "units",
    "event",
    "object_type",
    "object_id",
    "object_repr",
    "result",
    "ip",
    "detail",
]


def event_hash(event: AuditEvent, prev_hash: str) -> str:
    fields = {name: getattr(event, name) for name in HASHED_FIELDS}
    fields["at"] = event.at.isoformat()
    payload = prev_hash + json.dumps(fields, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return client_address(request) or None


def audit_record(
    *,
    event: str,
    user: object = None,
    username: str = "",
    obj: Model | None = None,
    request: HttpRequest | None = None,
    result: str = "success",
    detail: str = "",
    object_ref: tuple[str, str, str] | None = None,
) -> AuditEvent:
    """Append one event; a transaction-level lock keeps the hash chain a single line under concurrency.

    ``obj`` names the record; ``object_ref`` (type, id, name) does when the record is gone.
    """
    from organizations.models import Membership

    if user is not None and getattr(user, "is_authenticated", False):
        username = user.get_username()
        units = "、".join(Membership.objects.filter(user=user).values_list("unit__code", flat=True).distinct())
    else:
        user, units = None, ""
    row = AuditEvent(
        at=timezone.now(),
        user=user,
        username=username[:150],
        units=units[:300],
        event=event,
        object_type=obj._meta.label if obj is not None else (object_ref or ("", "", ""))[0],
        object_id=str(obj.pk) if obj is not None else (object_ref or ("", "", ""))[1],
        object_repr=str(obj)[:300] if obj is not None else (object_ref or ("", "", ""))[2][:300],
        result=result,
        ip=client_ip(request),
        detail=detail[:2000],
    )
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Row locks cannot stop two writers reading the same last row; this lock does.
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])
        last = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
        row.prev_hash = last or GENESIS
        row.hash = event_hash(row, row.prev_hash)
        row.save()
    return row


@dataclass(frozen=True)
class BrokenLink:
    event_id: int
    reason: str


def audit_verify() -> Iterator[BrokenLink]:
    """Every place where the chain does not hold, oldest first (the first one matters most)."""
    previous = None
    for row in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if previous is not None and row.prev_hash != previous:
            yield BrokenLink(row.id, "prev_hash does not match the previous row")
        if event_hash(row, row.prev_hash) != row.hash:
            yield BrokenLink(row.id, "hash does not match the row's contents")
        previous = row.hash
