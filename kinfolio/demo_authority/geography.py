"""Generated locations for the demo authority's fictional postcodes.

The demo's postcodes are made up (random units in Milton Keynes-style districts and a few
neighbouring areas), so no published dataset places them. Each gets a point derived from
the postcode itself, stored with the source "synthetic demo geography": the authority's
districts within a few miles of an invented centre, the neighbouring areas at invented
distances, so distances and the 20-mile flag behave plausibly. None of it is real.
"""

import hashlib
import math
from collections.abc import Iterable

from haversine import Unit, inverse_haversine

from kinfolio.postcodes.models import PostcodeLocation, normalise_postcode

SOURCE = "synthetic demo geography"
CENTRE = (52.0, -0.75)
# Invented distance (miles) and bearing (degrees) of each neighbouring area from CENTRE.
AREAS = {
    "MK40": (15, 55),
    "NN": (18, 330),
    "LU": (20, 130),
    "HP": (17, 200),
    "SG": (26, 110),
    "OX": (37, 235),
    "CB": (42, 75),
}
POSTCODE_FIELDS = ("postcode", "placement_postcode", "home_postcode")


def _fractions(text: str) -> tuple[float, float]:
    """Two numbers in [0, 1) that depend only on ``text`` (the same in every run)."""
    digest = hashlib.sha256(text.encode()).digest()
    return int.from_bytes(digest[:4]) / 2**32, int.from_bytes(digest[4:8]) / 2**32


def _offset(point: tuple[float, float], text: str, radius: float) -> tuple[float, float]:
    distance, bearing = _fractions(text)
    return inverse_haversine(
        point, radius * math.sqrt(distance), math.radians(360 * bearing), unit=Unit.MILES
    )


def synthetic_location(postcode: str) -> tuple[float, float]:
    """The generated (latitude, longitude) of a demo postcode."""
    district = postcode.split(" ")[0]
    area = next((a for a in AREAS if district.startswith(a)), None)
    if area is None:  # one of the authority's own districts (or any other): near CENTRE
        centre = _offset(CENTRE, district, 5)
    else:
        miles, bearing = AREAS[area]
        centre = _offset(
            inverse_haversine(CENTRE, miles, math.radians(bearing), unit=Unit.MILES), district, 4
        )
    return _offset(centre, postcode, 0.7)


def locations_for(rows: Iterable[object], *, on) -> list[PostcodeLocation]:
    """One generated location for each distinct postcode the rows name."""
    postcodes = {
        normalise_postcode(getattr(row, name))
        for row in rows
        for name in POSTCODE_FIELDS
        if getattr(row, name, "")
    } - {""}
    return [
        PostcodeLocation(
            postcode=postcode,
            latitude=latitude,
            longitude=longitude,
            source=SOURCE,
            source_date=on,
        )
        for postcode in sorted(postcodes)
        for latitude, longitude in [synthetic_location(postcode)]
    ]
