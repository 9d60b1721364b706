"""Reads of a child's visits, case notes and documents (the child is already one the
user may see: ``people.access.child_for``). Each is one query, paged by the view."""

from django.db.models import QuerySet

from kinfolio.casework.models import CaseNote, Document, Visit
from kinfolio.people.models import Person


def visits_for(child: Person) -> QuerySet[Visit]:
    """Newest first, with the worker and the child's voice (what they said, or why not)."""
    return Visit.objects.filter(child=child).select_related("worker").order_by("-visit_date", "-pk")


def case_notes_for(child: Person) -> QuerySet[CaseNote]:
    return (
        CaseNote.objects.filter(child=child).select_related("author").order_by("-written_at", "-pk")
    )


def documents_for(child: Person) -> QuerySet[Document]:
    return (
        Document.objects.filter(child=child)
        .select_related("uploaded_by")
        .order_by("-uploaded_at", "-pk")
    )
