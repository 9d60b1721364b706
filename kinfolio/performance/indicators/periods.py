"""Reporting periods: the financial year (1 April to 31 March) that the DfE's returns
count, its quarters and its months. A figure "at" a period is taken on its last day."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from kinfolio.timescales.engine import add_months


class PeriodType(StrEnum):
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"


YEAR = re.compile(r"^(\d{4})-(\d{2})$")
QUARTER = re.compile(r"^(\d{4})-(\d{2})[ -][Qq]([1-4])$")
MONTH = re.compile(r"^(\d{4})-(\d{2})-m$")


@dataclass(frozen=True, order=True)
class Period:
    start: dt.date
    end: dt.date
    kind: PeriodType = PeriodType.YEAR

    @classmethod
    def financial_year(cls, first_year: int) -> Period:
        return cls(dt.date(first_year, 4, 1), dt.date(first_year + 1, 3, 31), PeriodType.YEAR)

    @classmethod
    def year_containing(cls, day: dt.date) -> Period:
        return cls.financial_year(day.year if day.month >= 4 else day.year - 1)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        last = calendar.monthrange(year, month)[1]
        return cls(dt.date(year, month, 1), dt.date(year, month, last), PeriodType.MONTH)

    @classmethod
    def parse(cls, text: str) -> Period:
        """A financial year ("2024-25"), quarter ("2024-25-q1": April to June 2024) or
        month ("2024-05-m"), as ``key`` writes them (safe in a URL). Raises ValueError
        saying the forms expected."""
        text = text.strip()
        if found := YEAR.match(text):
            first = int(found[1])
            if (first + 1) % 100 != int(found[2]):
                raise ValueError(
                    f"{text} is not a financial year: try {first}-{(first + 1) % 100:02d}"
                )
            return cls.financial_year(first)
        if found := QUARTER.match(text):
            return cls.parse(f"{found[1]}-{found[2]}").quarters()[int(found[3]) - 1]
        if found := MONTH.match(text):
            return cls.month(int(found[1]), int(found[2]))
        raise ValueError(f"{text!r} is not a period: use 2024-25, 2024-25-q1 or 2024-05-m")

    @property
    def key(self) -> str:
        year = Period.year_containing(self.start)
        label = f"{year.start.year}-{year.end.year % 100:02d}"
        if self.kind == PeriodType.QUARTER:
            return f"{label}-q{(self.start.month - 4) % 12 // 3 + 1}"
        if self.kind == PeriodType.MONTH:
            return f"{self.start:%Y-%m}-m"
        return label

    @property
    def label(self) -> str:
        if self.kind == PeriodType.MONTH:
            return f"{self.start:%B %Y}"
        if self.kind == PeriodType.QUARTER:
            return f"{self.start:%B} to {self.end:%B %Y}"
        return f"1 April {self.start.year} to 31 March {self.end.year}"

    @property
    def year_end(self) -> dt.date:
        """The last day of the whole period (before any ``up_to``)."""
        if self.kind == PeriodType.YEAR:
            return Period.year_containing(self.start).end
        if self.kind == PeriodType.QUARTER:
            return add_months(self.start, 3) - dt.timedelta(1)
        return Period.month(self.start.year, self.start.month).end

    @property
    def short_label(self) -> str:
        if self.kind == PeriodType.MONTH:
            return f"{self.start:%b %Y}"
        if self.kind == PeriodType.QUARTER:
            return f"{self.start:%b}–{self.year_end:%b %Y}"
        return self.key

    def quarters(self) -> list[Period]:
        return [
            Period(
                add_months(self.start, 3 * i),
                add_months(self.start, 3 * i + 3) - dt.timedelta(1),
                PeriodType.QUARTER,
            )
            for i in range(4)
        ]

    def months(self) -> list[Period]:
        return [
            Period.month(day.year, day.month)
            for day in (
                add_months(self.start, i) for i in range(12 if self.kind == PeriodType.YEAR else 3)
            )
        ]

    def up_to(self, day: dt.date) -> Period:
        """This period cut short on ``day`` (a year to date)."""
        return Period(self.start, min(self.end, max(day, self.start)), self.kind)

    def year_before(self, months: int = 12) -> dt.date:
        """The day ``months`` months before the period's last day (e.g. for "looked after
        for at least 12 months at 31 March")."""
        return add_months(self.end, -months)
