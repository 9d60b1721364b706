"""Loads postcode locations from a publication a council downloads itself.

Two publications are read, both under the Open Government Licence v3.0 (they contain
OS data © Crown copyright and database right; ONS data © Crown copyright):

- the ONS Postcode Directory (ONSPD, Office for National Statistics; the National
  Statistics Postcode Lookup has the same columns): a CSV with a header row, of which
  this reads ``pcds`` (the postcode; ``pcd``, ``pcd2``, ``pcd7`` or ``pcd8`` when it
  has no ``pcds``), ``lat`` and ``long`` (WGS84 degrees). Postcodes the ONS cannot
  place carry latitude 99.999999 and are left out.
- OS Code-Point Open (Ordnance Survey): CSV files without a header row whose columns
  are Postcode, Positional_quality_indicator, Eastings, Northings, ... (OSGB36 British
  National Grid metres, converted to WGS84 by ``convertbng`` with OS's OSTN15
  transformation). Rows with quality indicator 90 have no coordinates and are left out.

A load is all or nothing: a row that cannot be read refuses the whole load, naming the
file and line, and nothing is written.
"""

import csv
import io
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from convertbng.cutil import convert_lonlat
from django.db import transaction

from kinfolio.postcodes.models import PostcodeLocation, normalise_postcode

ONSPD = "ONS Postcode Directory"
CODE_POINT_OPEN = "OS Code-Point Open"
ONSPD_POSTCODE_COLUMNS = ("pcds", "pcd", "pcd2", "pcd8", "pcd7")
ONSPD_NO_LOCATION_LATITUDE = 99.999999
CODE_POINT_NO_COORDINATES = "90"
BATCH = 5_000


class LoadRefused(Exception):
    """A file could not be read; nothing was loaded."""


@dataclass(frozen=True)
class LoadResult:
    loaded: int
    without_location: int
    source: str


@dataclass(frozen=True)
class _Row:
    where: str
    postcode: str
    first: float  # latitude (ONSPD) or eastings (Code-Point Open)
    second: float  # longitude or northings


def load(
    paths: Iterable[Path], *, published: date, areas: Iterable[str] = (), source: str = ""
) -> LoadResult:
    """Store the locations in ``paths`` (replacing those of the same postcodes), only
    for postcodes starting with one of ``areas`` when given."""
    prefixes = tuple(a.strip().upper() for a in areas if a.strip())
    loaded = skipped = 0
    kinds = set()
    with transaction.atomic():
        for path in paths:
            kind, rows = _read(Path(path))
            kinds.add(kind)
            batch: list[_Row] = []
            for row in rows:
                if row is None:
                    skipped += 1
                elif not prefixes or row.postcode.startswith(prefixes):
                    batch.append(row)
                if len(batch) >= BATCH:
                    loaded += _store(kind, batch, source=source or kind, published=published)
                    batch = []
            loaded += _store(kind, batch, source=source or kind, published=published)
    return LoadResult(loaded, skipped, source or " and ".join(sorted(kinds)))


def _read(path: Path) -> tuple[str, Iterator[_Row | None]]:
    try:
        handle = io.TextIOWrapper(path.open("rb"), encoding="utf-8-sig", newline="")
    except OSError as error:
        raise LoadRefused(f"{path}: {error.strerror}") from error
    reader = csv.reader(handle)
    first = next(reader, None)
    if first is None:
        raise LoadRefused(f"{path}: the file is empty")
    header = [name.strip().lower() for name in first]
    if "lat" in header and "long" in header:
        column = next((c for c in ONSPD_POSTCODE_COLUMNS if c in header), None)
        if column is None:
            raise LoadRefused(f"{path}: no postcode column (pcds) in the header row")
        at = (header.index(column), header.index("lat"), header.index("long"))
        return ONSPD, _onspd_rows(path, reader, at)
    if normalise_postcode(first[0]) and len(first) >= 4:
        return CODE_POINT_OPEN, _code_point_rows(path, [first], reader)
    raise LoadRefused(
        f"{path}: not the ONS Postcode Directory (a header with pcds, lat and long) "
        "nor OS Code-Point Open (postcode, quality, eastings, northings)"
    )


def _onspd_rows(path: Path, reader, at: tuple[int, int, int]) -> Iterator[_Row | None]:
    for row in reader:
        where = f"{path}, line {reader.line_num}"
        postcode, latitude, longitude = (_field(row, i, where) for i in at)
        latitude, longitude = _number(latitude, where), _number(longitude, where)
        if latitude == ONSPD_NO_LOCATION_LATITUDE:
            yield None
            continue
        _in_the_uk(latitude, longitude, where)
        yield _Row(where, _postcode(postcode, where), latitude, longitude)


def _code_point_rows(path: Path, first: list, reader) -> Iterator[_Row | None]:
    for number, row in enumerate(_chain(first, reader), start=1):
        where = f"{path}, line {number}"
        postcode, quality = _field(row, 0, where), _field(row, 1, where)
        eastings, northings = _field(row, 2, where), _field(row, 3, where)
        if quality.strip() == CODE_POINT_NO_COORDINATES:
            yield None
            continue
        yield _Row(
            where, _postcode(postcode, where), _number(eastings, where), _number(northings, where)
        )


def _chain(first: list, reader) -> Iterator[list]:
    yield from first
    yield from reader


def _store(kind: str, rows: list[_Row], *, source: str, published: date) -> int:
    if not rows:
        return 0
    points = [(row.first, row.second) for row in rows]
    if kind == CODE_POINT_OPEN:
        points = latitudes_longitudes(points)
        for row, (latitude, longitude) in zip(rows, points, strict=True):
            _in_the_uk(latitude, longitude, row.where)
    PostcodeLocation.objects.bulk_create(
        [
            PostcodeLocation(
                postcode=row.postcode,
                latitude=latitude,
                longitude=longitude,
                source=source,
                source_date=published,
            )
            for row, (latitude, longitude) in zip(rows, points, strict=True)
        ],
        update_conflicts=True,
        unique_fields=["postcode"],
        update_fields=["latitude", "longitude", "source", "source_date"],
    )
    return len(rows)


def latitudes_longitudes(grid: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """WGS84 (latitude, longitude) of British National Grid (eastings, northings) in
    metres, by OS's OSTN15 transformation (``convertbng``)."""
    longitudes, latitudes = convert_lonlat([p[0] for p in grid], [p[1] for p in grid])
    return list(zip(latitudes.tolist(), longitudes.tolist(), strict=True))


def _field(row: list, index: int, where: str) -> str:
    if index >= len(row):
        raise LoadRefused(f"{where}: the row has too few columns")
    return row[index]


def _number(text: str, where: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise LoadRefused(f"{where}: {text!r} is not a number") from None
    if not math.isfinite(value):
        raise LoadRefused(f"{where}: {text!r} is not a number")
    return value


def _postcode(text: str, where: str) -> str:
    postcode = normalise_postcode(text)
    if not postcode:
        raise LoadRefused(f"{where}: {text!r} is not a postcode")
    return postcode


def _in_the_uk(latitude: float, longitude: float, where: str) -> None:
    if not (49 <= latitude <= 61 and -9 <= longitude <= 2):
        raise LoadRefused(f"{where}: {latitude}, {longitude} is not in the UK")
