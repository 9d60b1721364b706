"""Writing and correcting case notes: each a service with its rules and its history."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolio.accounts.models import Role, User
from kinfolio.audit.models import ChangeEvent
from kinfolio.audit.services.history import changes, record_event, snapshot
from kinfolio.casework.models import CaseNote, CaseNoteType
from kinfolio.core.versions import guard_version
from kinfolio.people.models import Person
from kinfolio.workforce.models import Worker

# Managers correct notes in their oversight role; other workers only their own.
MANAGERS = frozenset({Role.TEAM_MANAGER, Role.SERVICE_MANAGER})


def _worker(user: User) -> Worker:
    worker = Worker.objects.filter(user=user).first()
    if worker is None:
        raise ValidationError("Only a member of staff with a worker record can write case notes")
    return worker


def _check(note_type: str, body: str) -> None:
    errors = {}
    if note_type not in CaseNoteType.values:
        errors["note_type"] = "Select the type of note"
    if not body.strip():
        errors["body"] = "Enter the case note"
    if errors:
        raise ValidationError(errors)


def add_case_note(*, child: Person, note_type: str, body: str, by: User) -> CaseNote:
    """A worker writes a note on the child's record, dated now."""
    _check(note_type, body)
    author = _worker(by)
    with transaction.atomic():
        note = CaseNote.objects.create(
            child=child,
            author=author,
            written_at=timezone.now(),
            note_type=note_type,
            body=body.strip(),
        )
        record_event(
            by=by,
            instance=note,
            child=child,
            changes=changes(None, note),
            kind=ChangeEvent.Kind.CREATED,
        )
    return note


def edit_case_note(
    *, note: CaseNote, note_type: str, body: str, opened_version: int | None, by: User
) -> CaseNote:
    """The author (or a manager) corrects a note. Refused when someone saved it after the author
    opened it (``StaleRecord``): nobody's words are silently overwritten."""
    _check(note_type, body)
    author = _worker(by)
    with transaction.atomic():
        note = CaseNote.objects.select_for_update().get(pk=note.pk)
        if note.author_id != author.pk and by.role not in MANAGERS:
            raise ValidationError("Only the author of a case note or a manager can change it")
        before = snapshot(note)
        guard_version(instance=note, opened_version=opened_version)
        note.note_type, note.body = note_type, body.strip()
        note.save()
        record_event(by=by, instance=note, child=note.child, changes=changes(before, note))
    return note
