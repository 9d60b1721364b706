"""Timeliness indicators: for each rule and period, the share of clocks met on time, the
median and distribution of the time taken, and the children behind each figure.

A clock counts in a period when it stopped (the assessment was authorised, the visit
made) within the period, as the DfE counts "assessments completed within 45 working
days". Time taken is in working days for rules counted in working days, otherwise in
calendar days; for a rule counted back from its start (conference invitations) it is
negative: the lead time before the start event.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import QuerySet

from kinfolio.people.models import Person
from kinfolio.timescales.engine import Clock, RuleBook, Status
from kinfolio.timescales.events import Unit
from kinfolio.timescales.selectors import clocks_for, rule_book


@dataclass
class Indicator:
    rule_key: str
    name: str
    source: str
    period_start: dt.date
    period_end: dt.date
    unit: str
    clocks: list[Clock] = field(default_factory=list)
    on_time: list[Clock] = field(default_factory=list)
    days_taken: list[int] = field(default_factory=list)
    children: dict[int, Person] = field(default_factory=dict)

    @property
    def denominator(self) -> int:
        return len(self.clocks)

    @property
    def numerator(self) -> int:
        return len(self.on_time)

    @property
    def percent_on_time(self) -> float | None:
        return round(100 * self.numerator / self.denominator, 1) if self.clocks else None

    @property
    def median_days(self) -> float | None:
        return statistics.median(self.days_taken) if self.days_taken else None

    @property
    def distribution(self) -> list[tuple[int, int]]:
        """(days taken, number of clocks), shortest first."""
        return sorted(Counter(self.days_taken).items())

    @property
    def denominator_children(self) -> list[Person]:
        return _people(self.clocks, self.children)

    @property
    def numerator_children(self) -> list[Person]:
        return _people(self.on_time, self.children)


def _people(found: list[Clock], children: dict[int, Person]) -> list[Person]:
    ids = dict.fromkeys(c.child_id for c in found)
    return sorted((children[i] for i in ids), key=lambda p: (p.family_name, p.given_name, p.pk))


def timeliness(
    *,
    period_start: dt.date,
    period_end: dt.date,
    children: QuerySet[Person] | None = None,
    keys=None,
    book: RuleBook | None = None,
) -> dict[str, Indicator]:
    """Each rule's indicator for clocks stopped from ``period_start`` to ``period_end``
    (both included), for the given children (all by default): one computation for all."""
    book = book or rule_book()
    children = Person.objects.filter(is_child_subject=True) if children is None else children
    found = [
        c
        for c in clocks_for(children, today=period_end, book=book, keys=keys)
        if c.stopped_on and c.due_on and period_start <= c.stopped_on <= period_end
    ]
    people = Person.objects.in_bulk({c.child_id for c in found})
    indicators: dict[str, Indicator] = {}
    for clock in sorted(found, key=lambda c: (c.stopped_on, c.child_id)):
        rule = clock.rule
        working = rule.unit == Unit.WORKING_DAYS
        indicator = indicators.setdefault(
            rule.key,
            Indicator(
                rule_key=rule.key,
                name=rule.name,
                source=rule.source,
                period_start=period_start,
                period_end=period_end,
                unit="working days" if working else "days",
                children=people,
            ),
        )
        indicator.clocks.append(clock)
        if clock.status(period_end, book.calendar) == Status.MET_ON_TIME:
            indicator.on_time.append(clock)
        indicator.days_taken.append(
            book.calendar.working_days_between(clock.started_on, clock.stopped_on)
            if working
            else (clock.stopped_on - clock.started_on).days
        )
    return indicators


def indicator(
    rule_key: str,
    *,
    period_start: dt.date,
    period_end: dt.date,
    children: QuerySet[Person] | None = None,
) -> Indicator | None:
    """One rule's indicator (None when no clock of it stopped in the period)."""
    return timeliness(
        period_start=period_start, period_end=period_end, children=children, keys=[rule_key]
    ).get(rule_key)
