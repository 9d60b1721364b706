from django.db.models.functions import TruncDate

from kinfolio.casework.models import CaseNote, Document, Visit
from kinfolio.chronology.events import Lines


def _visit(visit: Visit) -> str:
    seen = "seen alone" if visit.seen_alone else "seen" if visit.seen else "not seen"
    return f"{visit.get_kind_display()} (child {seen})"


LINES = [
    Lines(
        "Visit",
        Visit,
        "visit_date",
        _visit,
        lambda v: f"By {v.worker}",
        reads=("kind", "seen", "seen_alone", "worker__given_name", "worker__family_name"),
    ),
    Lines(
        "Case note",
        CaseNote,
        TruncDate("written_at"),
        lambda n: n.get_note_type_display(),
        lambda n: f"By {n.author}",
        reads=("note_type", "author__given_name", "author__family_name"),
    ),
    Lines(
        "Document",
        Document,
        TruncDate("uploaded_at"),
        lambda d: f"Document added: {d.title}",
        lambda d: d.get_kind_display(),
        reads=("title", "kind"),
    ),
]
