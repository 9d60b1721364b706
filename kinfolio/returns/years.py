"""Collection years of the DfE's children's social care returns.

A collection year runs from 1 April to 31 March. It is written "2025-26" on the
command line and in URLs, and as the year it ends (2026) wherever the code sets and
the validators' rule sets need a number (``kinfolio.codesets.base.Code``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# The years whose rule sets both DfE validators hold (csc-validator-be-903 0.1.17,
# csc-validator-be-cin 0.1.13) and whose code lists Kinfolio keeps.
FIRST_YEAR_END = 2024
LAST_YEAR_END = 2027

_LABEL = re.compile(r"^(\d{4})[-/](\d{2})$")


@dataclass(frozen=True, order=True)
class CollectionYear:
    end_year: int  # 2026 for 2025/26

    def __post_init__(self) -> None:
        if not FIRST_YEAR_END <= self.end_year <= LAST_YEAR_END:
            raise ValueError(
                f"Kinfolio makes returns for {label_of(FIRST_YEAR_END)} to "
                f"{label_of(LAST_YEAR_END)}, not {label_of(self.end_year)}."
            )

    @classmethod
    def parse(cls, text: str) -> CollectionYear:
        """``2025-26`` (or ``2025/26``) to the year ending 31 March 2026."""
        found = _LABEL.match(text.strip())
        if not found or (int(found[1]) + 1) % 100 != int(found[2]):
            raise ValueError(f"Enter a collection year like 2025-26, not {text!r}.")
        return cls(int(found[1]) + 1)

    @classmethod
    def containing(cls, day: date) -> CollectionYear:
        """The year whose 1 April to 31 March contains ``day``."""
        return cls(day.year + 1 if day.month >= 4 else day.year)

    @property
    def start(self) -> date:
        return date(self.end_year - 1, 4, 1)

    @property
    def end(self) -> date:
        return date(self.end_year, 3, 31)

    @property
    def label(self) -> str:
        return label_of(self.end_year)

    @property
    def slug(self) -> str:
        return self.label.replace("/", "-")

    @property
    def ruleset_suffix(self) -> str:
        """The validators' rule-set folder suffix: ``2025_26``."""
        return f"{self.end_year - 1}_{self.end_year % 100:02d}"

    def previous(self) -> CollectionYear:
        return CollectionYear(self.end_year - 1)

    def __str__(self) -> str:
        return self.label


def label_of(end_year: int) -> str:
    return f"{end_year - 1}/{end_year % 100:02d}"


def supported_years() -> list[CollectionYear]:
    return [CollectionYear(y) for y in range(FIRST_YEAR_END, LAST_YEAR_END + 1)]


def current_and_last_complete(today: date) -> tuple[CollectionYear, CollectionYear]:
    current = CollectionYear.containing(today)
    return current, current.previous()
