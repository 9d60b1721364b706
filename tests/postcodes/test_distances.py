"""Distances from home to placement, and the 20-mile flag that never guesses."""

import pytest

from kinfolio.children_in_care.distances import (
    is_over_20_miles,
    placement_distance,
    placement_distance_miles,
    placement_distances,
)
from kinfolio.children_in_care.models import CareEpisode
from kinfolio.postcodes.models import PostcodeLocation
from kinfolio.postcodes.selectors import Distance, distance_between, miles_from, out_of_area
from tests.factories import located
from tests.factories_care import CareEpisodeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def places():
    # Hand-made points: 0.29 degrees of latitude is 20.0 miles (haversine, mean radius).
    for postcode, latitude in [("MK9 1AA", 52.0), ("MK9 1AB", 52.28), ("NN1 1AA", 52.30)]:
        located(postcode, latitude)


def episode(home: str, place: str):
    return CareEpisodeFactory(home_postcode=home, placement_postcode=place)


def test_a_placement_just_under_20_miles_is_not_flagged(places):
    placement = episode("MK9 1AA", "MK9 1AB")
    assert placement_distance_miles(placement) == pytest.approx(19.35, abs=0.01)
    assert is_over_20_miles(placement) is False


def test_a_placement_over_20_miles_is_flagged(places):
    placement = episode("mk91aa", "NN1 1AA")
    assert placement_distance_miles(placement) == pytest.approx(20.73, abs=0.01)
    assert is_over_20_miles(placement) is True
    assert str(placement_distance(placement)) == "20.7 miles"


@pytest.mark.parametrize(("miles", "flagged"), [(19.99, False), (20.0, False), (20.01, True)])
def test_exactly_20_miles_is_20_miles_or_less_as_the_dfe_counts(miles, flagged):
    # DfE, Children looked after: a focus on placement location (2024): "20 miles or
    # less" and "Over 20 miles".
    assert Distance(miles).over_twenty_miles is flagged


@pytest.mark.parametrize(
    ("home", "place", "reason"),
    [
        ("MK9 1AA", "LU1 1AA", "cannot be calculated: no location for postcode LU1 1AA"),
        ("LU1 1AA", "MK9 1AA", "cannot be calculated: no location for postcode LU1 1AA"),
        ("", "MK9 1AA", "cannot be calculated: no home postcode recorded"),
        ("MK9 1AA", "", "cannot be calculated: no placement postcode recorded"),
    ],
)
def test_without_a_location_the_flag_says_why_rather_than_guessing(places, home, place, reason):
    placement = episode(home, place)
    assert placement_distance_miles(placement) is None
    assert is_over_20_miles(placement) is None
    assert str(placement_distance(placement)) == reason


def test_distances_for_many_placements_take_one_query(places, django_assert_num_queries):
    placements = [episode("MK9 1AA", "NN1 1AA"), episode("MK9 1AA", "LU1 1AA")]
    with django_assert_num_queries(1):
        distances = placement_distances(placements)
    assert [distances[p.pk].over_twenty_miles for p in placements] == [True, None]


def test_out_of_area_reads_the_authoritys_postcode_districts(settings):
    settings.KINFOLIO_AUTHORITY_POSTCODE_DISTRICTS = ["MK9"]
    assert [out_of_area(p) for p in ("mk9 1aa", "NN1 1AA", "nonsense")] == [False, True, None]


def test_miles_from_in_the_database_is_distance_between_exactly(places):
    """Lists ordered and filtered by distance in the database agree with the miles pages
    show (``distance_between``), to the last digit, on SQLite and PostgreSQL."""
    for postcode, latitude, longitude in [("LS1 1AA", 53.7997, -1.5492), ("TR1 1AA", 50.26, -5.05)]:
        located(postcode, latitude, longitude)
    points = {
        postcode: (latitude, longitude)
        for postcode, latitude, longitude in PostcodeLocation.objects.values_list(
            "postcode", "latitude", "longitude"
        )
    }
    for home, point in points.items():
        from_home = PostcodeLocation.objects.annotate(miles=miles_from(point, "postcode"))
        for place, miles in from_home.values_list("postcode", "miles"):
            assert miles == distance_between(home, place).miles, (home, place)
    episode("MK9 1AA", "LU1 1AA")  # a placement postcode with no stored location
    episodes = CareEpisode.objects.annotate(
        miles=miles_from(points["MK9 1AA"], "placement_postcode")
    )
    assert list(episodes.values_list("miles", flat=True)) == [None]
    unplaced = PostcodeLocation.objects.annotate(miles=miles_from(None, "postcode"))
    assert set(unplaced.values_list("miles", flat=True)) == {None}
