"""Returns uploaded on the Returns page: kept under the var folder between the preview
(a dry run) and the import the analyst confirms, then removed."""

from __future__ import annotations

import re
import shutil
import uuid
import zipfile
from pathlib import Path

from django.conf import settings

from kinfolio.returns.cin.importer import import_cin
from kinfolio.returns.importing import ImportRefused, Problem, Summary
from kinfolio.returns.ssda903.importer import import_ssda903

MAX_UNZIPPED = 500 * 1024 * 1024  # an SSDA903 zip may not unpack to more (zip bombs)
_TOKEN = re.compile(r"^[0-9a-f]{32}$")


def _folder(token: str) -> Path:
    if not _TOKEN.match(token):
        raise ValueError("Not an upload token")
    return Path(settings.VAR_DIR) / "return-uploads" / token


def stage(kind: str, upload) -> str:
    """Keep the uploaded file (the CIN XML, or a zip of the SSDA903 CSV files); return
    the token that names it."""
    token = uuid.uuid4().hex
    folder = _folder(token)
    folder.mkdir(parents=True)
    target = folder / ("census.xml" if kind == "cin" else "upload.zip")
    with open(target, "wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    if kind == "ssda903":
        _unzip_csvs(target, folder / "tables")
    return token


def _unzip_csvs(archive: Path, into: Path) -> None:
    into.mkdir()
    try:
        with zipfile.ZipFile(archive) as packed:
            members = [m for m in packed.infolist() if m.filename.lower().endswith(".csv")]
            if sum(m.file_size for m in members) > MAX_UNZIPPED:
                raise ImportRefused(
                    [Problem(archive.name, "", "", "", "The zip unpacks too large.")]
                )
            for member in members:
                # Only the file's own name: a path inside the zip is never followed.
                with (
                    packed.open(member) as source,
                    open(into / Path(member.filename).name, "wb") as out,
                ):
                    shutil.copyfileobj(source, out)
    except zipfile.BadZipFile as error:
        raise ImportRefused(
            [Problem(archive.name, "", "", "", "This is not a zip file.")]
        ) from error


def run(kind: str, token: str, *, dry_run: bool, by) -> Summary:
    folder = _folder(token)
    if kind == "cin":
        return import_cin(folder / "census.xml", dry_run=dry_run, by=by)
    return import_ssda903(folder / "tables", dry_run=dry_run, by=by)


def discard(token: str) -> None:
    shutil.rmtree(_folder(token), ignore_errors=True)
