"""Placement search: vacancies matching the child's age and needs, nearest home first,
with the 20-mile and outside-the-authority flags."""

import pytest

from kinfolio.fostering.models import HouseholdStatus, LimitExemption
from kinfolio.fostering.placement_search import search_placements
from kinfolio.people.models import Address
from tests.factories import ChildFactory, D, located
from tests.factories_care import (
    CareEpisodeFactory,
    FosterHouseholdFactory,
    PlacementProviderFactory,
)

pytestmark = pytest.mark.django_db
TODAY = D(2026, 12, 2)


@pytest.fixture
def child(settings):
    settings.KINFOLIO_AUTHORITY_POSTCODE_DISTRICTS = ["MK9", "MK6"]
    # Hand-made points on one meridian: 0.1 degree of latitude is about 6.9 miles.
    for postcode, latitude in [("MK9 1AA", 52.0), ("MK6 2BB", 52.05), ("NN1 1AA", 52.35)]:
        located(postcode, latitude)
    child = ChildFactory(date_of_birth=D(2016, 3, 31))  # 10 on TODAY
    Address.objects.create(
        person=child,
        line_1="1 High St",
        town="Testtown",
        postcode="MK9 1AA",
        start_date=D(2016, 4, 1),
    )
    return child


def names(found) -> list[str]:
    return [c.name.split(" (")[0] for c in found]


def test_households_with_a_place_for_the_childs_age_nearest_first(child):
    FosterHouseholdFactory(carers="Near", postcode="MK6 2BB", approved_places=2)
    FosterHouseholdFactory(carers="Far", postcode="NN1 1AA", in_house=False)
    FosterHouseholdFactory(carers="Unplaceable", postcode="LU1 1AA")
    full = FosterHouseholdFactory(carers="Full", approved_places=1)
    CareEpisodeFactory(foster_household=full)
    FosterHouseholdFactory(carers="Resting", status=HouseholdStatus.ON_HOLD)
    FosterHouseholdFactory(carers="Teens only", age_from=12, age_to=17)
    FosterHouseholdFactory(carers="Family", connected_persons=True)

    found = search_placements(child=child, on=TODAY)

    assert names(found) == ["Near", "Far", "Unplaceable"]
    near, far, unplaceable = found
    assert (near.vacancies, near.distance.over_twenty_miles, near.out_of_area) == (
        2,
        False,
        False,
    )
    assert (far.distance.over_twenty_miles, far.out_of_area, far.kind) == (
        True,
        True,
        "agency_foster",
    )
    assert str(unplaceable.distance) == "cannot be calculated: no location for postcode LU1 1AA"
    assert unplaceable.distance.over_twenty_miles is None


def test_a_placed_child_leaves_one_vacancy_of_two(child):
    household = FosterHouseholdFactory(carers="Busy", approved_places=2, postcode="MK6 2BB")
    CareEpisodeFactory(foster_household=household)
    CareEpisodeFactory(foster_household=household, end_date=D(2024, 1, 1), reason_ceased="E11")
    [found] = search_placements(child=child, on=TODAY)
    assert found.vacancies == 1


def test_needs_and_distance_narrow_the_search(child):
    FosterHouseholdFactory(carers="Siblings", postcode="NN1 1AA", needs_met=["sibling_group"])
    FosterHouseholdFactory(carers="Anyone", postcode="MK6 2BB")
    assert names(search_placements(child=child, on=TODAY, needs={"sibling_group"})) == ["Siblings"]
    assert names(search_placements(child=child, on=TODAY, within_miles=20)) == ["Anyone"]


def test_providers_are_offered_only_for_the_needs_they_meet(child):
    PlacementProviderFactory(name="Teen home", capacity=2, needs_met=["teenagers", "emergency"])
    PlacementProviderFactory(name="Any home", capacity=2)

    found = search_placements(child=child, on=TODAY, needs={"emergency"})

    assert names(found) == ["Teen home"]
    assert found[0].needs == "Emergency placement (the same day), Teenagers"
    assert names(search_placements(child=child, on=TODAY, needs={"remand"})) == []
    assert sorted(names(search_placements(child=child, on=TODAY))) == ["Any home", "Teen home"]


def test_providers_with_room_and_supported_accommodation_only_from_16(child):
    PlacementProviderFactory(
        name="Oak House", provider_type="external_childrens_home", capacity=2, postcode="MK6 2BB"
    )
    PlacementProviderFactory(name="Step On", provider_type="supported_accommodation", capacity=2)
    home = PlacementProviderFactory(
        name="Full House", provider_type="in_house_childrens_home", capacity=1
    )
    CareEpisodeFactory(provider=home, placement_type="K2")
    PlacementProviderFactory(
        name="No capacity", provider_type="external_childrens_home", capacity=None
    )

    assert names(search_placements(child=child, on=TODAY)) == ["Oak House"]
    older = search_placements(child=child, on=D(2032, 6, 1), kinds={"supported_accommodation"})
    assert names(older) == ["Step On"]
    assert older[0].choice == {"placement_type": "K3", "provider": str(older[0].provider_id)}


def test_an_in_house_household_is_chosen_as_own_provision(child):
    household = FosterHouseholdFactory(postcode="MK6 2BB")
    [found] = search_placements(child=child, on=TODAY)
    assert found.choice == {
        "placement_type": "U6",
        "placement_provider": "PR1",
        "foster_household": str(household.pk),
    }


def test_no_search_for_an_unborn_child_or_an_adult(child):
    FosterHouseholdFactory()
    unborn = ChildFactory(date_of_birth=None, expected_date_of_birth=D(2027, 1, 1))
    assert search_placements(child=unborn, on=TODAY) == []
    assert search_placements(child=child, on=D(2034, 4, 1)) == []


def test_the_search_takes_the_same_queries_for_one_place_or_many(child, django_assert_num_queries):
    """The child's home and its location, the count, the page's places in order, their
    households, providers and locations."""
    FosterHouseholdFactory()
    PlacementProviderFactory(capacity=2)
    with django_assert_num_queries(8) as one:
        list(search_placements(child=child, on=TODAY))
    for _ in range(5):
        FosterHouseholdFactory(
            fostering_agency=PlacementProviderFactory(provider_type="ifa"), in_house=False
        )
        PlacementProviderFactory(capacity=2)
    with django_assert_num_queries(len(one.captured_queries)):
        found = list(search_placements(child=child, on=TODAY))
    assert len(found) == 12


@pytest.fixture
def many_places(child):
    """Places at equal distances, unknown distances, names that sort differently by
    code point than alphabetically, the fostering limit and an exemption, needs, kinds."""
    for postcode, latitude, longitude in [("MK6 3CC", 52.0, -0.6), ("MK6 4DD", 52.03, -0.7)]:
        located(postcode, latitude, longitude)
    agency = PlacementProviderFactory(name="Zeta Fostering", provider_type="ifa", capacity=None)
    for reference, carers, postcode, extra in [
        ("FH1", "de Souza", "MK6 2BB", {}),
        ("FH2", "Dixon", "MK6 2BB", {"needs_met": ["sibling_group"]}),
        ("FH3", "Able", "MK6 2BB", {"in_house": False, "fostering_agency": agency}),
        ("FH4", "Eastward", "MK6 3CC", {"needs_met": ["sibling_group", "teenagers"]}),
        ("FH5", "Far", "NN1 1AA", {}),
        ("FH6", "No postcode", "", {}),
        ("FH7", "elsewhere", "LU1 1AA", {"needs_met": ["sibling_group"]}),
        ("FH8", "Dixon", "MK6 4DD", {"in_house": False}),
    ]:
        FosterHouseholdFactory(reference=reference, carers=carers, postcode=postcode, **extra)
    full = FosterHouseholdFactory(reference="FH9", carers="Full", approved_places=1)
    at_limit = FosterHouseholdFactory(reference="FH10", carers="At limit", approved_places=4)
    exempt = FosterHouseholdFactory(reference="FH11", carers="Exempt", approved_places=4)
    for household in (full, at_limit, at_limit, at_limit, exempt, exempt, exempt):
        CareEpisodeFactory(foster_household=household)
    granted = {"granted_by": "Head of Service", "granted_on": D(2026, 1, 1)}
    LimitExemption.objects.create(household=exempt, until=D(2027, 1, 1), **granted).children.add(
        child
    )
    for name, postcode, kind in [
        ("Oak House", "MK6 2BB", "external_childrens_home"),
        ("Beech", "MK6 4DD", "in_house_childrens_home"),
        ("abbey", "LU1 1AA", "external_childrens_home"),
        ("Step On", "MK6 2BB", "supported_accommodation"),
    ]:
        PlacementProviderFactory(name=name, postcode=postcode, provider_type=kind, capacity=2)


# What placement search offered for ``many_places`` before it ordered by distance in the
# database (recorded from the search that computed every place in Python, 2 December 2026).
BEFORE = {
    "all": [
        ("Exempt (FH11)", "in_house_foster", 1, "0.0 miles", False),
        ("Beech", "childrens_home", 2, "3.0 miles", False),
        ("Dixon (FH8)", "agency_foster", 2, "3.0 miles", False),
        ("Able (FH3), Zeta Fostering", "agency_foster", 2, "3.5 miles", False),
        ("Dixon (FH2)", "in_house_foster", 2, "3.5 miles", False),
        ("Oak House", "childrens_home", 2, "3.5 miles", False),
        ("de Souza (FH1)", "in_house_foster", 2, "3.5 miles", False),
        ("Eastward (FH4)", "in_house_foster", 2, "6.4 miles", False),
        ("Far (FH5)", "in_house_foster", 2, "24.2 miles", True),
        (
            "No postcode (FH6)",
            "in_house_foster",
            2,
            "cannot be calculated: no placement postcode recorded",
            None,
        ),
        (
            "abbey",
            "childrens_home",
            2,
            "cannot be calculated: no location for postcode LU1 1AA",
            True,
        ),
        (
            "elsewhere (FH7)",
            "in_house_foster",
            2,
            "cannot be calculated: no location for postcode LU1 1AA",
            True,
        ),
    ],
    "within_5": [
        ("Exempt (FH11)", "in_house_foster", 1, "0.0 miles", False),
        ("Beech", "childrens_home", 2, "3.0 miles", False),
        ("Dixon (FH8)", "agency_foster", 2, "3.0 miles", False),
        ("Able (FH3), Zeta Fostering", "agency_foster", 2, "3.5 miles", False),
        ("Dixon (FH2)", "in_house_foster", 2, "3.5 miles", False),
        ("Oak House", "childrens_home", 2, "3.5 miles", False),
        ("de Souza (FH1)", "in_house_foster", 2, "3.5 miles", False),
        (
            "No postcode (FH6)",
            "in_house_foster",
            2,
            "cannot be calculated: no placement postcode recorded",
            None,
        ),
        (
            "abbey",
            "childrens_home",
            2,
            "cannot be calculated: no location for postcode LU1 1AA",
            True,
        ),
        (
            "elsewhere (FH7)",
            "in_house_foster",
            2,
            "cannot be calculated: no location for postcode LU1 1AA",
            True,
        ),
    ],
    "siblings": [
        ("Dixon (FH2)", "in_house_foster", 2, "3.5 miles", False),
        ("Eastward (FH4)", "in_house_foster", 2, "6.4 miles", False),
        (
            "elsewhere (FH7)",
            "in_house_foster",
            2,
            "cannot be calculated: no location for postcode LU1 1AA",
            True,
        ),
    ],
    "homes": [
        ("Beech", "childrens_home", 2, "3.0 miles", False),
        ("Oak House", "childrens_home", 2, "3.5 miles", False),
        (
            "abbey",
            "childrens_home",
            2,
            "cannot be calculated: no location for postcode LU1 1AA",
            True,
        ),
    ],
}


@pytest.mark.parametrize(
    ("search", "filters"),
    [
        ("all", {}),
        ("within_5", {"within_miles": 5}),
        ("siblings", {"needs": {"sibling_group"}}),
        ("homes", {"kinds": {"childrens_home"}}),
    ],
)
def test_the_search_offers_what_it_did_before_in_the_same_order(
    many_places, child, search, filters
):
    found = search_placements(child=child, on=TODAY, **filters)
    shown = [(c.name, c.kind, c.vacancies, str(c.distance), c.out_of_area) for c in found]
    assert shown == BEFORE[search]
    pages = [c for start in range(0, len(found), 4) for c in found[start : start + 4]]
    assert pages == list(found)
