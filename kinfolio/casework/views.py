"""Case note pages: thin views over casework.services through the recording pattern."""

from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.audit.services import record_access
from kinfolio.casework.forms import CaseNoteForm, DocumentForm
from kinfolio.casework.models import CaseNote, Document
from kinfolio.casework.services import case_notes, documents
from kinfolio.people.access import child_for
from kinfolio.recording.pages import child_page


@permission_required(Permission.RECORD_CASEWORK)
def add_case_note(request, local_id: str):
    child = child_for(request.user, local_id)
    record_url = reverse("people:child", args=[child.local_id])
    return child_page(
        request,
        child,
        return_url=record_url,
        form_class=CaseNoteForm,
        service=case_notes.add_case_note,
        arguments={"child": child},
        title="Add a case note",
        success_message="Case note added",
    )


@permission_required(Permission.RECORD_CASEWORK)
def edit_case_note(request, local_id: str, note_id: int):
    child = child_for(request.user, local_id)
    note = get_object_or_404(CaseNote, pk=note_id, child=child)
    record_url = reverse("people:child", args=[child.local_id])
    return child_page(
        request,
        child,
        return_url=record_url,
        form_class=CaseNoteForm,
        service=case_notes.edit_case_note,
        arguments={"note": note},
        instance=note,
        initial={"note_type": note.note_type, "body": note.body},
        title="Change a case note",
        success_message="Case note changed",
    )


@permission_required(Permission.RECORD_CASEWORK)
def upload_document(request, local_id: str):
    child = child_for(request.user, local_id)
    documents_url = reverse("people:child-documents", args=[child.local_id])
    return child_page(
        request,
        child,
        return_url=documents_url,
        form_class=DocumentForm,
        service=documents.upload_document,
        arguments={"child": child},
        title="Upload a document",
        success_message="Document uploaded",
        submit_label="Upload",
    )


@require_GET
@permission_required(Permission.VIEW_CHILD_RECORD)
def download_document(request, local_id: str, document_id: int):
    """The only way a document leaves the server: the child must be one the user may
    see, and the download is logged."""
    child = child_for(request.user, local_id)
    document = get_object_or_404(Document, pk=document_id, child=child)
    record_access(
        by=request.user,
        action="export",
        request=request,
        child=child,
        object_ref=f"casework.document:{document.pk}",
    )
    extension = document.file.name.rsplit(".", 1)[-1].lower()
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=f"{child.local_id}-document-{document.pk}.{extension}",
    )
