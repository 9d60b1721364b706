"""Documents on a child's record: uploads are checked for type and size before they are
kept, in storage outside the web root (``casework.models.document_storage``), and are
only ever served through a permission-checked, logged view."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from kinfolio.casework.models import Document, DocumentKind
from kinfolio.core.writes import create_record
from kinfolio.people.models import Person
from kinfolio.workforce.models import Worker

# What a case file holds: the extension must match the file's own first bytes (its
# signature), so a program renamed to .pdf is refused. Four formats need no library.
SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".docx": (b"PK\x03\x04",),
}
ALLOWED = "PDF, PNG, JPG or DOCX"


def _check_file(file: UploadedFile | None) -> str | None:
    if file is None:
        return "Select a file to upload"
    limit = settings.KINFOLIO_MAX_UPLOAD_MB * 1024 * 1024
    if file.size > limit:
        return f"The file must be smaller than {settings.KINFOLIO_MAX_UPLOAD_MB} MB"
    if file.size == 0:
        return "The selected file is empty"
    extension = "." + file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
    start = file.read(16)
    file.seek(0)
    if not any(start.startswith(sig) for sig in SIGNATURES.get(extension, ())):
        return f"The selected file must be a {ALLOWED}"
    return None


def upload_document(
    *, child: Person, title: str, kind: str, file: UploadedFile | None, by
) -> Document:
    errors = {}
    if not (title or "").strip():
        errors["title"] = "Enter a title for the document"
    if kind not in DocumentKind.values:
        errors["kind"] = "Select what kind of document this is"
    problem = _check_file(file)
    if problem:
        errors["file"] = problem
    if errors:
        raise ValidationError(errors)
    worker = Worker.objects.filter(user=by).first()
    if worker is None:
        raise ValidationError("Only a member of staff with a worker record can upload documents")
    document = Document(
        child=child,
        title=title.strip(),
        kind=kind,
        uploaded_at=timezone.now(),
        uploaded_by=worker,
        file=file,
    )
    return create_record(instance=document, by=by, child=child)
