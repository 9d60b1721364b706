"""Compute one indicator of the catalogue in a test, and read its figure back."""

from kinfolio.performance.indicators.catalogue import get
from kinfolio.performance.indicators.engine import Figure, compute
from kinfolio.performance.indicators.periods import Period


def figure(indicator_id: str, period: str = "2024-25", **kwargs) -> Figure:
    return compute(get(indicator_id), Period.parse(period), **kwargs)


def triple(indicator_id: str, period: str = "2024-25", **kwargs) -> tuple:
    """(numerator, denominator, value): what each hand-worked test states."""
    found = figure(indicator_id, period, **kwargs)
    return found.numerator, found.denominator, found.value


def children(rows) -> set[int]:
    return {row.child_id for row in rows}
