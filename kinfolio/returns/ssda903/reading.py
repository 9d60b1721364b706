"""Read and check an SSDA903 return's CSV files before anything is written.

Each file is recognised by its header row (as the DfE validator does); a byte-order
mark is accepted. Every row is checked for its dates, its codes and duplicates, and
every problem is collected with its file, row, field and value, so that a council
sees them all at once.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from kinfolio import codesets
from kinfolio.returns.importing import Problem
from kinfolio.returns.ssda903.tables import BY_NAME, DATE_FORMAT, table_for_columns

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


@dataclass
class Return903:
    """The checked rows of every table found, by table name."""

    rows: dict[str, list[dict]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def parse_date(text: str) -> date:
    return datetime.strptime(text.strip(), DATE_FORMAT).date()


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    # utf-8-sig drops a byte-order mark; the file is read a line at a time.
    with open(path, newline="", encoding="utf-8-sig") as handle:
        yield from enumerate(csv.reader(handle), start=1)


def read_folder(folder: Path) -> Return903:
    result = Return903()
    files = sorted(folder.glob("*.csv"))
    if not files:
        result.problems.append(Problem(str(folder), "", "", "", "No CSV files were found."))
    for path in files:
        _read_file(path, result)
    if "Header" not in result.rows and files:
        result.problems.append(
            Problem(str(folder), "", "", "", "There is no Header table (CHILD, SEX, DOB, …).")
        )
    _check_children_in_header(result)
    return result


def _read_file(path: Path, result: Return903) -> None:
    rows = _rows(path)
    first = next(rows, None)
    if first is None:
        result.problems.append(Problem(path.name, "row 1", "", "", "The file is empty."))
        return
    table = table_for_columns(first[1])
    if table is None:
        expected = "; ".join(f"{t.name}: {','.join(t.columns)}" for t in BY_NAME.values())
        result.problems.append(
            Problem(
                path.name,
                "row 1",
                "header",
                ",".join(first[1]),
                f"The columns are not those of any SSDA903 table ({expected}).",
            )
        )
        return
    if table.name in result.rows:
        result.problems.append(Problem(path.name, "row 1", "", "", f"A second {table.name} table."))
        return
    kept: list[dict] = []
    seen: set[tuple] = set()
    for number, values in rows:
        where = f"row {number}"
        if len(values) != len(table.columns):
            result.problems.append(
                Problem(
                    path.name, where, "", ",".join(values), f"Expected {len(table.columns)} values."
                )
            )
            continue
        row = {column: value.strip() for column, value in zip(table.columns, values, strict=True)}
        key = tuple(row.values())
        if key in seen:
            result.problems.append(
                Problem(
                    path.name,
                    where,
                    "",
                    ",".join(values),
                    "This row is a duplicate of an earlier one.",
                )
            )
            continue
        seen.add(key)
        if _check_row(table.name, row, path.name, where, result.problems):
            row["_where"], row["_file"] = where, path.name
            kept.append(row)
    result.rows[table.name] = kept


def _check_row(table: str, row: dict, file: str, where: str, problems: list[Problem]) -> bool:
    ok = True
    for column in REQUIRED.get(table, ("CHILD",)):
        if not row[column]:
            problems.append(Problem(file, where, column, "", "This value is needed."))
            ok = False
    for column, value in row.items():
        if not value:
            continue
        if column in DATE_COLUMNS:
            try:
                row[column] = parse_date(value)
            except ValueError:
                problems.append(
                    Problem(file, where, column, value, "Enter the date as dd/mm/yyyy.")
                )
                ok = False
        elif (table, column) in CODE_COLUMNS and value not in CODE_COLUMNS[(table, column)]:
            problems.append(
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


def _check_children_in_header(result: Return903) -> None:
    header = {row["CHILD"] for row in result.rows.get("Header", [])}
    for name, rows in result.rows.items():
        if name == "Header" or "Header" not in result.rows:
            continue
        for row in rows:
            if row["CHILD"] not in header:
                result.problems.append(
                    Problem(
                        row["_file"],
                        row["_where"],
                        "CHILD",
                        row["CHILD"],
                        "This child is not in the Header table.",
                    )
                )
