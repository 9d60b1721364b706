"""Write a return to disk: the one entry point the commands, the page and the
validation task share."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from django.utils import timezone

from kinfolio.returns.cin.export import export_cin
from kinfolio.returns.ssda903.export import export_ssda903
from kinfolio.returns.years import CollectionYear

Progress = Callable[[int, int], None] | None


def write_return(
    kind: str, year: CollectionYear, target: Path, *, progress: Progress = None
) -> Path:
    """Write the CIN census to the file ``target`` or the SSDA903 tables into the
    folder ``target``; return what the validator should read."""
    if kind == "cin":
        export_cin(year, target, now=timezone.localtime(), progress=progress)
    else:
        export_ssda903(year, target, progress=progress)
    return target


def default_target(kind: str, year: CollectionYear, folder: Path) -> Path:
    return folder / (f"cin-census-{year.slug}.xml" if kind == "cin" else f"ssda903-{year.slug}")


def zip_return(kind: str, year: CollectionYear, folder: Path) -> Path:
    """The return written into ``folder`` and packed as one zip file for download."""
    target = write_return(kind, year, default_target(kind, year, folder))
    archive = folder / f"{kind}-{year.slug}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as packed:
        files = [target] if target.is_file() else sorted(target.glob("*.csv"))
        for path in files:
            packed.write(path, arcname=path.name)
    return archive
