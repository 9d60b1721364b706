"""Placing a child where there is no room is refused when the social worker places them:
beyond a foster household's approved places or a provider's registered capacity, with
nothing written. A child who leaves on the day another arrives frees their place."""

import pytest

from kinfolio.children_in_care.models import CareEpisode, PeriodOfCare
from kinfolio.children_in_care.services.care import (
    PlacementDetails,
    cease_care,
    record_change,
    start_looked_after,
)
from tests.factories import ChildFactory, D
from tests.factories_care import FosterHouseholdFactory, PlacementProviderFactory
from tests.refusals import assert_refused

pytestmark = pytest.mark.django_db
ARRIVED, MOVE = D(2025, 3, 3), D(2025, 6, 2)


@pytest.fixture
def worker(make_user):
    return make_user()


def _with_household(household):
    return PlacementDetails("U4", "PR1", foster_household=household)


def _with_provider(provider):
    return PlacementDetails("K2", "PR4", provider=provider)


def _in_care(placement, by, day=ARRIVED):
    return start_looked_after(
        child=ChildFactory(),
        day=day,
        legal_status="C2",
        category_of_need="N1",
        placement=placement,
        by=by,
    )


def _move(period, placement, by, day=MOVE):
    return record_change(
        period=period, day=day, placement=placement, reason_place_change="CARPL", by=by
    )


def test_a_child_beyond_a_households_approved_places_is_refused_with_nothing_written(worker):
    household = FosterHouseholdFactory(carers="Ann and Bo Field", approved_places=1)
    _in_care(_with_household(household), worker)

    refused = assert_refused(
        lambda: _in_care(_with_household(household), worker, day=MOVE),
        message="Ann and Bo Field are approved for 1 child and 1 child placed with them "
        "on 2 June 2025: there is no place for this child.",
        counted=[PeriodOfCare, CareEpisode],
    )
    assert "foster_household" in refused.message_dict


def test_a_move_into_the_place_a_child_leaves_that_day_is_made(worker):
    household = FosterHouseholdFactory(carers="Ann and Bo Field", approved_places=1)
    leaving = _in_care(_with_household(household), worker)
    moving = _in_care(_with_provider(PlacementProviderFactory()), worker)
    episodes = CareEpisode.objects.filter(period=moving).count()

    assert_refused(
        lambda: _move(moving, _with_household(household), worker),
        message="Ann and Bo Field are approved for 1 child",
        counted=[CareEpisode],
        unchanged=list(CareEpisode.objects.all()),
    )

    cease_care(period=leaving, day=MOVE, reason="E13", by=worker)
    _move(moving, _with_household(household), worker)

    assert CareEpisode.objects.filter(period=moving).count() == episodes + 1
    assert moving.episodes.get(end_date__isnull=True).foster_household == household


def test_a_child_beyond_a_providers_registered_capacity_is_refused_until_a_place_is_free(
    worker,
):
    home = PlacementProviderFactory(name="Oak House", capacity=2)
    placed = [_in_care(_with_provider(home), worker) for _ in range(2)]
    moving = _in_care(_with_household(FosterHouseholdFactory()), worker)

    refused = assert_refused(
        lambda: _move(moving, _with_provider(home), worker),
        message="Oak House is registered for 2 children and has 2 children placed there "
        "on 2 June 2025: there is no place for this child.",
        counted=[CareEpisode],
        unchanged=list(CareEpisode.objects.all()),
    )
    assert "provider" in refused.message_dict

    _move(placed[0], _with_household(FosterHouseholdFactory()), worker)
    _move(moving, _with_provider(home), worker)

    assert moving.episodes.get(end_date__isnull=True).provider == home


def test_an_agency_with_no_capacity_of_its_own_is_not_counted(worker):
    agency = PlacementProviderFactory(provider_type="ifa", capacity=None, urn="")
    _in_care(_with_provider(agency), worker)

    _in_care(_with_provider(agency), worker)

    assert CareEpisode.objects.filter(provider=agency, end_date__isnull=True).count() == 2
