"""Published benchmarks: England, the region, the authority itself and the average of
its statistical neighbours, for the indicators the DfE publishes (``Indicator.lait``).

The values ship as CSV files in ``performance/benchmarks/``, made from the DfE's Local
Authority Interactive Tool data by ``scripts/extract_lait_benchmarks.py``; each names
its source. Nothing is estimated: a value the DfE did not publish is not shown. Which
authority is "us" and who its statistical neighbours are is configured in settings
(``KINFOLIO_BENCHMARK_AUTHORITY``, ``KINFOLIO_STATISTICAL_NEIGHBOURS``; by default the
DfE's own list of neighbours).
"""

from __future__ import annotations

import csv
import statistics
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

from kinfolio.performance.indicators.base import Indicator, Unit
from kinfolio.performance.indicators.periods import Period

DATA = Path(__file__).resolve().parent.parent / "benchmarks"
ENGLAND = "England"


@dataclass(frozen=True)
class Benchmark:
    label: str
    value: float
    unit: Unit

    @property
    def display(self) -> str:
        return self.unit.show(self.value)


@dataclass(frozen=True)
class Benchmarks:
    year: str  # the financial year the published values describe
    values: list[Benchmark]
    measure: str
    publication: str
    source: str  # where the figures were taken from, in full
    cited_as: str  # the publication as pages name it
    neighbours: list[str]


@cache
def _values() -> dict[tuple[str, int], dict[str, tuple[float, str]]]:
    found: dict[tuple[str, int], dict[str, tuple[float, str]]] = defaultdict(dict)
    with open(DATA / "lait_values.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = (row["lait"], int(row["year_ending_march"]))
            found[key][row["area"]] = (float(row["value"]), row["region"])
    return dict(found)


@cache
def _sources() -> dict[str, dict[str, str]]:
    with open(DATA / "lait_sources.csv", encoding="utf-8") as handle:
        return {row["lait"]: row for row in csv.DictReader(handle)}


@cache
def dfe_neighbours(authority: str) -> list[str]:
    with open(DATA / "statistical_neighbours.csv", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["area"] == authority]
    return [row["neighbour"] for row in sorted(rows, key=lambda row: int(row["rank"]))]


def neighbours() -> list[str]:
    return settings.KINFOLIO_STATISTICAL_NEIGHBOURS or dfe_neighbours(
        settings.KINFOLIO_BENCHMARK_AUTHORITY
    )


def benchmarks_for(indicator: Indicator, period: Period) -> Benchmarks | None:
    """The published values for the period's year, or the latest year published before
    it; None when the DfE publishes no such measure."""
    if not indicator.lait:
        return None
    ending = Period.year_containing(period.start).end.year
    years = sorted(year for code, year in _values() if code == indicator.lait and year <= ending)
    if not years:
        return None
    areas = _values()[(indicator.lait, years[-1])]
    authority = settings.KINFOLIO_BENCHMARK_AUTHORITY
    unit = indicator.unit
    found = []
    if ENGLAND in areas:
        found.append(Benchmark(ENGLAND, areas[ENGLAND][0], unit))
    region = areas.get(authority, (None, ""))[1]
    if region in areas:
        found.append(Benchmark(region, areas[region][0], unit))
    if authority in areas:
        found.append(Benchmark(f"{authority} (published)", areas[authority][0], unit))
    near = [areas[name][0] for name in neighbours() if name in areas]
    if near:
        average = round(statistics.mean(near), 1)
        found.append(Benchmark(f"Statistical neighbours' average ({len(near)})", average, unit))
    source = _sources().get(indicator.lait, {})
    return Benchmarks(
        year=f"{years[-1] - 1}-{years[-1] % 100:02d}",
        values=found,
        measure=source.get("measure", ""),
        publication=source.get("publication", ""),
        source=source.get("source", ""),
        cited_as=source.get("cited_as", ""),
        neighbours=neighbours(),
    )
