"""Anchors of the access log's head, kept outside the database.

Someone who can write to the database could delete the newest log rows and rewind the
head row to match: the chain that is left still verifies. So each committed log write
also appends its sequence and hash to a file for the day under
``settings.KINFOLIO_AUDIT_ANCHOR_DIR`` (and to the ``kinfolio.audit.anchor`` logger,
which a council can forward to its log store), and ``manage.py anchor_access_log``
appends the head on a schedule. ``verify_access_log`` then checks that every anchored
entry is still in the log with the same hash: a truncated log has lost an anchored entry.

Keep the directory where the database's owner cannot rewrite it (a separate volume,
``chattr +a``, or forward the logger's lines off the machine).
"""

import logging
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger("kinfolio.audit.anchor")
SUFFIX = ".anchors"


@dataclass(frozen=True)
class Anchor:
    sequence: int
    entry_hash: str
    where: str  # file and line, for the message when it no longer matches


def _directory() -> Path:
    return Path(settings.KINFOLIO_AUDIT_ANCHOR_DIR)


def write_anchor(*, sequence: int, entry_hash: str) -> None:
    """Append one anchor to today's file (UTC day), creating the directory if needed."""
    directory = _directory()
    directory.mkdir(parents=True, exist_ok=True)
    line = f"{timezone.now().isoformat(timespec='seconds')} {sequence} {entry_hash}\n"
    # One short write in append mode: lines from several processes never interleave.
    with open(directory / f"{timezone.now():%Y-%m-%d}{SUFFIX}", "a", encoding="ascii") as f:
        f.write(line)
    logger.info("access log head %s %s", sequence, entry_hash)


def anchor_on_commit(*, sequence: int, entry_hash: str) -> None:
    """Anchor an entry once its transaction commits (never one that was rolled back)."""
    transaction.on_commit(partial(write_anchor, sequence=sequence, entry_hash=entry_hash))


class UnreadableAnchor(ValueError):
    pass


def day_heads() -> dict[int, Anchor]:
    """Each day's head: the highest entry anchored in each day's file, by sequence.
    Reads the files line by line (a year of anchors does not have to fit in memory)."""
    heads: dict[int, Anchor] = {}
    directory = _directory()
    if not directory.is_dir():
        return heads
    for path in sorted(directory.glob(f"*{SUFFIX}")):
        head = None
        with open(path, encoding="ascii", errors="replace") as lines:
            for number, line in enumerate(lines, 1):
                parts = line.split()
                if len(parts) != 3 or not parts[1].isdigit():
                    raise UnreadableAnchor(f"{path.name} line {number} cannot be read")
                if head is None or int(parts[1]) > head.sequence:
                    head = Anchor(int(parts[1]), parts[2], f"{path.name} line {number}")
        if head is not None:
            heads[head.sequence] = head
    return heads
