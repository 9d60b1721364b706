from collections.abc import Iterator

from django.utils import timezone

from kinfolio.casework.models import CaseNote, Document, Visit
from kinfolio.chronology.events import ChronologyEvent
from kinfolio.people.models import Person


def events(child: Person) -> Iterator[ChronologyEvent]:
    for visit in Visit.objects.filter(child=child).select_related("worker"):
        seen = "seen alone" if visit.seen_alone else "seen" if visit.seen else "not seen"
        yield ChronologyEvent(
            visit.visit_date,
            "Visit",
            f"{visit.get_kind_display()} (child {seen})",
            f"By {visit.worker}",
            source=f"casework.visit:{visit.pk}",
        )
    for note in CaseNote.objects.filter(child=child).select_related("author"):
        yield ChronologyEvent(
            timezone.localtime(note.written_at).date(),
            "Case note",
            note.get_note_type_display(),
            f"By {note.author}",
            source=f"casework.casenote:{note.pk}",
        )
    for document in Document.objects.filter(child=child):
        yield ChronologyEvent(
            timezone.localtime(document.uploaded_at).date(),
            "Document",
            f"Document added: {document.title}",
            document.get_kind_display(),
            source=f"casework.document:{document.pk}",
        )
