"""Periods of care, SSDA903 episodes, UASC status and placement providers: every
database constraint and ``clean()`` rule refuses a wrong row and allows a right one."""

import pytest

from tests.factories_care import (
    CareEpisodeFactory,
    ChildFactory,
    D,
    FosterHouseholdFactory,
    PeriodOfCareFactory,
    PlacementProviderFactory,
    UASCStatusFactory,
    assert_allowed,
    assert_clean_refuses,
    assert_constraint_refuses,
)

pytestmark = pytest.mark.django_db


def ended_period():
    """A period of care from 1 January to 1 June 2020 with one episode; the child went
    home."""
    end = D(2020, 6, 1)
    period = PeriodOfCareFactory(start_date=D(2020, 1, 1))
    CareEpisodeFactory(period=period, end_date=end, reason_ceased="E4A")
    period.end_date = end
    period.save()
    return period


def second_episode(period, **fields):
    """An unsaved episode following the period's first, which is closed with X1."""
    first = period.episodes.get()
    first.end_date, first.reason_ceased = D(2020, 3, 1), "X1"
    first.save()
    values = {"period": period, "start_date": D(2020, 3, 1), "reason_new_episode": "P"} | fields
    return CareEpisodeFactory.build(**values)


# --- PeriodOfCare ---------------------------------------------------------------------


def test_period_end_before_start_refused():
    period = PeriodOfCareFactory.build(
        child=ChildFactory(), start_date=D(2020, 2, 1), end_date=D(2020, 1, 1)
    )
    assert_constraint_refuses(period, "The end date cannot be before the start date.")


def test_period_with_end_after_start_allowed():
    assert_allowed(PeriodOfCareFactory.build(child=ChildFactory(), end_date=D(2020, 2, 1)))


def test_second_open_period_refused():
    first = PeriodOfCareFactory()
    second = PeriodOfCareFactory.build(child=first.child, start_date=D(2021, 1, 1))
    assert_constraint_refuses(second, "This child is already looked after.")


def test_open_period_after_a_closed_one_allowed():
    first = ended_period()
    assert_allowed(PeriodOfCareFactory.build(child=first.child, start_date=D(2021, 1, 1)))


def test_overlapping_period_refused_by_clean():
    first = ended_period()
    second = PeriodOfCareFactory.build(
        child=first.child, start_date=D(2019, 1, 1), end_date=D(2020, 3, 1)
    )
    assert_clean_refuses(second, "This child was already looked after then")


def test_period_starting_the_day_the_last_ended_allowed():
    first = ended_period()
    assert_allowed(PeriodOfCareFactory.build(child=first.child, start_date=first.end_date))


def test_period_ending_other_than_its_last_episode_refused():
    period = ended_period()
    period.end_date = D(2020, 7, 1)
    assert_clean_refuses(period, "The period of care must end on the day its last episode ends.")


def test_period_ending_with_its_last_episode_allowed():
    assert_allowed(ended_period())


# --- CareEpisode: constraints -----------------------------------------------------------


def test_episode_end_before_start_refused():
    episode = CareEpisodeFactory.build(
        period=PeriodOfCareFactory(), end_date=D(2019, 1, 1), reason_ceased="E4A"
    )
    assert_constraint_refuses(episode, "The end date cannot be before the start date.")


def test_two_episodes_starting_the_same_day_refused():
    first = CareEpisodeFactory(end_date=D(2020, 1, 1), reason_ceased="X1")
    twin = CareEpisodeFactory.build(period=first.period)
    assert_constraint_refuses(twin, "Another episode of this period starts on that day.")


def test_second_open_episode_refused():
    first = CareEpisodeFactory()
    other = CareEpisodeFactory.build(period=first.period, start_date=D(2020, 2, 1))
    assert_constraint_refuses(other, "This period of care already has a current episode.")


@pytest.mark.parametrize(("end_date", "reason_ceased"), [(D(2020, 2, 1), ""), (None, "E4A")])
def test_reason_ceased_without_end_or_end_without_reason_refused(end_date, reason_ceased):
    episode = CareEpisodeFactory.build(
        period=PeriodOfCareFactory(), end_date=end_date, reason_ceased=reason_ceased
    )
    assert_constraint_refuses(episode, "Give the reason the episode ceased")


def test_place_change_reason_on_an_open_episode_refused():
    episode = CareEpisodeFactory.build(period=PeriodOfCareFactory(), reason_place_change="CARPL")
    assert_constraint_refuses(episode, "A reason for placement change belongs to an episode")


def test_place_change_reason_on_an_ended_episode_allowed():
    period = PeriodOfCareFactory()
    assert_allowed(
        CareEpisodeFactory.build(
            period=period, end_date=D(2020, 2, 1), reason_ceased="E4A", reason_place_change="CARPL"
        )
    )


def test_both_foster_household_and_provider_refused():
    episode = CareEpisodeFactory.build(
        period=PeriodOfCareFactory(),
        foster_household=FosterHouseholdFactory(),
        provider=PlacementProviderFactory(),
    )
    assert_constraint_refuses(
        episode, "A placement is with a foster household or with a placement provider, not both."
    )


def test_children_home_placement_with_a_provider_allowed():
    assert_allowed(
        CareEpisodeFactory.build(
            period=PeriodOfCareFactory(), placement_type="K2", provider=PlacementProviderFactory()
        )
    )


def test_foster_household_in_a_childrens_home_placement_refused():
    episode = CareEpisodeFactory.build(
        period=PeriodOfCareFactory(), placement_type="K2", foster_household=FosterHouseholdFactory()
    )
    assert_constraint_refuses(episode, "Only a foster placement (U1 to U6)")


@pytest.mark.parametrize("placement_type", ["U1", "U6", "A3", "A5"])
def test_foster_household_in_a_foster_placement_allowed(placement_type):
    assert_allowed(
        CareEpisodeFactory.build(
            period=PeriodOfCareFactory(),
            placement_type=placement_type,
            foster_household=FosterHouseholdFactory(),
        )
    )


# --- CareEpisode: clean() -------------------------------------------------------------


def test_episode_before_its_period_refused():
    episode = CareEpisodeFactory.build(period=PeriodOfCareFactory(), start_date=D(2019, 12, 1))
    assert_clean_refuses(episode, "The episode cannot start before the period of care.")


def test_episode_running_past_its_period_refused():
    period = ended_period()
    period.episodes.all().delete()
    episode = CareEpisodeFactory.build(period=period, end_date=D(2020, 7, 1), reason_ceased="E4A")
    assert_clean_refuses(episode, "The episode must end by the end of the period of care.")


def test_first_episode_after_the_period_start_refused():
    episode = CareEpisodeFactory.build(period=PeriodOfCareFactory(), start_date=D(2020, 1, 5))
    assert_clean_refuses(episode, "The first episode starts on the day the period of care starts.")


def test_first_episode_not_started_to_be_looked_after_refused():
    episode = CareEpisodeFactory.build(period=PeriodOfCareFactory(), reason_new_episode="L")
    assert_clean_refuses(episode, "The first episode of a period of care has the reason")


def test_first_episode_on_the_period_start_with_s_allowed():
    assert_allowed(CareEpisodeFactory.build(period=PeriodOfCareFactory()))


def test_episode_leaving_a_gap_after_the_previous_refused():
    period = CareEpisodeFactory().period
    episode = second_episode(period, start_date=D(2020, 3, 5))
    assert_clean_refuses(episode, "The episode must start on the day the previous episode ended.")


def test_later_episode_started_to_be_looked_after_refused():
    period = CareEpisodeFactory().period
    episode = second_episode(period, reason_new_episode="S")
    assert_clean_refuses(episode, "Only the first episode of a period of care is")


def test_contiguous_second_episode_allowed():
    period = CareEpisodeFactory().period
    assert_allowed(second_episode(period))


def test_episode_overlapping_a_sibling_refused():
    period = CareEpisodeFactory().period
    first = period.episodes.get()
    first.end_date, first.reason_ceased = D(2020, 3, 1), "X1"
    first.save()
    CareEpisodeFactory(period=period, start_date=D(2020, 3, 1), reason_new_episode="P")
    overlapping = CareEpisodeFactory.build(
        period=period,
        start_date=D(2020, 2, 1),
        end_date=D(2020, 4, 1),
        reason_ceased="X1",
        reason_new_episode="L",
    )
    assert_clean_refuses(overlapping, "This episode overlaps another in the same period")


def test_episode_not_ending_when_the_next_starts_refused():
    period = CareEpisodeFactory().period
    second_episode(period).save()
    first = period.episodes.order_by("start_date").first()
    first.end_date = D(2020, 2, 1)
    assert_clean_refuses(first, "The episode must end on the day the next episode starts.")


def test_episode_followed_by_another_without_x1_refused():
    period = CareEpisodeFactory().period
    second_episode(period).save()
    first = period.episodes.order_by("start_date").first()
    first.reason_ceased = "E4A"
    assert_clean_refuses(first, "An episode followed by another in the same period ceases with")


def test_last_episode_not_ending_with_the_period_refused():
    period = ended_period()
    last = period.episodes.get()
    last.end_date = D(2020, 5, 1)
    assert_clean_refuses(last, "The last episode ends on the day the period of care ends.")


def test_foster_placement_before_approval_refused():
    household = FosterHouseholdFactory(approval_date=D(2020, 6, 1))
    episode = CareEpisodeFactory.build(period=PeriodOfCareFactory(), foster_household=household)
    assert_clean_refuses(
        episode, "The foster household was not approved when the placement started."
    )


def test_foster_placement_past_deregistration_refused():
    household = FosterHouseholdFactory(status="deregistered", deregistered_on=D(2020, 2, 1))
    episode = CareEpisodeFactory.build(period=PeriodOfCareFactory(), foster_household=household)
    assert_clean_refuses(
        episode, "The placement must end by the day the foster household was deregistered."
    )


def test_foster_placement_within_approval_allowed():
    household = FosterHouseholdFactory(status="deregistered", deregistered_on=D(2020, 2, 1))
    assert_allowed(
        CareEpisodeFactory.build(
            period=PeriodOfCareFactory(),
            foster_household=household,
            end_date=D(2020, 2, 1),
            reason_ceased="E4A",
        )
    )


# --- UASCStatus -------------------------------------------------------------------------


def test_uasc_end_before_start_refused():
    status = UASCStatusFactory.build(child=ChildFactory(), end_date=D(2019, 1, 1))
    assert_constraint_refuses(status, "The end date cannot be before the start date.")


def test_second_open_uasc_status_refused():
    first = UASCStatusFactory()
    second = UASCStatusFactory.build(child=first.child, start_date=D(2021, 1, 1))
    assert_constraint_refuses(second, "This child already has a current UASC status.")


def test_overlapping_uasc_status_refused_by_clean():
    first = UASCStatusFactory(end_date=D(2021, 1, 1))
    second = UASCStatusFactory.build(
        child=first.child, start_date=D(2020, 6, 1), end_date=D(2020, 7, 1)
    )
    assert_clean_refuses(second, "This overlaps another UASC status of the same child.")


def test_later_uasc_status_allowed():
    first = UASCStatusFactory(end_date=D(2021, 1, 1))
    assert_allowed(UASCStatusFactory.build(child=first.child, start_date=D(2021, 1, 1)))


# --- PlacementProvider ----------------------------------------------------------------


def test_provider_with_a_used_urn_refused():
    first = PlacementProviderFactory()
    assert_constraint_refuses(
        PlacementProviderFactory.build(urn=first.urn),
        "Another placement provider has this Ofsted URN.",
    )


def test_providers_without_urn_allowed():
    PlacementProviderFactory(urn="")
    assert_allowed(PlacementProviderFactory.build(urn=""))


def test_provider_with_no_capacity_refused():
    assert_constraint_refuses(
        PlacementProviderFactory.build(capacity=0), "A provider's capacity is at least one child."
    )


def test_provider_rating_date_without_rating_refused():
    provider = PlacementProviderFactory.build(ofsted_rating_date=D(2020, 1, 1))
    assert_constraint_refuses(provider, "Give the Ofsted judgement for the date of the judgement.")


def test_provider_with_rating_and_date_allowed():
    assert_allowed(
        PlacementProviderFactory.build(ofsted_rating="good", ofsted_rating_date=D(2020, 1, 1))
    )
