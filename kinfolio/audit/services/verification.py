"""Verifying the access log: each entry's own hash, the chain of seals over the
entries, and the anchors kept outside the database (``manage.py verify_access_log``).

Detects a changed field or a forged row (its hash needs the key), a removed, inserted or
reordered sealed entry (its seal no longer matches), a removed, inserted or altered seal
(the next seal no longer follows it), and removed newest rows: the last entry or seal
anchored on a day is gone, or an entry anchored when it committed is among those its
seal found missing (removed before it was sealed).
"""

import hmac
from collections.abc import Iterator
from dataclasses import dataclass

from kinfolio.audit.models import AccessLogEntry, AccessLogSeal
from kinfolio.audit.services.access_log import GENESIS, add_to_seal, entry_hash, seal_hasher
from kinfolio.audit.services.anchors import Anchored, UnreadableAnchor, read_anchors


@dataclass(frozen=True)
class ChainBreak:
    """Where the log first fails to verify (the entry, when it is one), and why."""

    entry_id: int | None
    problem: str

    def __str__(self) -> str:
        where = f"entry {self.entry_id}" if self.entry_id else "the log"
        return f"{where}: {self.problem}"


@dataclass(frozen=True)
class ChainReport:
    checked: int  # entries whose own hash verified
    sealed: int  # seals verified
    head_hash: str  # the last verified seal's hash
    first_break: ChainBreak | None

    @property
    def ok(self) -> bool:
        return self.first_break is None


class _Broken(Exception):
    def __init__(self, entry_id: int | None, problem: str):
        self.where = ChainBreak(entry_id, problem)


class _Walk:
    """Entries in order, each added to the seal whose range holds it."""

    def __init__(self, anchored: Anchored):
        self.anchored = anchored
        self.seals = AccessLogSeal.objects.order_by("sequence").iterator(chunk_size=500)
        self.checked, self.sealed, self.head, self.last_id = 0, 0, GENESIS, 0

    def _open_next(self) -> None:
        self.seal = seal = next(self.seals, None)
        if seal is None:
            return
        if (seal.sequence, seal.after_id, seal.previous_hash) != (
            self.sealed + 1,
            self.last_id,
            self.head,
        ):
            problem = f"seal {seal.sequence} does not follow the seal before it: a seal was "
            raise _Broken(None, problem + "removed, inserted or altered")
        self.hasher, self.count, self.late = seal_hasher(seal), 0, seal.missing_ids

    def _close(self) -> None:
        seal = self.seal
        if self.count != seal.count or not hmac.compare_digest(
            self.hasher.hexdigest(), seal.seal_hash
        ):
            problem = (
                f"seal {seal.sequence} (entries {seal.after_id + 1} to {seal.last_id}) does not "
                "match the entries it sealed: one is missing, was added or was replaced"
            )
            raise _Broken(None, problem)
        anchor = self.anchored.pop("seal", seal.sequence)
        if anchor is not None and anchor.entry_hash != seal.seal_hash:
            problem = f"seal {seal.sequence} does not match its anchor ({anchor.where}): replaced"
            raise _Broken(None, problem)
        self.sealed, self.head, self.last_id = seal.sequence, seal.seal_hash, seal.last_id
        self._open_next()

    def entry(self, entry: AccessLogEntry) -> None:
        for kind, number in (("entry", entry.pk), ("sequence", entry.sequence)):
            anchor = self.anchored.pop(kind, number)
            if anchor is not None and anchor.entry_hash != entry.entry_hash:
                problem = f"does not match its anchor ({anchor.where}): the row was replaced"
                raise _Broken(entry.pk, problem)
        if not hmac.compare_digest(entry.entry_hash, entry_hash(entry)):
            problem = "its contents do not match its hash: the row was altered or forged"
            raise _Broken(entry.pk, problem)
        while self.seal is not None and entry.pk > self.seal.last_id:
            self._close()
        if self.seal is not None and entry.pk not in self.late:
            add_to_seal(self.hasher, entry.pk, entry.entry_hash)
            self.count += 1
        self.checked += 1

    def end(self) -> None:
        while self.seal is not None:
            self._close()
        for anchor in self.anchored.left():
            problem = (
                f"{anchor.kind} {anchor.number}, anchored outside the database "
                f"({anchor.where}), is not in the log: removed"
            )
            raise _Broken(None, problem)


def _entries() -> Iterator[AccessLogEntry]:
    return AccessLogEntry.objects.order_by("pk").iterator(chunk_size=2000)


def _found_missing() -> set[int]:
    """Every entry number a seal found missing (not committed, or removed, when sealed)."""
    seals = AccessLogSeal.objects.exclude(missing="").only("missing")
    return {pk for seal in seals.iterator() for pk in seal.missing_ids}


def verify_chain() -> ChainReport:
    """Recompute every entry's hash and every seal in order, and check the anchors;
    report the first thing that does not verify."""
    try:
        anchored = read_anchors(entries=_found_missing())
    except UnreadableAnchor as error:
        return ChainReport(0, 0, GENESIS, ChainBreak(None, f"anchor file: {error}"))
    walk = _Walk(anchored)
    try:
        walk._open_next()
        for entry in _entries():
            walk.entry(entry)
        walk.end()
    except _Broken as broken:
        return ChainReport(walk.checked, walk.sealed, walk.head, broken.where)
    return ChainReport(walk.checked, walk.sealed, walk.head, None)
