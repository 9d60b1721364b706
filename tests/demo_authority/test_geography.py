"""The demo's postcodes are real units placed where the ONS Postcode Directory puts them;
its foster households name their agency and the needs they meet."""

import csv
import math

import pytest
from haversine import Unit, haversine

from kinfolio.children_in_care.distances import placement_distances
from kinfolio.children_in_care.models import CareEpisode
from kinfolio.demo_authority.geography import SOURCE, demo_locations
from kinfolio.demo_authority.postcodes import DATA
from kinfolio.demo_authority.providers_gen import in_area
from kinfolio.fostering.models import FosterHousehold
from kinfolio.people.models import Address
from kinfolio.postcodes.models import PostcodeLocation
from kinfolio.postcodes.selectors import out_of_area

pytestmark = pytest.mark.django_db(serialized_rollback=True)


def test_every_demo_postcode_has_the_directorys_location(demo_authority):
    located = set(PostcodeLocation.objects.values_list("postcode", flat=True))
    assert set(Address.objects.values_list("postcode", flat=True)) <= located
    assert set(PostcodeLocation.objects.values_list("source", flat=True)) == {SOURCE}


def test_demo_placements_far_from_home_are_the_out_of_area_ones(demo_authority):
    current = CareEpisode.objects.filter(end_date__isnull=True).exclude(placement_postcode="")
    distances = placement_distances(current.exclude(home_postcode=""))
    far = {pk for pk, d in distances.items() if d.over_twenty_miles}
    assert all(d.miles is not None for d in distances.values())
    assert far
    # Inside the authority's own districts every placement is within 20 miles of home.
    inside = current.filter(pk__in=far).values_list("placement_postcode", "home_postcode")
    assert not [pair for pair in inside if in_area(pair[0]) and in_area(pair[1])]


def test_demo_distances_are_the_directorys_grid_distances():
    """Miles between two units' stored locations (haversine) agree with the straight
    line between their National Grid references to within 0.5%, near and far."""
    with open(DATA, newline="", encoding="utf-8") as handle:
        grid = {
            r["postcode"]: (int(r["eastings"]), int(r["northings"])) for r in csv.DictReader(handle)
        }
    located = {p.postcode: (p.latitude, p.longitude) for p in demo_locations()}
    assert located.keys() == grid.keys()
    postcodes = sorted(grid)
    for home, place in zip(postcodes, reversed(postcodes), strict=True):
        on_grid = math.dist(grid[home], grid[place]) / 1609.344
        assert haversine(located[home], located[place], unit=Unit.MILES) == pytest.approx(
            on_grid, rel=0.005, abs=0.01
        )


def test_the_authoritys_districts_put_each_demo_unit_where_the_ons_does():
    """Out of area by the authority's postcode districts (settings) is out of Milton
    Keynes (E06000042) by the ONS Postcode Directory, for every unit the demo uses."""
    with open(DATA, newline="", encoding="utf-8") as handle:
        units = {r["postcode"]: r["local_authority"] for r in csv.DictReader(handle)}
    assert {p: out_of_area(p) for p in units} == {p: la != "E06000042" for p, la in units.items()}


def test_demo_households_name_their_agency_and_some_needs(demo_authority):
    agency = FosterHousehold.objects.filter(in_house=False)
    assert agency.exists()
    assert not agency.filter(fostering_agency__isnull=True).exists()
    assert set(agency.values_list("fostering_agency__provider_type", flat=True)) == {"ifa"}
    needs = [n for h in FosterHousehold.objects.filter(in_house=True) for n in h.needs_met]
    assert "sibling_group" in needs
