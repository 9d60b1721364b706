"""Writing and verifying the hash-chained access log.

Each entry's hash is an HMAC-SHA256, keyed with ``settings.KINFOLIO_AUDIT_KEY``, over a
canonical JSON form of its fields and the previous entry's hash. Someone who can write
to the database but does not hold the key cannot forge a row or re-chain the rows after
one they changed. Appends are serialised through the single ``AccessLogHead`` row, so
two writers can never both chain onto the same predecessor (the chain cannot fork).
"""

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from kinfolio.audit.models import AccessAction, AccessLogEntry, AccessLogHead
from kinfolio.audit.services.anchors import UnreadableAnchor, anchor_on_commit, day_heads

GENESIS = "0" * 64
HEAD_PK = 1
_process_lock = threading.Lock()  # one writer per process (SQLite also locks the file)


def _key() -> bytes:
    return settings.KINFOLIO_AUDIT_KEY.encode()


def canonical(entry: AccessLogEntry) -> bytes:
    """The exact bytes that are hashed: field order, timezone and encoding fixed."""
    at = entry.at.astimezone(UTC).isoformat(timespec="microseconds")
    fields = {
        "sequence": entry.sequence,
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
        "previous_hash": entry.previous_hash,
    }
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(entry: AccessLogEntry) -> str:
    return hmac.new(_key(), canonical(entry), hashlib.sha256).hexdigest()


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
    """Append one entry to the access log and return it.

    ``by`` is the user (None for a failed sign-in, where ``username`` says who was
    tried). Call it after the scoped lookup, so only what was really shown is logged.
    """
    if action not in AccessAction.values:
        raise ValueError(f"Unknown access log action: {action}")
    user = by if by is not None and getattr(by, "is_authenticated", False) else None
    with _process_lock, transaction.atomic():
        head = _lock_head()
        entry = AccessLogEntry(
            sequence=head.sequence + 1,
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
            previous_hash=head.entry_hash or GENESIS,
        )
        entry.entry_hash = entry_hash(entry)
        entry.save(force_insert=True)
        AccessLogHead.objects.filter(pk=HEAD_PK).update(
            sequence=entry.sequence, entry_hash=entry.entry_hash
        )
        anchor_on_commit(sequence=entry.sequence, entry_hash=entry.entry_hash)
    return entry


def _lock_head() -> AccessLogHead:
    """Take the single-writer lock: a row lock on PostgreSQL, the write lock on SQLite
    (the UPDATE comes first so SQLite takes its write lock before anything is read)."""
    AccessLogHead.objects.get_or_create(pk=HEAD_PK)
    AccessLogHead.objects.filter(pk=HEAD_PK).update(sequence=F("sequence"))
    heads = AccessLogHead.objects.filter(pk=HEAD_PK)
    if connection.features.has_select_for_update:
        heads = heads.select_for_update()
    return heads.get()


@dataclass(frozen=True)
class ChainBreak:
    """Where the chain first fails to verify, and why."""

    sequence: int | None
    entry_id: int | None
    problem: str

    def __str__(self) -> str:
        where = f"entry {self.sequence} (id {self.entry_id})" if self.entry_id else "the log"
        return f"{where}: {self.problem}"


@dataclass(frozen=True)
class ChainReport:
    checked: int
    head_hash: str
    first_break: ChainBreak | None

    @property
    def ok(self) -> bool:
        return self.first_break is None


def _entries() -> Iterator[AccessLogEntry]:
    return AccessLogEntry.objects.order_by("sequence", "pk").iterator(chunk_size=2000)


def verify_chain() -> ChainReport:
    """Recompute every hash in order; report the first entry that does not verify.

    Detects a changed field (its hash no longer matches), a removed row (a gap in the
    sequence and a broken link), an inserted or forged row (a hash that needs the key),
    and removed newest rows: the head no longer matches the last row, or, when the head
    was rewound too, an entry anchored outside the database (``anchors``) is gone.
    """
    try:
        anchored = day_heads()
    except UnreadableAnchor as error:
        return ChainReport(0, GENESIS, ChainBreak(None, None, f"anchor file: {error}"))
    previous, expected_sequence, checked = GENESIS, 1, 0
    for entry in _entries():
        problem = None
        anchor = anchored.pop(entry.sequence, None)
        if anchor is not None and anchor.entry_hash != entry.entry_hash:
            problem = f"does not match its anchor ({anchor.where}): the row was replaced"
        elif entry.sequence != expected_sequence:
            problem = f"expected sequence {expected_sequence}: a row is missing or inserted"
        elif entry.previous_hash != previous:
            problem = "does not link to the entry before it"
        elif not hmac.compare_digest(entry.entry_hash, entry_hash(entry)):
            problem = "its contents do not match its hash: the row was altered or forged"
        if problem:
            return ChainReport(checked, previous, ChainBreak(entry.sequence, entry.pk, problem))
        previous, expected_sequence, checked = entry.entry_hash, expected_sequence + 1, checked + 1
    head = AccessLogHead.objects.filter(pk=HEAD_PK).first()
    head_sequence, head_hash = (head.sequence, head.entry_hash) if head else (0, "")
    if head_sequence != checked or (checked and head_hash != previous):
        problem = f"the head records {head_sequence} entries but {checked} verify: newest removed"
        return ChainReport(checked, previous, ChainBreak(None, None, problem))
    if anchored:
        anchor = anchored[max(anchored)]
        problem = (
            f"entry {anchor.sequence}, anchored outside the database ({anchor.where}), is "
            f"not in the log, which ends at {checked}: newest removed and the head rewound"
        )
        return ChainReport(checked, previous, ChainBreak(None, None, problem))
    return ChainReport(checked, previous, None)
