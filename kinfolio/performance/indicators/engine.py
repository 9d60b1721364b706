"""Computing indicators: one figure per indicator and period, from its selectors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kinfolio.performance.indicators.base import Context, Indicator, Row, Rows, Unit
from kinfolio.performance.indicators.collected import POPULATION_0_17
from kinfolio.performance.indicators.periods import Period
from kinfolio.performance.models import CollectedFigure
from kinfolio.workforce.models import Service, Team

# Rates are per 10,000 children aged 0 to 17, as the DfE publishes them.
RATE_PER = 10_000


@dataclass(frozen=True)
class Population:
    count: int
    period: str  # the financial year the collected figure is for
    source: str


@dataclass(frozen=True)
class Figure:
    """An indicator's value for a period, with the rows behind it."""

    indicator: Indicator
    period: Period
    numerator_rows: Sequence[Row]
    denominator_rows: Sequence[Row]
    population: Population | None = None

    @property
    def numerator(self) -> float:
        return _total(self.numerator_rows)

    @property
    def denominator(self) -> float | None:
        if self.indicator.unit == Unit.RATE:
            return self.population.count if self.population else None
        if self.indicator.denominator is None:
            return None
        return _total(self.denominator_rows)

    @property
    def value(self) -> float | None:
        unit = self.indicator.unit
        if unit == Unit.COUNT:
            return self.numerator
        if not self.denominator:
            return None
        if unit == Unit.PERCENT:
            return round(100 * self.numerator / self.denominator, 1)
        if unit == Unit.RATE:
            return round(RATE_PER * self.numerator / self.denominator, 1)
        return round(self.numerator / self.denominator, 1)

    @property
    def why_no_value(self) -> str:
        if self.value is not None:
            return ""
        if self.indicator.unit == Unit.RATE:
            return (
                "No population of children aged 0 to 17 has been entered for this year or "
                "one before it (collected indicators)."
            )
        return f"No {self.indicator.denominator_label.lower()} in the period."

    @property
    def display(self) -> str:
        return self.indicator.unit.show(self.value)


def _total(rows: Sequence[Row]) -> float:
    """What the rows add up to; the database counts or sums rows it selects."""
    total = rows.total() if isinstance(rows, Rows) else sum(row.value for row in rows)
    return int(total) if float(total).is_integer() else total


def population_for(period: Period) -> Population | None:
    """The population aged 0 to 17 collected for the period's financial year, else the
    latest year before it (estimates are published a year or so late); never a later
    year's, and never a guess: without one, a rate has no value."""
    year = Period.year_containing(period.start).key
    found = (
        CollectedFigure.objects.filter(indicator_id=POPULATION_0_17, period__lte=year)
        .order_by("-period")
        .first()
    )
    return Population(int(found.value), found.period, found.source) if found else None


def compute(
    indicator: Indicator,
    period: Period,
    *,
    team: Team | None = None,
    context: Context | None = None,
) -> Figure:
    """The indicator's figure for the period (for a team: the children allocated to it).
    Pass one ``context`` to several calls to share the work they have in common."""
    context = context or Context(period=period, team=team)
    numerator = context.rows(indicator.numerator)
    denominator = context.rows(indicator.denominator) if indicator.denominator else []
    population = population_for(period) if indicator.unit == Unit.RATE else None
    return Figure(indicator, period, numerator, denominator, population)


def compute_all(
    indicators: list[Indicator],
    period: Period,
    *,
    team: Team | None = None,
    service: Service | None = None,
) -> list[Figure]:
    context = Context(period=period, team=team, service=service)
    return [compute(indicator, period, context=context) for indicator in indicators]
