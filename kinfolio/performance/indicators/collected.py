"""The catalogue's collected indicators: figures from outside social care records,
entered (or imported) with their source for each period, never computed or guessed.

The population aged 0 to 17 is the denominator of every rate per 10,000 children.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from kinfolio.audit.models import ChangeEvent
from kinfolio.performance.indicators.base import Polarity, Unit
from kinfolio.performance.indicators.periods import Period, PeriodType
from kinfolio.performance.models import CollectedFigure

POPULATION_0_17 = "population_0_17"
PERIOD_EXAMPLES = {
    PeriodType.YEAR: "a financial year, such as 2024-25",
    PeriodType.QUARTER: "a quarter, such as 2024-25-q1",
    PeriodType.MONTH: "a month, such as 2024-05-m",
}


@dataclass(frozen=True)
class CollectedIndicator:
    """One collected indicator, as data. ``enter`` names where a council takes the
    figure from: what to enter, by publication or return."""

    id: str
    name: str
    definition: str
    unit: Unit
    polarity: Polarity
    period_type: PeriodType
    enter: str
    area: str

    @property
    def whole_numbers(self) -> bool:
        return self.unit == Unit.COUNT

    def display(self, value) -> str:
        """A value as pages and the change history show it: 52,000 or 14.5%."""
        number = f"{value:,.2f}".rstrip("0").rstrip(".")
        return f"{number}%" if self.unit == Unit.PERCENT else number


COLLECTED: list[CollectedIndicator] = [
    CollectedIndicator(
        id=POPULATION_0_17,
        name="Children aged 0 to 17 living in the authority",
        definition="The number of children aged 0 to 17 resident in the authority in the "
        "middle of the year: the denominator of every rate per 10,000 children.",
        unit=Unit.COUNT,
        polarity=Polarity.NEITHER,
        period_type=PeriodType.YEAR,
        enter="ONS mid-year population estimates: the estimate of residents aged 0 to 17 "
        "in the authority for the year",
        area="Population",
    ),
    CollectedIndicator(
        id="social_worker_vacancy_rate",
        name="Children and family social worker vacancy rate",
        definition="Vacant children and family social worker posts (full-time equivalent) "
        "as a percentage of all such posts, filled or vacant, at 30 September.",
        unit=Unit.PERCENT,
        polarity=Polarity.LOW,
        period_type=PeriodType.YEAR,
        enter="The council's figures as returned to the DfE's children's social work "
        "workforce census (at 30 September)",
        area="Workforce",
    ),
]
BY_ID: dict[str, CollectedIndicator] = {indicator.id: indicator for indicator in COLLECTED}


def get(indicator_id: str) -> CollectedIndicator:
    """The collected indicator with this id; KeyError when there is none."""
    return BY_ID[indicator_id]


def period_of(indicator: CollectedIndicator, text: str) -> Period:
    """The period a value is for, of the indicator's period type. ValueError saying
    what to write otherwise."""
    period = Period.parse(text)
    if period.kind != indicator.period_type:
        raise ValueError(f"Enter {PERIOD_EXAMPLES[indicator.period_type]}")
    return period


def figures(indicator_id: str | None = None) -> QuerySet[CollectedFigure]:
    """The values entered, newest period first (one indicator's, or every one's)."""
    found = CollectedFigure.objects.select_related("entered_by").order_by("indicator_id", "-period")
    return found if indicator_id is None else found.filter(indicator_id=indicator_id)


def history(indicator_id: str) -> QuerySet[ChangeEvent]:
    """Every change to the indicator's values, newest first."""
    ids = [str(pk) for pk in figures(indicator_id).values_list("pk", flat=True)]
    return ChangeEvent.objects.filter(
        model=CollectedFigure._meta.label_lower, object_id__in=ids
    ).order_by("-at", "-pk")


def latest_values() -> list[tuple[CollectedIndicator, CollectedFigure | None]]:
    """Each indicator with its value for the latest period entered (None before any)."""
    latest: dict[str, CollectedFigure] = {}
    for figure in figures():
        latest.setdefault(figure.indicator_id, figure)
    return [(indicator, latest.get(indicator.id)) for indicator in COLLECTED]
