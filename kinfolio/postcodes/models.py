"""Where postcodes are: the latitude and longitude of each postcode's centre.

Kinfolio ships no postcode data. A council loads the Office for National Statistics'
ONS Postcode Directory or Ordnance Survey's Code-Point Open (both under the Open
Government Licence), downloaded by itself, with ``manage.py load_postcode_locations``;
the demo authority stores the directory's locations of the real postcode units it uses
(``demo_authority.geography``).
Each row keeps its source and date, so a distance can say where it came from.
"""

import re
from functools import lru_cache

from django.db import models
from django.db.models import Q

# A UK postcode: outward code (area, district) and inward code (sector, unit).
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")


@lru_cache(maxsize=65_536)  # lists name the same postcodes over and over
def normalise_postcode(text: str) -> str:
    """The postcode in capitals with one space before the inward code ("mk93ej" →
    "MK9 3EJ"); "" when the text is not shaped like a postcode."""
    found = POSTCODE.match(re.sub(r"\s+", "", (text or "").upper()))
    if found is None:
        return ""
    return f"{found.group(1)} {found.group(2)}"


class PostcodeLocation(models.Model):
    """The centre of one postcode, in WGS84 latitude and longitude (degrees)."""

    postcode = models.CharField(max_length=8, unique=True)
    latitude = models.FloatField()
    longitude = models.FloatField()
    source = models.CharField(
        max_length=100, help_text='The publication, e.g. "ONS Postcode Directory"'
    )
    source_date = models.DateField(help_text="The date of the publication's release")

    class Meta:
        ordering = ["postcode"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    latitude__gte=49, latitude__lte=61, longitude__gte=-9, longitude__lte=2
                ),
                name="postcode_location_in_the_uk",
                violation_error_message="A UK postcode lies between latitudes 49 and 61 and "
                "longitudes -9 and 2.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.postcode} ({self.source}, {self.source_date:%B %Y})"
