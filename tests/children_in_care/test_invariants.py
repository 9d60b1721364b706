"""Each whole-history check finds a violation planted past ``clean()`` (as a generator or
an import could write it), and a consistent history has none."""

import pytest

from kinfolio.children_in_care import invariants
from kinfolio.children_in_care.models import CareEpisode, PeriodOfCare
from tests.factories_care import (
    CareEpisodeFactory,
    ChildFactory,
    D,
    EducationPlacementFactory,
    FosterHouseholdFactory,
    HealthAssessmentFactory,
    LACReviewFactory,
    MissingEpisodeFactory,
    PeriodOfCareFactory,
    PersonalEducationPlanFactory,
    UASCStatusFactory,
)

pytestmark = pytest.mark.django_db


def looked_after_history():
    """A period of care from 1 January to 1 June 2020: fostered, then moved on 1 March
    to a children's home, then home. Reviews, health, education and a missing episode."""
    household = FosterHouseholdFactory()
    period = PeriodOfCareFactory(end_date=D(2020, 6, 1))
    CareEpisode.objects.bulk_create(
        [
            CareEpisodeFactory.build(
                period=period,
                end_date=D(2020, 3, 1),
                reason_ceased="X1",
                foster_household=household,
            ),
            CareEpisodeFactory.build(
                period=period,
                start_date=D(2020, 3, 1),
                end_date=D(2020, 6, 1),
                reason_new_episode="P",
                placement_type="K2",
                reason_ceased="E4A",
                reason_place_change="CARPL",
            ),
        ]
    )
    child = period.child
    LACReviewFactory(period=period, child=child)
    PersonalEducationPlanFactory(period=period, child=child, pep_date=D(2020, 1, 20))
    HealthAssessmentFactory(child=child, assessment_date=D(2020, 1, 25))
    MissingEpisodeFactory(child=child, period=period)
    UASCStatusFactory(child=child, end_date=D(2020, 6, 1))
    EducationPlacementFactory(child=child)
    EducationPlacementFactory(child=child, start_date=D(2020, 2, 1), is_main_registration=False)
    return period


def test_a_consistent_history_breaks_no_rule():
    looked_after_history()
    assert {check.__name__: check() for check in invariants.CHECKS} == {
        check.__name__: [] for check in invariants.CHECKS
    }


def test_periods_of_care_do_not_overlap_finds_an_overlap():
    period = looked_after_history()
    PeriodOfCare.objects.bulk_create(
        [PeriodOfCareFactory.build(child=period.child, start_date=D(2020, 5, 1))]
    )
    assert len(invariants.periods_of_care_do_not_overlap()) == 2


def test_periods_of_care_have_episodes_finds_an_empty_period():
    period = PeriodOfCareFactory()
    assert invariants.periods_of_care_have_episodes() == [
        f"period of care {period.pk} has no episodes"
    ]


def test_episodes_lie_within_their_period_finds_an_episode_past_the_end():
    period = looked_after_history()
    period.episodes.filter(start_date=D(2020, 3, 1)).update(end_date=D(2020, 7, 1))
    assert len(invariants.episodes_lie_within_their_period()) == 1


def test_episodes_do_not_overlap_finds_an_overlap():
    period = looked_after_history()
    period.episodes.filter(start_date=D(2020, 3, 1)).update(start_date=D(2020, 2, 1))
    assert len(invariants.episodes_do_not_overlap()) == 2


def test_episodes_are_contiguous_finds_a_gap():
    period = looked_after_history()
    period.episodes.filter(start_date=D(2020, 3, 1)).update(start_date=D(2020, 3, 8))
    assert len(invariants.episodes_are_contiguous()) == 1


def test_periods_end_with_their_last_episode_finds_a_mismatch():
    period = looked_after_history()
    PeriodOfCare.objects.filter(pk=period.pk).update(end_date=D(2020, 6, 2))
    assert invariants.periods_end_with_their_last_episode() == [
        f"period of care {period.pk} does not end when its last episode ends"
    ]


def test_periods_end_with_their_last_episode_finds_an_open_period_with_no_open_episode():
    period = looked_after_history()
    PeriodOfCare.objects.filter(pk=period.pk).update(end_date=None)
    assert len(invariants.periods_end_with_their_last_episode()) == 1


@pytest.mark.parametrize(
    ("start", "field", "value", "found"),
    [
        (D(2020, 1, 1), "reason_new_episode", "L", "the first episode of a period must be 'S'"),
        (D(2020, 3, 1), "reason_new_episode", "S", "only a period's first episode is 'S'"),
        (D(2020, 1, 1), "reason_ceased", "E4A", "followed by another episode but not ceased X1"),
        (D(2020, 3, 1), "reason_ceased", "X1", "ceased X1 but no episode follows"),
    ],
)
def test_episode_reasons_match_their_sequence_finds_a_wrong_reason(start, field, value, found):
    period = looked_after_history()
    period.episodes.filter(start_date=start).update(**{field: value})
    problems = invariants.episode_reasons_match_their_sequence()
    assert len(problems) == 1
    assert found in problems[0]


def test_foster_placements_lie_within_approval_finds_a_placement_before_approval():
    period = looked_after_history()
    household = period.episodes.get(start_date=D(2020, 1, 1)).foster_household
    type(household).objects.filter(pk=household.pk).update(approval_date=D(2020, 2, 1))
    assert len(invariants.foster_placements_lie_within_approval()) == 1


def test_reviews_held_while_looked_after_finds_a_review_after_care_ended():
    period = looked_after_history()
    period.reviews.update(review_date=D(2020, 7, 1))
    assert len(invariants.reviews_held_while_looked_after()) == 1


def test_reviews_held_while_looked_after_finds_a_review_of_another_child():
    period = looked_after_history()
    period.reviews.update(child=ChildFactory())
    assert len(invariants.reviews_held_while_looked_after()) == 1


def test_peps_agreed_while_looked_after_finds_a_pep_before_care():
    period = looked_after_history()
    period.personal_education_plans.update(pep_date=D(2019, 12, 1))
    assert len(invariants.peps_agreed_while_looked_after()) == 1


def test_health_assessments_done_while_looked_after_finds_one_after_care():
    period = looked_after_history()
    period.child.health_assessments.update(assessment_date=D(2020, 8, 1))
    assert len(invariants.health_assessments_done_while_looked_after()) == 1


def test_missing_episodes_check_finds_one_outside_its_period():
    period = looked_after_history()
    period.missing_episodes.update(start_date=D(2019, 5, 1))
    assert len(invariants.missing_episodes_fit_their_period_and_do_not_overlap()) == 1


def test_missing_episodes_check_finds_an_overlap():
    period = looked_after_history()
    MissingEpisodeFactory(
        child=period.child,
        start_date=D(2020, 5, 1),
        end_date=D(2020, 5, 3),
        return_interview_due_date=None,
    )
    assert len(invariants.missing_episodes_fit_their_period_and_do_not_overlap()) == 2


def test_uasc_statuses_do_not_overlap_finds_an_overlap():
    period = looked_after_history()
    UASCStatusFactory(child=period.child, start_date=D(2020, 3, 1))
    assert len(invariants.uasc_statuses_do_not_overlap()) == 2


def test_main_school_registrations_do_not_overlap_finds_two_main_schools():
    period = looked_after_history()
    period.child.education_placements.filter(is_main_registration=False).update(
        is_main_registration=True, end_date=D(2020, 7, 1)
    )
    assert len(invariants.main_school_registrations_do_not_overlap()) == 2
