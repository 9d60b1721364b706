"""The catalogue: every computed indicator, in the order pages and exports list them."""

from __future__ import annotations

from kinfolio.performance.indicators import (
    care_quality,
    leavers_adoption,
    looked_after,
    protection,
    safeguarding,
    workforce,
)
from kinfolio.performance.indicators.base import Indicator

CATALOGUE: list[Indicator] = [
    *safeguarding.INDICATORS,
    *protection.INDICATORS,
    *looked_after.INDICATORS,
    *care_quality.INDICATORS,
    *leavers_adoption.INDICATORS,
    *workforce.INDICATORS,
]
BY_ID: dict[str, Indicator] = {indicator.id: indicator for indicator in CATALOGUE}
assert len(BY_ID) == len(CATALOGUE), "indicator ids must be unique"


def get(indicator_id: str) -> Indicator:
    """The indicator with this id; KeyError when the catalogue has none."""
    return BY_ID[indicator_id]


def areas() -> list[tuple[str, list[Indicator]]]:
    grouped: dict[str, list[Indicator]] = {}
    for indicator in CATALOGUE:
        grouped.setdefault(indicator.area, []).append(indicator)
    return list(grouped.items())
