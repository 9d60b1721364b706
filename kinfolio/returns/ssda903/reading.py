"""Read and check an SSDA903 return's CSV files before anything is written.

Each file is recognised by its header row (as the DfE validator does); a byte-order
mark is accepted. The files are streamed: a csv reader over each file checks every row
for its column count, dates, codes and needed values, and the rows are staged in the
database a batch at a time (``StagedRow``). The tables are then checked against each
other there (a row duplicated, a child absent from Header), so memory stays the same
whatever the files' size. Every problem is collected with its file, row, field and
value, so that a council sees them at once (the first ``MAX_PROBLEMS``, and how many
more).

Where the line falls. These are *structural* problems, which refuse the whole import:
the return cannot be read as the DfE defines it, so whatever were imported would not
be what the council sent (a file of unknown columns, a row of the wrong length, a date
that is not a date, a code outside a code set Kinfolio stores, a needed value missing,
a duplicated row, a child whose records have no Header row). Everything else the DfE's
*validation rules* check (an episode that ends before it starts, a review outside
care, a placement not allowed for the legal status) is a data-quality finding: the
records are imported as they are, and the council sees the findings on the Returns
page when it validates the year, where each links to the child's record. A record
that Kinfolio's own rules cannot hold at all is left and listed in the summary
(``importer``).
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import connection
from django.db.models import Count

from kinfolio import codesets
from kinfolio.returns.importing import Problem
from kinfolio.returns.models import StagedRow
from kinfolio.returns.ssda903.tables import BY_NAME, Table, table_for_columns

BATCH = 1000  # rows staged at once
MAX_PROBLEMS = 200  # problems kept to show; the rest are counted
CHILD_LENGTH = StagedRow._meta.get_field("child").max_length
DATE_COLUMNS = {
    "DOB",
    "DECOM",
    "DEC",
    "REVIEW",
    "DUC",
    "DATE_INT",
    "DATE_MATCH",
    "DATE_PLACED",
    "DATE_PLACED_CEASED",
    "DATE_PERM",
    "MIS_START",
    "MIS_END",
    "SW_DECOM",
    "SW_DEC",
    "MC_DOB",
    "DOLO_START",
    "DOLO_END",
}
# The date that orders a child's rows in each table.
ORDER_DATE = {
    "Episodes": "DECOM",
    "Reviews": "REVIEW",
    "Missing": "MIS_START",
    "SWEpisodes": "SW_DECOM",
    "PrevPerm": "DATE_PERM",
}
CODE_COLUMNS = {
    ("Header", "ETHNIC"): codesets.ETHNICITY,
    ("Header", "SEX"): codesets.SEX,
    ("Episodes", "RNE"): codesets.REASON_NEW_EPISODE,
    ("Episodes", "LS"): codesets.LEGAL_STATUS,
    ("Episodes", "CIN"): codesets.CATEGORY_OF_NEED_LOOKED_AFTER,
    ("Episodes", "PLACE"): codesets.PLACEMENT_TYPE,
    ("Episodes", "PLACE_PROVIDER"): codesets.PLACEMENT_PROVIDER,
    ("Episodes", "REC"): codesets.REASON_EPISODE_CEASED,
    ("Episodes", "REASON_PLACE_CHANGE"): codesets.REASON_PLACE_CHANGE,
    ("Reviews", "REVIEW_CODE"): codesets.REVIEW_PARTICIPATION,
    ("Missing", "MISSING"): codesets.MISSING_TYPE,
    ("PrevPerm", "PREV_PERM"): codesets.PREVIOUS_PERMANENCE,
    ("PrevPerm", "LA_PERM"): codesets.LOCAL_AUTHORITY,
    ("SWEpisodes", "SW_REASON"): codesets.SOCIAL_WORKER_CHANGE_REASON,
}
# Columns a row cannot do without.
REQUIRED = {
    "Header": ("CHILD", "SEX", "DOB"),
    "Episodes": ("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE"),
    "Reviews": ("CHILD", "REVIEW"),
    "Missing": ("CHILD", "MISSING", "MIS_START"),
    "SWEpisodes": ("CHILD", "SW_ID", "SW_DECOM"),
}


def parse_date(text: str) -> date:
    """dd/mm/yyyy (``DATE_FORMAT``) to a date; ValueError for anything else. Split by
    hand: strptime took a third of an import's time."""
    day, month, year = text.strip().split("/")  # ValueError unless three parts
    if not (len(day) == len(month) == 2 and len(year) == 4 and (day + month + year).isdigit()):
        raise ValueError(f"{text!r} is not dd/mm/yyyy")
    return date(int(year), int(month), int(day))


def dated(row: dict[str, str]) -> dict:
    """A staged row with its dates as dates (they were checked when it was staged)."""
    return {
        column: parse_date(value) if column in DATE_COLUMNS and value else value
        for column, value in row.items()
    }


@dataclass
class Problems:
    """The problems found: the first ``MAX_PROBLEMS`` kept, the rest counted."""

    kept: list[Problem] = field(default_factory=list)
    more: int = 0

    def add(self, problem: Problem) -> None:
        if len(self.kept) < MAX_PROBLEMS:
            self.kept.append(problem)
        else:
            self.more += 1

    def __bool__(self) -> bool:
        return bool(self.kept)

    def all(self, where: str) -> list[Problem]:
        if not self.more:
            return self.kept
        return [*self.kept, Problem(where, "", "", "", f"… and {self.more} more problems.")]


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    # utf-8-sig drops a byte-order mark; the file is read a line at a time.
    with open(path, newline="", encoding="utf-8-sig") as handle:
        try:
            yield from enumerate(csv.reader(handle), start=1)
        except (UnicodeDecodeError, csv.Error) as error:
            raise _Unreadable(str(error)) from error


class _Unreadable(Exception):
    pass


def stage_folder(folder: Path, import_id: str) -> tuple[set[str], Problems]:
    """Check every file and stage its rows; return the tables found and the problems."""
    problems = Problems()
    files = sorted(folder.glob("*.csv"))
    if not files:
        problems.add(Problem(str(folder), "", "", "", "No CSV files were found."))
    found: set[str] = set()
    for path in files:
        try:
            _stage_file(path, import_id, found, problems)
        except _Unreadable as error:
            problems.add(Problem(path.name, "", "", "", f"Not a UTF-8 CSV file: {error}"))
    if "Header" not in found and files:
        problems.add(
            Problem(str(folder), "", "", "", "There is no Header table (CHILD, SEX, DOB, …).")
        )
    _check_duplicates(import_id, problems)
    if "Header" in found:
        _check_children_in_header(import_id, problems)
    return found, problems


def _stage_file(path: Path, import_id: str, found: set[str], problems: Problems) -> None:
    rows = _rows(path)
    first = next(rows, None)
    if first is None:
        problems.add(Problem(path.name, "row 1", "", "", "The file is empty."))
        return
    table = table_for_columns(first[1])
    if table is None:
        expected = "; ".join(f"{t.name}: {','.join(t.columns)}" for t in BY_NAME.values())
        problems.add(
            Problem(
                path.name,
                "row 1",
                "header",
                ",".join(first[1]),
                f"The columns are not those of any SSDA903 table ({expected}).",
            )
        )
        return
    if table.name in found:
        problems.add(Problem(path.name, "row 1", "", "", f"A second {table.name} table."))
        return
    found.add(table.name)
    batch: list[StagedRow] = []
    for number, values in rows:
        staged = _staged(table, path.name, number, values, import_id, problems)
        if staged is not None:
            batch.append(staged)
        if len(batch) == BATCH:
            _insert(batch)
            batch = []
    _insert(batch)


def _insert(rows: list[StagedRow]) -> None:
    """Stage the rows in one statement (bulk_create's own work per row was most of the
    time an import took)."""
    if not rows:
        return
    fields = [f for f in StagedRow._meta.concrete_fields if not f.primary_key]
    table = connection.ops.quote_name(StagedRow._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    places = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({places})",
            [
                [f.get_db_prep_save(getattr(row, f.attname), connection) for f in fields]
                for row in rows
            ],
        )


def _staged(
    table: Table, file: str, number: int, values: list[str], import_id: str, problems: Problems
) -> StagedRow | None:
    where = f"row {number}"
    if len(values) != len(table.columns):
        problems.add(
            Problem(file, where, "", ",".join(values), f"Expected {len(table.columns)} values.")
        )
        return None
    row = {column: value.strip() for column, value in zip(table.columns, values, strict=True)}
    if not _check_row(table.name, row, file, where, problems) and table.name != "Header":
        return None  # a Header row is kept to say its child is there
    order = ORDER_DATE.get(table.name)
    return StagedRow(
        import_id=import_id,
        table=table.name,
        file=file,
        line=number,
        child=row["CHILD"][:CHILD_LENGTH],
        day=parse_date(row[order]) if order and row[order] else None,
        digest=hashlib.sha1("\x1f".join(row.values()).encode()).hexdigest(),
        values=row,
    )


def _check_row(table: str, row: dict, file: str, where: str, problems: Problems) -> bool:
    ok = True
    for column in REQUIRED.get(table, ("CHILD",)):
        if not row[column]:
            problems.add(Problem(file, where, column, "", "This value is needed."))
            ok = False
    if len(row["CHILD"]) > CHILD_LENGTH:
        problems.add(
            Problem(file, where, "CHILD", row["CHILD"], f"Longer than {CHILD_LENGTH} characters.")
        )
        ok = False
    for column, value in row.items():
        if not value:
            continue
        if column in DATE_COLUMNS:
            try:
                parse_date(value)
            except ValueError:
                problems.add(Problem(file, where, column, value, "Enter the date as dd/mm/yyyy."))
                ok = False
        elif (table, column) in CODE_COLUMNS and value not in CODE_COLUMNS[(table, column)]:
            problems.add(
                Problem(
                    file,
                    where,
                    column,
                    value,
                    f"Not a code of {CODE_COLUMNS[(table, column)].name}.",
                )
            )
            ok = False
    return ok


def _check_duplicates(import_id: str, problems: Problems) -> None:
    """A row repeated in its table (a Header's CHILD repeated, in Header): every repeat
    after the first is a problem."""
    staged = StagedRow.objects.filter(import_id=import_id)
    twice = staged.values("table", "digest").annotate(n=Count("pk")).filter(n__gt=1).order_by()
    header_twice = (
        staged.filter(table="Header").values("child").annotate(n=Count("pk")).filter(n__gt=1)
    )
    repeated = staged.filter(
        pk__in=staged.filter(
            table__in=twice.values("table"), digest__in=twice.values("digest")
        ).values("pk")
    ) | staged.filter(table="Header", child__in=header_twice.values("child"))
    seen: set[tuple] = set()
    for row in repeated.order_by("file", "line").iterator():
        key = (row.table, row.child) if row.table == "Header" else (row.table, row.digest)
        if key in seen:
            problems.add(
                Problem(
                    row.file,
                    f"row {row.line}",
                    "",
                    ",".join(row.values[c] for c in BY_NAME[row.table].columns),
                    "This row is a duplicate of an earlier one."
                    if row.table != "Header"
                    else "This child is a duplicate of an earlier row in Header.",
                )
            )
        seen.add(key)


def _check_children_in_header(import_id: str, problems: Problems) -> None:
    staged = StagedRow.objects.filter(import_id=import_id)
    header = staged.filter(table="Header").values("child")
    for row in (
        staged.exclude(table="Header")
        .exclude(child__in=header)
        .order_by("file", "line")[: MAX_PROBLEMS + 1]
    ):
        problems.add(
            Problem(
                row.file,
                f"row {row.line}",
                "CHILD",
                row.child,
                "This child is not in the Header table.",
            )
        )
