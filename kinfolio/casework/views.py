"""Case note pages: thin views over casework.services through the recording pattern."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.casework.forms import CaseNoteForm
from kinfolio.casework.models import CaseNote
from kinfolio.casework.services import case_notes
from kinfolio.people.access import child_for
from kinfolio.recording.pages import record_page


@permission_required(Permission.RECORD_CASEWORK)
def add_case_note(request, local_id: str):
    child = child_for(request.user, local_id)
    record_url = reverse("people:child", args=[child.local_id])
    return record_page(
        request,
        form_class=CaseNoteForm,
        service=case_notes.add_case_note,
        arguments={"child": child},
        child=child,
        title="Add a case note",
        caption=child.full_name,
        success_url=record_url,
        success_message="Case note added",
        back_url=record_url,
    )


@permission_required(Permission.RECORD_CASEWORK)
def edit_case_note(request, local_id: str, note_id: int):
    child = child_for(request.user, local_id)
    note = get_object_or_404(CaseNote, pk=note_id, child=child)
    record_url = reverse("people:child", args=[child.local_id])
    return record_page(
        request,
        form_class=CaseNoteForm,
        service=case_notes.edit_case_note,
        arguments={"note": note},
        child=child,
        instance=note,
        initial={"note_type": note.note_type, "body": note.body},
        title="Change a case note",
        caption=child.full_name,
        success_url=record_url,
        success_message="Case note changed",
        back_url=record_url,
    )
