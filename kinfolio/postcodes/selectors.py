"""Distances between postcodes, from the stored postcode locations (never the network).

A distance is "as the crow flies" between the two postcodes' centres (haversine), as
the DfE counts placements "more than 20 miles from home". When either postcode has no
stored location the distance is not guessed: it says which postcode it could not place.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Expression, FloatField, OuterRef, Subquery, Value
from django.db.models.functions import ASin, Cos, Power, Radians, Sin, Sqrt
from haversine import Unit, haversine
from haversine.haversine import get_avg_earth_radius

from kinfolio.postcodes.models import PostcodeLocation, normalise_postcode

TWENTY_MILES = 20


@dataclass(frozen=True)
class Distance:
    """Miles between two postcodes, or why it cannot be calculated."""

    miles: float | None
    reason: str = ""

    @property
    def over_twenty_miles(self) -> bool | None:
        """Over 20 miles from home, as the DfE counts ("Over 20 miles"; 20.0 miles exactly is
        "20 miles or less"): True or False, or None when it cannot be calculated."""
        return None if self.miles is None else self.miles > TWENTY_MILES

    def __str__(self) -> str:
        if self.miles is None:
            return f"cannot be calculated: {self.reason}"
        return f"{self.miles:.1f} miles"


def locations(postcodes: Iterable[str]) -> dict[str, tuple[float, float]]:
    """(latitude, longitude) of each of ``postcodes`` that has a stored location, keyed
    by the normalised postcode (one query)."""
    wanted = {normalise_postcode(p) for p in postcodes} - {""}
    rows = PostcodeLocation.objects.filter(postcode__in=wanted)
    return {p: (lat, lon) for p, lat, lon in rows.values_list("postcode", "latitude", "longitude")}


def location_sources() -> list[str]:
    """Where the stored locations come from, for a page to say: each publication and
    its release, e.g. "ONS Postcode Directory, May 2025" (one query)."""
    found = PostcodeLocation.objects.order_by("source", "source_date").values_list(
        "source", "source_date"
    )
    return [f"{source}, {published:%B %Y}" for source, published in found.distinct()]


def distance_between(
    home: str, place: str, known: dict[str, tuple[float, float]] | None = None
) -> Distance:
    """Miles from ``home`` to ``place``; ``known`` is ``locations(...)`` already read
    for a list (else the two are read now)."""
    for what, postcode in (("home", home), ("placement", place)):
        if not (postcode or "").strip():
            return Distance(None, f"no {what} postcode recorded")
    if known is None:
        known = locations([home, place])
    points = []
    for postcode in (home, place):
        point = known.get(normalise_postcode(postcode))
        if point is None:
            return Distance(None, f"no location for postcode {postcode.strip().upper()}")
        points.append(point)
    return Distance(haversine(points[0], points[1], unit=Unit.MILES))


def miles_from(home: tuple[float, float] | None, postcode_field: str) -> Expression:
    """Miles from ``home`` (latitude, longitude) to the stored location of the postcode
    in ``postcode_field``, computed by the database (SQLite or PostgreSQL), so that a
    list can be ordered and filtered by distance there: one subquery on the postcode's
    unique index. It is the haversine package's formula operation for operation, so it
    agrees with ``distance_between``; NULL where the postcode has no stored location (or
    ``home`` is None)."""
    if home is None:
        return Value(None, output_field=FloatField())
    lat1, lng1 = (Radians(Value(float(degrees))) for degrees in home)
    lat2, lng2 = Radians("latitude"), Radians("longitude")
    half = Value(0.5)
    d = Power(Sin((lat2 - lat1) * half), 2) + Cos(lat1) * Cos(lat2) * Power(
        Sin((lng2 - lng1) * half), 2
    )
    radius = Value(get_avg_earth_radius(Unit.MILES))
    located = PostcodeLocation.objects.filter(postcode=OuterRef(postcode_field))
    miles = located.annotate(miles=radius * (Value(2.0) * ASin(Sqrt(d)))).values("miles")
    return Subquery(miles[:1], output_field=FloatField())


def out_of_area(postcode: str) -> bool | None:
    """Whether ``postcode`` lies outside the authority's own postcode districts
    (``KINFOLIO_AUTHORITY_POSTCODE_DISTRICTS``); None when it is not a postcode."""
    postcode = normalise_postcode(postcode)
    if not postcode:
        return None
    return postcode.split(" ")[0] not in set(settings.KINFOLIO_AUTHORITY_POSTCODE_DISTRICTS)
