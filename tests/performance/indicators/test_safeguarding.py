"""Hand-worked scenarios for the front door, referral, assessment and children in need
indicators. The year is 2024-25: 1 April 2024 to 31 March 2025."""

import pytest

from tests.factories import (
    AssessmentFactory,
    ChildFactory,
    CINEpisodeFactory,
    ContactFactory,
    D,
    DecidedContactFactory,
    at,
)
from tests.performance.indicators.helpers import children, figure, population, triple

pytestmark = pytest.mark.django_db


def authorised(episode, day, **outcome):
    return AssessmentFactory(
        cin_episode=episode,
        start_date=episode.referral_date,
        authorised_date=day,
        **(outcome or {"outcome_cin_plan": True}),
    )


def test_contacts_count_by_the_local_date_they_were_received():
    # 31 March 2025 is in British Summer Time: 23:30 that night is 22:30 UTC, still
    # 2024-25; 00:30 on 1 April is 23:30 UTC on 31 March, but locally 2025-26.
    ContactFactory(received_at=at(2025, 3, 31, 23, 30))
    ContactFactory(received_at=at(2025, 4, 1, 0, 30))
    ContactFactory(received_at=at(2024, 4, 1, 0, 5))
    DecidedContactFactory(received_at=at(2024, 6, 3), decided_at=at(2024, 6, 3, 15))

    assert triple("contacts") == (3, None, 3)
    # One of the three was decided as a referral: 1 / 3 = 33.3%.
    assert triple("contacts_to_referral") == (1, 3, 33.3)


def test_contact_decisions_within_a_working_day_skip_christmas_and_weekends():
    # Fri 20 Dec 2024 -> due Mon 23 Dec; Tue 24 Dec -> due Fri 27 Dec (25 and 26 Dec are
    # bank holidays); Fri 27 Dec -> due Mon 30 Dec, decided Tue 31 Dec: late.
    for received, decided in [
        (at(2024, 12, 20), at(2024, 12, 23, 16)),
        (at(2024, 12, 24), at(2024, 12, 27, 9)),
        (at(2024, 12, 27), at(2024, 12, 31, 9)),
    ]:
        DecidedContactFactory(received_at=received, decided_at=decided)

    assert triple("contact_decision_1wd") == (2, 3, 66.7)


def test_referrals_count_each_referral_and_unborn_children_within_the_year():
    unborn = ChildFactory(date_of_birth=None, expected_date_of_birth=D(2025, 6, 1))
    CINEpisodeFactory(child=unborn, referral_date=D(2025, 3, 31))
    CINEpisodeFactory(referral_date=D(2024, 4, 1), close_date=D(2024, 5, 1), close_reason="RC8")
    CINEpisodeFactory(referral_date=D(2024, 3, 31), close_date=D(2024, 4, 2), close_reason="RC8")
    CINEpisodeFactory(referral_date=D(2025, 4, 1))
    twice = ChildFactory()
    CINEpisodeFactory(
        child=twice,
        referral_date=D(2024, 5, 1),
        close_date=D(2024, 5, 2),
        close_reason="RC8",
        nfa=True,
    )
    CINEpisodeFactory(child=twice, referral_date=D(2024, 9, 1))
    population(40_000, "2024-25")

    # 31 Mar 2025 (unborn), 1 Apr 2024, and the child referred twice: 4 referrals.
    assert triple("referrals") == (4, None, 4)
    # 4 / 40,000 x 10,000 = 1.0
    assert triple("referral_rate") == (4, 40_000, 1.0)
    # One was no further action: 1 / 4 = 25%.
    assert triple("referrals_nfa") == (1, 4, 25.0)


def test_a_referral_exactly_12_months_after_the_last_is_a_re_referral():
    exactly = ChildFactory()
    CINEpisodeFactory(
        child=exactly, referral_date=D(2023, 4, 1), close_date=D(2023, 5, 1), close_reason="RC8"
    )
    CINEpisodeFactory(child=exactly, referral_date=D(2024, 4, 1))
    a_day_more = ChildFactory()
    CINEpisodeFactory(
        child=a_day_more, referral_date=D(2023, 3, 31), close_date=D(2023, 5, 1), close_reason="RC8"
    )
    CINEpisodeFactory(child=a_day_more, referral_date=D(2024, 4, 1))
    CINEpisodeFactory(referral_date=D(2024, 7, 1))

    found = figure("re_referrals")
    assert (found.numerator, found.denominator, found.value) == (1, 3, 33.3)
    assert children(found.numerator_rows) == {exactly.pk}


def test_twelve_months_before_29_february_is_28_february():
    leap = ChildFactory()
    CINEpisodeFactory(
        child=leap, referral_date=D(2023, 2, 28), close_date=D(2023, 5, 1), close_reason="RC8"
    )
    CINEpisodeFactory(child=leap, referral_date=D(2024, 2, 29))
    a_day_more = ChildFactory()
    CINEpisodeFactory(
        child=a_day_more, referral_date=D(2023, 2, 27), close_date=D(2023, 5, 1), close_reason="RC8"
    )
    CINEpisodeFactory(child=a_day_more, referral_date=D(2024, 2, 29))

    # In 2023-24: the two referrals on 29 February 2024 (the 2023 ones are in 2022-23).
    found = figure("re_referrals", "2023-24")
    assert (found.numerator, found.denominator, found.value) == (1, 2, 50.0)
    assert children(found.numerator_rows) == {leap.pk}


def test_assessments_within_45_working_days_use_the_engines_due_date():
    # Referral Fri 20 Dec 2024: 45 working days, skipping 25, 26 Dec and 1 Jan and the
    # weekends, is Wed 26 Feb 2025.
    on_time = authorised(CINEpisodeFactory(referral_date=D(2024, 12, 20)), D(2025, 2, 26))
    authorised(CINEpisodeFactory(referral_date=D(2024, 12, 20)), D(2025, 2, 27), outcome_nfa=True)
    # Authorised on 1 April 2025: completed in the next year, not this one.
    authorised(CINEpisodeFactory(referral_date=D(2025, 3, 3)), D(2025, 4, 1))

    found = figure("assessments_45wd")
    assert (found.numerator, found.denominator, found.value) == (1, 2, 50.0)
    assert children(found.numerator_rows) == {on_time.child_id}
    assert triple("assessments_completed") == (2, None, 2)
    assert triple("assessments_nfa") == (1, 2, 50.0)


def test_children_in_need_are_those_with_an_episode_open_at_the_end_of_31_march():
    CINEpisodeFactory(referral_date=D(2025, 3, 31))
    CINEpisodeFactory(referral_date=D(2024, 1, 1), close_date=D(2025, 3, 31), close_reason="RC1")
    CINEpisodeFactory(referral_date=D(2024, 1, 1), close_date=D(2025, 4, 1), close_reason="RC1")
    CINEpisodeFactory(referral_date=D(2025, 4, 1))
    population(20_000, "2024-25")

    assert triple("children_in_need") == (2, None, 2)
    # 2 / 20,000 x 10,000 = 1.0
    assert triple("cin_rate") == (2, 20_000, 1.0)


def test_a_rate_without_a_population_for_its_year_or_one_before_has_no_value():
    CINEpisodeFactory(referral_date=D(2024, 6, 1))
    CINEpisodeFactory(referral_date=D(2025, 6, 1))
    population(20_000, "2025-26")  # a later year's is never used for 2024-25

    found = figure("referral_rate")
    assert found.value is None
    assert "aged 0 to 17" in found.why_no_value
    # With 2023-24 entered, 2024-25 takes it (the latest year before): 1 / 10,000 x 10,000.
    population(10_000, "2023-24")
    assert triple("referral_rate", "2024-25") == (1, 10_000, 1.0)
    assert figure("referral_rate", "2025-26").population.period == "2025-26"
