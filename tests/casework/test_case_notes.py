"""Case note services: each rule both ways; nothing written and no history on refusal."""

import pytest
from django.core.exceptions import ValidationError

from kinfolio.accounts.models import Role
from kinfolio.audit.models import ChangeEvent
from kinfolio.casework.models import CaseNote
from kinfolio.casework.services import case_notes
from kinfolio.core.versions import StaleRecord
from tests.factories import CaseNoteFactory, ChildFactory
from tests.factories_accounts import staff

pytestmark = pytest.mark.django_db


def test_add_case_note_writes_the_note_and_its_history():
    user = staff(Role.SOCIAL_WORKER)
    child = ChildFactory()

    note = case_notes.add_case_note(
        child=child, note_type="phone_call", body=" Mum rang. ", by=user
    )

    assert (note.body, note.author, note.version) == ("Mum rang.", user.worker, 1)
    assert ChangeEvent.objects.filter(object_id=str(note.pk), kind="created", child=child).exists()


@pytest.mark.parametrize(
    ("note_type", "body", "field", "message"),
    [
        ("case_note", "  ", "body", "Enter the case note"),
        ("gossip", "Mum rang.", "note_type", "Select the type of note"),
    ],
)
def test_add_case_note_refuses_an_incomplete_note(note_type, body, field, message):
    user = staff(Role.SOCIAL_WORKER)

    with pytest.raises(ValidationError) as refused:
        case_notes.add_case_note(child=ChildFactory(), note_type=note_type, body=body, by=user)

    assert refused.value.message_dict == {field: [message]}
    assert not CaseNote.objects.exists()
    assert not ChangeEvent.objects.exists()


def test_add_case_note_refuses_someone_without_a_worker_record(make_user):
    with pytest.raises(ValidationError, match="worker record"):
        case_notes.add_case_note(
            child=ChildFactory(), note_type="case_note", body="Hello", by=make_user()
        )
    assert not CaseNote.objects.exists()
    assert not ChangeEvent.objects.exists()


def test_edit_case_note_by_its_author_steps_the_version_and_records_the_change():
    user = staff(Role.SOCIAL_WORKER)
    note = CaseNoteFactory(author=user.worker, body="Visited.")

    note = case_notes.edit_case_note(
        note=note,
        note_type="case_note",
        body="Visited; Sam was at school.",
        opened_version=1,
        by=user,
    )

    assert note.version == 2
    change = ChangeEvent.objects.get(object_id=str(note.pk), field="body")
    assert (change.old_value, change.new_value, change.version) == (
        "Visited.",
        "Visited; Sam was at school.",
        2,
    )


def test_edit_case_note_by_a_manager_is_allowed():
    note = CaseNoteFactory(body="Visited.")

    note = case_notes.edit_case_note(
        note=note,
        note_type="management_oversight",
        body="Seen: agree plan.",
        opened_version=1,
        by=staff(Role.TEAM_MANAGER),
    )

    assert note.note_type == "management_oversight"


def test_edit_case_note_refuses_another_worker():
    note = CaseNoteFactory(body="Visited.")

    with pytest.raises(ValidationError, match="Only the author"):
        case_notes.edit_case_note(
            note=note,
            note_type="case_note",
            body="Changed",
            opened_version=1,
            by=staff(Role.SOCIAL_WORKER),
        )

    note.refresh_from_db()
    assert (note.body, note.version) == ("Visited.", 1)
    assert not ChangeEvent.objects.exists()


def test_edit_case_note_refuses_a_stale_version_and_says_what_changed():
    author = staff(Role.SOCIAL_WORKER, username="author")
    note = CaseNoteFactory(author=author.worker, body="Visited.")
    case_notes.edit_case_note(
        note=note,
        note_type="case_note",
        body="Manager's words",
        opened_version=1,
        by=staff(Role.TEAM_MANAGER, username="manager"),
    )

    with pytest.raises(StaleRecord) as refused:
        case_notes.edit_case_note(
            note=note, note_type="case_note", body="Author's words", opened_version=1, by=author
        )

    assert "changed by manager" in refused.value.message
    assert [c.new_value for c in refused.value.changes] == ["Manager's words"]
    note.refresh_from_db()
    assert (note.body, note.version) == ("Manager's words", 2)
    assert ChangeEvent.objects.count() == 1
