"""Writing the access log: one INSERT per entry, sealed into a hash chain in batches.

Each entry's hash is an HMAC-SHA256, keyed with ``settings.KINFOLIO_AUDIT_KEY``, over a
canonical JSON form of its own fields, computed before it is written: someone who can
write to the database but does not hold the key cannot forge a row or change one. The
entry is then anchored outside the database when its transaction commits (``anchors``).

Entries are chained in batches rather than one by one, so that writers never queue on
one another: a seal (``AccessLogSeal``) covers every entry written since the seal
before it, and its hash is an HMAC over that seal's hash and each covered entry's
number and hash, in order; removing, adding or reordering a sealed entry breaks it
(``audit.services.verification``). A seal is made when the entry numbered a multiple of
``SEAL_EVERY`` commits, and by ``manage.py anchor_access_log`` on a schedule. Two
sealers cannot fork the chain: the seal's number and the entry it follows are unique,
so the second to write gives way. An entry not yet committed when its batch is sealed
(a number in the seal's range, missing at the time) stays covered by its own hash and
its anchor.
"""

import hashlib
import hmac
import json
from collections.abc import Iterable
from datetime import UTC

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from kinfolio.audit.models import AccessAction, AccessLogEntry, AccessLogSeal
from kinfolio.audit.services.anchors import anchor_on_commit

GENESIS = "0" * 64
SEAL_EVERY = 100  # entries: the entry numbered a multiple of this seals its batch
SEAL_LIMIT = 5000  # entries at most in one seal


def _key() -> bytes:
    return settings.KINFOLIO_AUDIT_KEY.encode()


def canonical(entry: AccessLogEntry) -> bytes:
    """The exact bytes that are hashed: field order, timezone and encoding fixed. An
    entry written before sealing existed also hashed its place in the old chain."""
    at = entry.at.astimezone(UTC).isoformat(timespec="microseconds")
    fields = {
        "at": at,
        "user": entry.user_id,
        "username": entry.username,
        "role": entry.role,
        "action": entry.action,
        "child": entry.child_id,
        "object_ref": entry.object_ref,
        "query": entry.query,
        "reason": entry.reason,
        "ip_address": entry.ip_address,
    }
    if entry.sequence is not None:
        fields.update(sequence=entry.sequence, previous_hash=entry.previous_hash)
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(entry: AccessLogEntry) -> str:
    return hmac.new(_key(), canonical(entry), hashlib.sha256).hexdigest()


def seal_hasher(seal: AccessLogSeal):
    """The seal's HMAC before its entries are added (``add_to_seal``)."""
    header = (
        f"{seal.sequence}|{seal.after_id}|{seal.last_id}|{seal.missing}|"
        f"{seal.sealed_at.astimezone(UTC).isoformat(timespec='microseconds')}|"
        f"{seal.previous_hash}\n"
    )
    return hmac.new(_key(), header.encode(), hashlib.sha256)


def add_to_seal(hasher, entry_id: int, entry_hash: str) -> None:
    hasher.update(f"{entry_id} {entry_hash}\n".encode())


def client_ip(request: HttpRequest | None) -> str | None:
    """The address the request came from (behind the council's proxy, REMOTE_ADDR is
    the proxy; configure the proxy to set it, rather than trusting a header here)."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record_access(
    *,
    by=None,
    action: str,
    request: HttpRequest | None = None,
    child=None,
    object_ref: str = "",
    query: str = "",
    reason: str = "",
    username: str = "",
) -> AccessLogEntry:
    """Append one entry to the access log (one INSERT) and return it.

    ``by`` is the user (None for a failed sign-in, where ``username`` says who was
    tried). Call it after the scoped lookup, so only what was really shown is logged.
    """
    if action not in AccessAction.values:
        raise ValueError(f"Unknown access log action: {action}")
    user = by if by is not None and getattr(by, "is_authenticated", False) else None
    entry = AccessLogEntry(
        at=timezone.now(),
        user=user,
        username=(user.get_username() if user else username)[:150],
        role=getattr(user, "role", "") or "",
        action=action,
        child=child,
        object_ref=object_ref[:200] or (child.local_id if child is not None else ""),
        query=query,
        reason=reason,
        ip_address=client_ip(request),
    )
    entry.entry_hash = entry_hash(entry)
    entry.save(force_insert=True)
    anchor_on_commit(kind="entry", number=entry.pk, entry_hash=entry.entry_hash)
    if entry.pk % SEAL_EVERY == 0:
        # A seal that fails (another writer's lock on SQLite) never fails the page that
        # was logged: the next batch or the scheduled job seals these entries.
        transaction.on_commit(seal_pending, robust=True)
    return entry


def seal_pending() -> AccessLogSeal | None:
    """Seal the entries written since the last seal (at most ``SEAL_LIMIT``) into the
    chain, and anchor the seal when it commits; None when there is nothing to seal or
    another process sealed them first."""
    try:
        with transaction.atomic():
            last = AccessLogSeal.objects.order_by("-sequence").first()
            after_id = last.last_id if last else 0
            rows = list(
                AccessLogEntry.objects.filter(pk__gt=after_id)
                .order_by("pk")
                .values_list("pk", "entry_hash")[:SEAL_LIMIT]
            )
            if not rows:
                return None
            seal = _seal(last, after_id, rows)
            seal.save(force_insert=True)
            anchor_on_commit(kind="seal", number=seal.sequence, entry_hash=seal.seal_hash)
    except IntegrityError:
        return None  # another process made this seal first: the chain does not fork
    return seal


def _seal(last: AccessLogSeal | None, after_id: int, rows: list[tuple[int, str]]):
    last_id = rows[-1][0]
    present = {pk for pk, _ in rows}
    seal = AccessLogSeal(
        sequence=last.sequence + 1 if last else 1,
        after_id=after_id,
        last_id=last_id,
        count=len(rows),
        missing=" ".join(str(pk) for pk in range(after_id + 1, last_id) if pk not in present),
        sealed_at=timezone.now(),
        previous_hash=last.seal_hash if last else GENESIS,
    )
    seal.seal_hash = sealed_hash(seal, rows)
    return seal


def sealed_hash(seal: AccessLogSeal, rows: Iterable[tuple[int, str]]) -> str:
    hasher = seal_hasher(seal)
    for pk, hashed in rows:
        add_to_seal(hasher, pk, hashed)
    return hasher.hexdigest()


def seal_all_pending() -> int:
    """Seal every entry written so far, in seals of at most ``SEAL_LIMIT``; how many
    seals were made."""
    made = 0
    while seal_pending() is not None:
        made += 1
    return made
