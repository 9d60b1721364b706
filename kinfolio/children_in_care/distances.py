"""How far each placement is from the child's home: the SSDA903 episode's home postcode
(HOME_POST) to its placement postcode (PL_POST), from the stored postcode locations.

The DfE counts placements "more than 20 miles from home"; a placement whose distance
cannot be calculated (a postcode missing or without a location) is neither counted in
nor out: ``is_over_20_miles`` returns None and ``placement_distance`` says why.
"""

from collections.abc import Iterable

from kinfolio.children_in_care.models import CareEpisode
from kinfolio.postcodes.selectors import Distance, distance_between, locations


def placement_distance(placement: CareEpisode) -> Distance:
    """Miles from home to the placement, or why they cannot be calculated."""
    return distance_between(placement.home_postcode, placement.placement_postcode)


def placement_distance_miles(placement: CareEpisode) -> float | None:
    return placement_distance(placement).miles


def is_over_20_miles(placement: CareEpisode) -> bool | None:
    return placement_distance(placement).over_twenty_miles


def placement_distances(placements: Iterable[CareEpisode]) -> dict[int, Distance]:
    """Each placement's distance keyed by its primary key, in one query for any number."""
    placements = list(placements)
    known = locations(
        postcode for e in placements for postcode in (e.home_postcode, e.placement_postcode)
    )
    return {
        e.pk: distance_between(e.home_postcode, e.placement_postcode, known) for e in placements
    }
