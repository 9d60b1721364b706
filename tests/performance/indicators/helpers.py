"""Compute one indicator of the catalogue in a test, and read its figure back."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinfolio.people.models import Person
from kinfolio.performance.indicators.catalogue import get
from kinfolio.performance.indicators.collected import POPULATION_0_17
from kinfolio.performance.indicators.engine import Figure, compute, compute_all
from kinfolio.performance.indicators.periods import Period
from kinfolio.performance.models import CollectedFigure
from kinfolio.timescales.services import refresh_clocks


def figure(indicator_id: str, period: str = "2024-25", **kwargs) -> Figure:
    """The figure, after storing every child's clocks as a commit or the daily
    ``refresh_clocks`` does (factories write records without the services' hook)."""
    refresh_clocks(Person.objects.filter(is_child_subject=True))
    return compute(get(indicator_id), Period.parse(period), **kwargs)


def triple(indicator_id: str, period: str = "2024-25", **kwargs) -> tuple:
    """(numerator, denominator, value): what each hand-worked test states."""
    found = figure(indicator_id, period, **kwargs)
    return found.numerator, found.denominator, found.value


def children(rows) -> set[int]:
    return {row.child_id for row in rows}


def population(count: int, year: str = "2024-25") -> CollectedFigure:
    """The collected population aged 0 to 17 for a financial year (rates' denominator)."""
    return CollectedFigure.objects.create(
        indicator_id=POPULATION_0_17, period=year, value=count, source="test"
    )


def counting_queries(*indicator_ids: str, period: str = "2024-25") -> list[str]:
    """The SQL of the queries computing these indicators' figures together (one
    context, as a dashboard does), after storing the clocks as ``figure`` does."""
    refresh_clocks(Person.objects.filter(is_child_subject=True))
    with CaptureQueriesContext(connection) as captured:
        for found in compute_all([get(i) for i in indicator_ids], Period.parse(period)):
            found.value  # noqa: B018 (reads the numerator and denominator)
    return [query["sql"] for query in captured.captured_queries]
