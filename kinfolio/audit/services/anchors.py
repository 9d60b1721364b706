"""Anchors of the access log, kept outside the database.

Someone who can write to the database could delete the newest log rows (and the seals
over them): what is left still verifies. So each committed entry and each seal is also
appended, with its number and hash, to a file for the day under
``settings.KINFOLIO_AUDIT_ANCHOR_DIR`` (and to the ``kinfolio.audit.anchor`` logger,
which a council can forward to its log store), and ``manage.py anchor_access_log``
seals what is pending and appends the last seal on a schedule. ``verify_access_log``
then checks that each day's last anchored entry and seal are still in the log with the
same hash, and that no anchored entry is among those a seal found missing: a truncated
log, or an entry removed before it was sealed, has lost an anchored row.

Lines read ``<time> entry <id> <hash>`` or ``<time> seal <sequence> <hash>``; lines of
the log's first form, ``<time> <sequence> <hash>``, anchor entries chained one by one.

Keep the directory where the database's owner cannot rewrite it (a separate volume,
``chattr +a``, or forward the logger's lines off the machine).
"""

import logging
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger("kinfolio.audit.anchor")
SUFFIX = ".anchors"
KINDS = ("entry", "seal", "sequence")  # "sequence": an entry of the first, one-by-one chain


@dataclass(frozen=True)
class Anchor:
    kind: str
    number: int
    entry_hash: str
    where: str  # file and line, for the message when it no longer matches


@dataclass
class Anchored:
    """What the anchor files hold that the log must still match, by kind and number."""

    entry: dict[int, Anchor] = field(default_factory=dict)
    seal: dict[int, Anchor] = field(default_factory=dict)
    sequence: dict[int, Anchor] = field(default_factory=dict)

    def pop(self, kind: str, number: int | None) -> Anchor | None:
        return getattr(self, kind).pop(number, None)

    def left(self) -> list[Anchor]:
        return [*self.entry.values(), *self.seal.values(), *self.sequence.values()]


def _directory() -> Path:
    return Path(settings.KINFOLIO_AUDIT_ANCHOR_DIR)


def write_anchor(*, kind: str, number: int, entry_hash: str) -> None:
    """Append one anchor to today's file (UTC day), creating the directory if needed."""
    directory = _directory()
    directory.mkdir(parents=True, exist_ok=True)
    line = f"{timezone.now().isoformat(timespec='seconds')} {kind} {number} {entry_hash}\n"
    # One short write in append mode: lines from several processes never interleave.
    with open(directory / f"{timezone.now():%Y-%m-%d}{SUFFIX}", "a", encoding="ascii") as f:
        f.write(line)
    logger.info("access log %s %s %s", kind, number, entry_hash)


def anchor_on_commit(*, kind: str, number: int, entry_hash: str) -> None:
    """Anchor an entry or seal once its transaction commits (never one rolled back)."""
    transaction.on_commit(partial(write_anchor, kind=kind, number=number, entry_hash=entry_hash))


class UnreadableAnchor(ValueError):
    pass


def _parse(path: Path, number: int, line: str) -> Anchor:
    parts = line.split()
    if len(parts) == 3:  # the first form: an entry's sequence
        parts.insert(1, "sequence")
    if len(parts) != 4 or parts[1] not in KINDS or not parts[2].isdigit():
        raise UnreadableAnchor(f"{path.name} line {number} cannot be read")
    return Anchor(parts[1], int(parts[2]), parts[3], f"{path.name} line {number}")


def read_anchors(*, entries: Collection[int] = ()) -> Anchored:
    """Each day's last anchor of each kind, and the anchors of ``entries`` wherever
    they are. Reads the files line by line (a year of anchors need not fit in memory)."""
    anchored = Anchored()
    directory = _directory()
    if not directory.is_dir():
        return anchored
    for path in sorted(directory.glob(f"*{SUFFIX}")):
        heads: dict[str, Anchor] = {}
        with open(path, encoding="ascii", errors="replace") as lines:
            for number, line in enumerate(lines, 1):
                anchor = _parse(path, number, line)
                if anchor.kind == "entry" and anchor.number in entries:
                    anchored.entry[anchor.number] = anchor
                head = heads.get(anchor.kind)
                if head is None or anchor.number > head.number:
                    heads[anchor.kind] = anchor
        for anchor in heads.values():
            getattr(anchored, anchor.kind)[anchor.number] = anchor
    return anchored
