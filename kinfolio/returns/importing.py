"""What an import reports: each problem with where it is, and what it did."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from kinfolio.audit.services.history import imported_children


def new_import_id() -> str:
    """The ID an import's history rows share (``audit.services.history.record_import``)."""
    return uuid.uuid4().hex


def refresh_imported(import_id: str) -> None:
    """Store the deadline clocks of every child the import recorded, in one call: an
    imported episode, assessment or plan starts or stops clocks just as a form does."""
    from kinfolio.timescales.services import refresh_clocks

    refresh_clocks(imported_children(import_id))


# Told of a record that breaks a rule of Kinfolio's records, and the error.
Failed = Callable[[models.Model, Exception], None]


def create_all(model: type[models.Model], records: list[models.Model], *, failed: Failed) -> int:
    """Create the records in one statement; if one breaks a rule of Kinfolio's records,
    each in its own savepoint (``save_each``) so that only those are left. Returns how
    many were created."""
    if not records:
        return 0
    try:
        with transaction.atomic():
            model.objects.bulk_create(records)
        return len(records)
    except (IntegrityError, ValidationError):
        for record in records:
            # bulk_create may have numbered some before the batch that failed.
            record.pk, record._state.adding = None, True
    return save_each(records, failed=failed)


def save_each(records: list[models.Model], *, failed: Failed, update_fields=None) -> int:
    """Save each record in its own savepoint; one that breaks a rule of Kinfolio's
    records goes to ``failed`` (a new one with no pk, so that what hangs on it is left
    too). Returns how many were saved."""
    saved = 0
    for record in records:
        try:
            with transaction.atomic():
                record.save(update_fields=update_fields)
        except (IntegrityError, ValidationError) as error:
            if update_fields is None:
                record.pk = None
            failed(record, error)
        else:
            saved += 1
    return saved


@dataclass(frozen=True)
class Problem:
    file: str
    where: str  # "row 12" or an XML element path
    field: str
    value: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}, {self.where}, {self.field} = {self.value!r}: {self.message}"


class ImportRefused(Exception):
    """The files have problems: nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s): nothing was imported")


MAX_LISTED = 100  # records left or to review listed one by one; the rest are counted


@dataclass
class Summary:
    created: Counter = field(default_factory=Counter)
    matched: Counter = field(default_factory=Counter)
    # What the return holds that Kinfolio does not keep (the importer's NOT_KEPT).
    left: list[str] = field(default_factory=list)
    # Records left, each with where it is: they break a rule of Kinfolio's records.
    left_records: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)  # doubtful matches for a person to check
    more: Counter = field(default_factory=Counter)  # beyond MAX_LISTED, by list

    def leave(self, item: str) -> None:
        self._list("left_records", item)

    def note_review(self, item: str) -> None:
        self._list("review", item)

    def _list(self, name: str, item: str) -> None:
        listed = getattr(self, name)
        if len(listed) < MAX_LISTED:
            listed.append(item)
        else:
            self.more[name] += 1

    def lines(self) -> list[str]:
        kinds = sorted(set(self.created) | set(self.matched))
        out = [
            f"{kind}: {self.created[kind]} created, {self.matched[kind]} matched" for kind in kinds
        ]
        out += [f"not kept: {item}" for item in self.left]
        out += [f"left: {item}" for item in self.left_records]
        if self.more["left_records"]:
            out.append(f"left: {self.more['left_records']} more records")
        out += [f"to review: {item}" for item in self.review]
        if self.more["review"]:
            out.append(f"to review: {self.more['review']} more")
        return out
