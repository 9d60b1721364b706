"""Subject access requests: everything held about a person, as one zip bundle.

The bundle holds one JSON file per kind of record (Django's serialisation: model, id and
every field), the files of any documents that are still in storage, a manifest, and
``summary.html`` for a person to read. Making it is written to the access log (action
"export"). The data protection officer still checks the bundle for other people's
information before it is released: Kinfolio does not redact.
"""

import json
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from tempfile import SpooledTemporaryFile

from django.core import serializers
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from kinfolio.audit.models import AccessAction
from kinfolio.audit.services.access_log import record_access
from kinfolio.audit.subject_access import RecordSet, records_about
from kinfolio.casework.models import Document
from kinfolio.people.models import Person

IN_MEMORY_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class SubjectAccessBundle:
    filename: str
    file: SpooledTemporaryFile
    record_sets: list[RecordSet]


def export_person(person: Person, *, by, request: HttpRequest | None = None) -> SubjectAccessBundle:
    """Build the bundle for ``person`` and log the export; return the open zip file."""
    exported_at = timezone.now()
    record_sets = records_about(person)
    # Left open for the caller: the view's FileResponse streams and then closes it.
    buffer = SpooledTemporaryFile(max_size=IN_MEMORY_BYTES)  # noqa: SIM115
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for record_set in record_sets:
            rows = list(record_set.rows.values())
            bundle.writestr(record_set.file_name, serializers.serialize("json", rows, indent=2))
        files = _write_documents(bundle, record_sets)
        manifest = {
            "person": person.local_id,
            "exported_at": exported_at.isoformat(),
            "exported_by": by.get_username(),
            "records": {s.file_name: len(s.rows) for s in record_sets},
            "document_files": files,
        }
        bundle.writestr("manifest.json", json.dumps(manifest, indent=2))
        bundle.writestr(
            "summary.html",
            render_to_string(
                "audit/sar_bundle_summary.html",
                {
                    "person": person,
                    "record_sets": record_sets,
                    "exported_at": exported_at,
                    "exported_by": by,
                    "files": files,
                },
            ),
        )
    record_access(
        by=by,
        action=AccessAction.EXPORT,
        request=request,
        child=person,
        object_ref=f"Subject access export for {person.local_id}",
    )
    buffer.seek(0)
    filename = f"subject-access-{person.local_id}-{exported_at:%Y%m%d}.zip"
    return SubjectAccessBundle(filename, buffer, record_sets)


def _write_documents(bundle: zipfile.ZipFile, record_sets: list[RecordSet]) -> list[str]:
    """Copy each document's file, when it is still in storage, under documents/."""
    written = []
    for record_set in record_sets:
        if record_set.model is not Document:
            continue
        for document in record_set.rows.values():
            name = document.file.name
            if not name or not document.file.storage.exists(name):
                continue
            arcname = f"documents/{document.pk}-{PurePosixPath(name).name}"
            with (
                document.file.storage.open(name, "rb") as source,
                bundle.open(arcname, "w") as target,
            ):
                shutil.copyfileobj(source, target)
            written.append(arcname)
    return written
