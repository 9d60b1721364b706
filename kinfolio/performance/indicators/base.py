"""What an indicator is: its definition as data, the rows its numerator and denominator
select, and the context (period, team) they are selected in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple

from django.db.models import Exists, OuterRef, Q, QuerySet, Sum

from kinfolio.people.models import Person
from kinfolio.performance.indicators.periods import Period
from kinfolio.workforce.models import Allocation, Service, Team


class Unit(StrEnum):
    PERCENT = "percent", "%"
    COUNT = "count", "number"
    RATE = "rate", "rate per 10,000 children aged 0 to 17"
    AVERAGE = "average", "average"

    def __new__(cls, value: str, words: str) -> Unit:
        member = str.__new__(cls, value)
        member._value_ = value
        member.words = words
        return member

    def show(self, value: float | None) -> str:
        """A value as every page, chart and export shows it in this unit."""
        if value is None:
            return "No value"
        if self is Unit.PERCENT:
            return f"{value:.1f}%"
        if self is Unit.COUNT:
            return f"{value:,.0f}"
        return f"{value:,.1f}"


class Polarity(StrEnum):
    HIGH = "high", "Higher is better"
    LOW = "low", "Lower is better"
    NEITHER = "neither", "Neither higher nor lower is better in itself"

    def __new__(cls, value: str, words: str) -> Polarity:
        member = str.__new__(cls, value)
        member._value_ = value
        member.words = words
        return member


class Counted(StrEnum):
    """Whether an indicator counts what happened in the period or what stood at its end."""

    IN_PERIOD = "in_period", "during the period"
    AT_END = "at_end", "on the last day of the period"

    def __new__(cls, value: str, words: str) -> Counted:
        member = str.__new__(cls, value)
        member._value_ = value
        member.words = words
        return member


class Row(NamedTuple):
    """One thing counted: a record about a child (``child_id`` set) or a worker
    (``worker_id`` set). ``value`` is 1 for a count, or the days, score or FTE summed."""

    record: str
    on: dt.date | None
    child_id: int | None = None
    worker_id: int | None = None
    value: float = 1


Measure = Callable[["Context"], Sequence[Row]]


@dataclass
class Context:
    """The period (and, for a team's dashboard, the team) rows are selected for, with a
    cache so work shared by several indicators is done once."""

    period: Period
    team: Team | None = None
    service: Service | None = None
    cache: dict[Hashable, Any] = field(default_factory=dict)

    @property
    def whole_authority(self) -> bool:
        return self.team is None and self.service is None

    def teams(self) -> dict[str, Any]:
        """Filters on a ``team`` field for the team or service (none for the authority)."""
        if self.team is not None:
            return {"team": self.team}
        if self.service is not None:
            return {"team__service": self.service}
        return {}

    def memo(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]

    def rows(self, measure: Measure) -> Sequence[Row]:
        """The rows ``measure`` selects here, selected (and counted) once however many
        indicators share it (referrals are one indicator's numerator and others'
        denominator)."""
        return self.memo(measure, lambda: measure(self))

    def children(self) -> QuerySet[Person]:
        """Every child (or, for a team or service, those allocated to it at some time in
        the period)."""
        children = Person.objects.filter(is_child_subject=True)
        if self.whole_authority:
            return children
        held = Allocation.objects.filter(
            Q(end_date__isnull=True) | Q(end_date__gte=self.period.start),
            child=OuterRef("pk"),
            start_date__lte=self.period.end,
            **self.teams(),
        )
        return children.filter(Exists(held))

    def scoped(self, rows: QuerySet, child: str = "child") -> QuerySet:
        if self.whole_authority:
            return rows
        return rows.filter(**{f"{child}__in": self.children()})


class Rows(Sequence[Row]):
    """Rows selected by one or more querysets: a figure's total is counted (or, with
    ``value``, summed) by the database; the rows themselves are read, one query a
    queryset, only when a list needs them (a drill-down, a selector that filters them)."""

    def __init__(
        self,
        *parts: tuple[QuerySet, Callable[[QuerySet], list[Row]], str | None],
        total: float | None = None,
    ):
        """``total``, when the database has already counted the rows (with others, in
        one query), saves counting them again."""
        self._parts = parts
        self._read: list[Row] | None = None
        self._total: float | None = total

    @classmethod
    def joined(cls, *rows: Rows, total: float | None = None) -> Rows:
        """The rows of several selections as one list, in date order."""
        return cls(*(part for found in rows for part in found._parts), total=total)

    def total(self) -> float:
        if self._total is None:
            if self._read is not None:
                self._total = sum(row.value for row in self._read)
            else:
                self._total = sum(
                    float(records.order_by().aggregate(total=Sum(value))["total"] or 0)
                    if value
                    else records.order_by().count()
                    for records, _, value in self._parts
                )
        return self._total

    def _rows(self) -> list[Row]:
        if self._read is None:
            found = [row for records, read, _ in self._parts for row in read(records)]
            if len(self._parts) > 1:
                found.sort(key=lambda row: (row.on or dt.date.min, row.record))
            self._read = found
        return self._read

    def __getitem__(self, index):
        return self._rows()[index]

    def __len__(self) -> int:
        return len(self._rows())

    def __iter__(self) -> Iterator[Row]:
        return iter(self._rows())


def rows_of(
    records: QuerySet, *, on: str, child: str = "child_id", value: str | None = None
) -> Rows:
    """The rows of a queryset of records about children (read in one query)."""
    label = f"{records.model._meta.app_label}.{records.model._meta.model_name}"
    fields = [child, "pk", on] + ([value] if value else [])

    def read(found: QuerySet) -> list[Row]:
        return [
            Row(f"{label}:{got[1]}", got[2], child_id=got[0], value=got[3] if value else 1)
            for got in found.order_by(on, "pk").values_list(*fields)
        ]

    return Rows((records, read, value))


def first_per_child(rows: Iterable[Row]) -> list[Row]:
    """One row per child (the first), for indicators that count children, not events."""
    seen: dict[int | None, Row] = {}
    for row in rows:
        seen.setdefault(row.child_id, row)
    return list(seen.values())


def last_per_child(rows: Iterable[Row]) -> list[Row]:
    seen: dict[int | None, Row] = {}
    for row in rows:
        seen[row.child_id] = row
    return list(seen.values())


@dataclass(frozen=True)
class Indicator:
    """One indicator of the catalogue, as data.

    ``numerator`` and ``denominator`` select the rows counted; a count has no
    denominator, a rate's denominator is the population aged 0 to 17, an average
    divides the numerator's summed values by the denominator's. ``source`` names the
    publication whose definition it follows; ``lait`` the DfE Local Authority
    Interactive Tool's measure code, where it publishes one.
    """

    id: str
    name: str
    definition: str
    unit: Unit
    polarity: Polarity
    counted: Counted
    numerator: Measure
    numerator_label: str
    source: str
    area: str
    denominator: Measure | None = None
    denominator_label: str = ""
    lait: str = ""
    about: str = "children"  # what the drill-down lists: children, or workers

    @property
    def has_denominator(self) -> bool:
        """For templates, which would call ``denominator`` rather than test it."""
        return self.denominator is not None
