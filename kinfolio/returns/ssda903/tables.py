"""The SSDA903 return's tables: their columns, file names and the years they exist.

Column names and order are those of ``lac_validator/config.py`` in
csc-validator-be-903 0.1.17 (the validator recognises a CSV by its header row). The DfE
SSDA903 guide was not available when this was written, so which tables a year asks
for follows the validator's rule sets: SWEpisodes from 2023/24 (rules SW01-SW16),
DoLo from 2026/27 (rules 700-710). Dates are written dd/mm/yyyy, as in the guide.

What the tables ask for that Kinfolio does not record, and so writes blank: DoLo rows
(no model of deprivation of liberty orders yet: the table is written empty).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kinfolio.returns.years import CollectionYear

DATE_FORMAT = "%d/%m/%Y"


@dataclass(frozen=True)
class Table:
    name: str  # the validator's name for it
    file_name: str
    columns: tuple[str, ...]
    first_year: int | None = None  # the first collection year (its end year) asking for it

    def in_year(self, year: CollectionYear) -> bool:
        return self.first_year is None or year.end_year >= self.first_year


TABLES: tuple[Table, ...] = (
    Table("Header", "header.csv", ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB")),
    Table(
        "Episodes",
        "episodes.csv",
        (
            "CHILD",
            "DECOM",
            "RNE",
            "LS",
            "CIN",
            "PLACE",
            "PLACE_PROVIDER",
            "DEC",
            "REC",
            "REASON_PLACE_CHANGE",
            "HOME_POST",
            "PL_POST",
            "URN",
        ),
    ),
    Table("Reviews", "reviews.csv", ("CHILD", "DOB", "REVIEW", "REVIEW_CODE")),
    Table("UASC", "uasc.csv", ("CHILD", "SEX", "DOB", "DUC")),
    Table(
        "OC2",
        "oc2.csv",
        (
            "CHILD",
            "DOB",
            "SDQ_SCORE",
            "SDQ_REASON",
            "CONVICTED",
            "HEALTH_CHECK",
            "IMMUNISATIONS",
            "TEETH_CHECK",
            "HEALTH_ASSESSMENT",
            "SUBSTANCE_MISUSE",
            "INTERVENTION_RECEIVED",
            "INTERVENTION_OFFERED",
        ),
    ),
    Table("OC3", "oc3.csv", ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM")),
    Table(
        "AD1",
        "ad1.csv",
        (
            "CHILD",
            "DOB",
            "DATE_INT",
            "DATE_MATCH",
            "FOSTER_CARE",
            "NB_ADOPTR",
            "SEX_ADOPTR",
            "LS_ADOPTR",
        ),
    ),
    Table(
        "PlacedAdoption",
        "placed_for_adoption.csv",
        ("CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"),
    ),
    Table(
        "PrevPerm", "previous_permanence.csv", ("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM")
    ),
    Table("Missing", "missing.csv", ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END")),
    Table(
        "SWEpisodes",
        "sw_episodes.csv",
        ("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"),
        first_year=2024,
    ),
    Table("DoLo", "dolo.csv", ("CHILD", "DOB", "DOLO_START", "DOLO_END"), first_year=2027),
)
BY_NAME = {table.name: table for table in TABLES}


def tables_for(year: CollectionYear) -> tuple[Table, ...]:
    return tuple(table for table in TABLES if table.in_year(year))


def table_for_columns(columns: list[str]) -> Table | None:
    """The table whose header row this is (how the validator recognises a file)."""
    wanted = tuple(column.strip() for column in columns)
    return next((table for table in TABLES if table.columns == wanted), None)


def fmt(day: date | None) -> str:
    return day.strftime(DATE_FORMAT) if day else ""
