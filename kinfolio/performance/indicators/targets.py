"""Targets, and the red, amber or green a figure earns against one.

A figure on the right side of its target is green; one that misses it by no more than
the tolerance is amber; one that misses it by more is red. Without a target there is
nothing to judge; with one, an indicator for which neither higher nor lower is better is
not judged, and a figure without a value has nothing to compare.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kinfolio.performance.indicators.base import Polarity, Unit
from kinfolio.performance.indicators.engine import Figure
from kinfolio.performance.indicators.periods import Period
from kinfolio.performance.models import Target


class Rag(StrEnum):
    GREEN = "green", "On target"
    AMBER = "amber", "Close to target"
    RED = "red", "Off target"
    NONE = "none", "No target"
    NOT_JUDGED = "not_judged", "Not judged"  # neither higher nor lower is better
    NO_VALUE = "no_value", "No value to compare"

    def __new__(cls, value: str, words: str) -> Rag:
        member = str.__new__(cls, value)
        member._value_ = value
        member.words = words
        return member

    @property
    def tag_colour(self) -> str:
        return {"green": "green", "amber": "yellow", "red": "red"}.get(self.value, "grey")


def rag(value: float | None, target: Decimal | float | None, tolerance, polarity: str) -> Rag:
    if target is None:
        return Rag.NONE
    if polarity not in (Polarity.HIGH, Polarity.LOW):
        return Rag.NOT_JUDGED
    if value is None:
        return Rag.NO_VALUE
    # How far the figure is on the wrong side of the target (negative: on the right side).
    short = float(target) - value if polarity == Polarity.HIGH else value - float(target)
    if short <= 0:
        return Rag.GREEN
    return Rag.AMBER if short <= float(tolerance) else Rag.RED


@dataclass(frozen=True)
class Judged:
    """A figure with its target and how it compares."""

    figure: Figure
    target: Target | None
    rag: Rag

    @property
    def target_display(self) -> str:
        """The target in the indicator's unit, as its value is shown ("12%")."""
        if self.target is None:
            return ""
        shown = f"{float(self.target.value):,.1f}".removesuffix(".0")
        return f"{shown}%" if self.figure.indicator.unit == Unit.PERCENT else shown


def targets_for(period: Period) -> dict[str, Target]:
    """Each indicator's target for the period's year: a target stands until a later year's
    replaces it."""
    year = Period.year_containing(period.start).start.year
    found: dict[str, Target] = {}
    for target in Target.objects.filter(year__lte=year).order_by("year"):
        found[target.indicator_id] = target
    return found


def judge(figures: list[Figure], targets: dict[str, Target]) -> list[Judged]:
    judged = []
    for figure in figures:
        target = targets.get(figure.indicator.id)
        verdict = (
            rag(figure.value, target.value, target.tolerance, figure.indicator.polarity)
            if target
            else Rag.NONE
        )
        judged.append(Judged(figure, target, verdict))
    return judged
