import pytest
from django.core.exceptions import ValidationError

from kinfolio.audit.models import ChangeEvent
from kinfolio.children_in_care.models import CareEpisode, PeriodOfCare
from kinfolio.children_in_care.services.care import (
    PlacementDetails,
    cease_care,
    record_change,
    start_looked_after,
)
from tests.factories import D
from tests.factories_care import ChildFactory, FosterHouseholdFactory, PlacementProviderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(make_user):
    return make_user()


def stored_rows(period):
    return list(
        CareEpisode.objects.filter(period=period)
        .order_by("start_date")
        .values_list(
            "start_date",
            "reason_new_episode",
            "legal_status",
            "placement_type",
            "reason_place_change",
            "end_date",
            "reason_ceased",
            "foster_household_id",
            "provider_id",
        )
    )


def test_a_childs_journey_into_and_out_of_care_is_stored_as_ssda903_episodes(worker):
    child = ChildFactory()
    carers = FosterHouseholdFactory()
    home = PlacementProviderFactory(postcode="NN1 1EE")

    period = start_looked_after(
        child=child,
        day=D(2025, 3, 1),
        legal_status="V2",
        category_of_need="N1",
        placement=PlacementDetails("U6", "PR1", foster_household=carers),
        by=worker,
    )
    record_change(period=period, day=D(2025, 3, 10), legal_status="C1", by=worker)
    record_change(
        period=period,
        day=D(2025, 4, 2),
        placement=PlacementDetails("K2", "PR4", provider=home),
        reason_place_change="CARPL",
        by=worker,
    )
    cease_care(period=period, day=D(2025, 9, 1), reason="E4A", by=worker)

    assert stored_rows(period) == [
        (D(2025, 3, 1), "S", "V2", "U6", "", D(2025, 3, 10), "X1", carers.pk, None),
        (D(2025, 3, 10), "L", "C1", "U6", "CARPL", D(2025, 4, 2), "X1", carers.pk, None),
        (D(2025, 4, 2), "P", "C1", "K2", "", D(2025, 9, 1), "E4A", None, home.pk),
    ]
    assert PeriodOfCare.objects.get(pk=period.pk).end_date == D(2025, 9, 1)
    assert ChangeEvent.objects.filter(child=child, model="children_in_care.careepisode").exists()


def test_a_refused_change_writes_nothing_and_no_history(worker):
    child = ChildFactory()
    period = start_looked_after(
        child=child,
        day=D(2025, 3, 1),
        legal_status="V2",
        category_of_need="N1",
        placement=PlacementDetails("U6", "PR1", foster_household=FosterHouseholdFactory()),
        by=worker,
    )
    rows, history = stored_rows(period), ChangeEvent.objects.count()

    with pytest.raises(ValidationError, match="reason for the placement change"):
        record_change(
            period=period,
            day=D(2025, 4, 1),
            placement=PlacementDetails("U4", "PR1", foster_household=FosterHouseholdFactory()),
            by=worker,
        )

    assert stored_rows(period) == rows
    assert ChangeEvent.objects.count() == history


def test_start_looked_after_refuses_a_child_already_in_care(worker):
    child = ChildFactory()
    placement = PlacementDetails("U6", "PR1", foster_household=FosterHouseholdFactory())
    start_looked_after(
        child=child,
        day=D(2025, 3, 1),
        legal_status="V2",
        category_of_need="N1",
        placement=placement,
        by=worker,
    )

    with pytest.raises(ValidationError, match="already looked after"):
        start_looked_after(
            child=child,
            day=D(2025, 5, 1),
            legal_status="C1",
            category_of_need="N1",
            placement=placement,
            by=worker,
        )

    assert PeriodOfCare.objects.filter(child=child).count() == 1


def test_a_foster_placement_before_the_household_was_approved_is_refused(worker):
    late_approval = FosterHouseholdFactory(approval_date=D(2025, 6, 1))

    with pytest.raises(ValidationError, match="not approved when the placement started"):
        start_looked_after(
            child=ChildFactory(),
            day=D(2025, 3, 1),
            legal_status="V2",
            category_of_need="N1",
            placement=PlacementDetails("U6", "PR1", foster_household=late_approval),
            by=worker,
        )

    assert not PeriodOfCare.objects.exists()
    assert not ChangeEvent.objects.exists()


def test_a_late_status_change_resequences_the_stored_episodes(worker):
    carers = FosterHouseholdFactory()
    period = start_looked_after(
        child=ChildFactory(),
        day=D(2025, 3, 1),
        legal_status="V2",
        category_of_need="N1",
        placement=PlacementDetails("U6", "PR1", foster_household=carers),
        by=worker,
    )
    record_change(period=period, day=D(2025, 5, 1), legal_status="C1", by=worker)

    record_change(period=period, day=D(2025, 4, 10), legal_status="C1", by=worker)

    assert stored_rows(period) == [
        (D(2025, 3, 1), "S", "V2", "U6", "", D(2025, 4, 10), "X1", carers.pk, None),
        (D(2025, 4, 10), "L", "C1", "U6", "", None, "", carers.pk, None),
    ]
