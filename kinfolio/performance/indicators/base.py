"""What an indicator is: its definition as data, the rows its numerator and denominator
select, and the context (period, team) they are selected in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple

from django.db.models import Exists, OuterRef, Q, QuerySet

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


Measure = Callable[["Context"], list[Row]]


@dataclass
class Context:
    """The period (and, for a team's dashboard, the team) rows are selected for, with a
    cache so work shared by several indicators is done once."""

    period: Period
    team: Team | None = None
    service: Service | None = None
    cache: dict[str, Any] = field(default_factory=dict)

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

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]

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


def rows_of(
    records: QuerySet, *, on: str, child: str = "child_id", value: str | None = None
) -> list[Row]:
    """The rows of a queryset of records about children: one query."""
    label = f"{records.model._meta.app_label}.{records.model._meta.model_name}"
    fields = [child, "pk", on] + ([value] if value else [])
    return [
        Row(f"{label}:{found[1]}", found[2], child_id=found[0], value=found[3] if value else 1)
        for found in records.order_by(on, "pk").values_list(*fields)
    ]


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
