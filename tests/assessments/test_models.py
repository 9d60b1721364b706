import pytest

from kinfolio.assessments import invariants
from kinfolio.assessments.models import Assessment
from tests.factories import (
    AssessmentFactorFactory,
    AssessmentFactory,
    ChildFactory,
    CINEpisodeFactory,
    D,
    WorkerFactory,
    assert_db_refuses,
    at,
    errors_of,
)

pytestmark = pytest.mark.django_db


def authorised(**kwargs):
    return AssessmentFactory(authorised_date=D(2024, 4, 20), outcome_cin_plan=True, **kwargs)


def refused(assessment, message):
    assert errors_of(assessment) == {"__all__": [message]}
    assert_db_refuses(assessment)


def test_assessment_authorised_before_start_is_refused():
    assessment = authorised()
    assessment.authorised_date = D(2024, 3, 1)
    refused(assessment, "The authorised date cannot be before the start date.")


def test_assessment_authorised_after_start_is_allowed():
    assert errors_of(authorised()) == {}


def test_assessment_due_before_start_is_refused():
    assessment = AssessmentFactory()
    assessment.due_date = D(2024, 3, 1)
    refused(assessment, "The due date cannot be before the start date.")


def test_assessment_due_after_start_is_allowed():
    assert errors_of(AssessmentFactory(due_date=D(2024, 5, 7))) == {}


def test_assessment_seen_alone_but_not_seen_is_refused():
    assessment = AssessmentFactory()
    assessment.child_seen_alone = True
    refused(assessment, "A child seen alone must also be recorded as seen.")


def test_assessment_seen_and_seen_alone_is_allowed():
    assert errors_of(AssessmentFactory(child_seen=True, child_seen_alone=True)) == {}


def test_assessment_outcome_before_authorisation_is_refused():
    assessment = AssessmentFactory()
    assessment.outcome_nfa = True
    refused(assessment, "An assessment has no outcome until it is authorised.")


def test_assessment_authorised_without_outcome_is_refused():
    assessment = authorised()
    assessment.outcome_cin_plan = False
    refused(assessment, "Record the outcome of the authorised assessment.")


def test_assessment_nfa_with_cin_plan_is_refused():
    assessment = authorised()
    assessment.outcome_nfa = True
    refused(
        assessment,
        "No further action cannot be combined with a child in need plan or a strategy discussion.",
    )


def test_assessment_nfa_alone_is_allowed():
    assessment = AssessmentFactory(authorised_date=D(2024, 4, 20), outcome_nfa=True)
    assert errors_of(assessment) == {}


def test_assessment_other_outcome_without_detail_is_refused():
    assessment = authorised()
    assessment.outcome_other = True
    refused(assessment, "Describe the other outcome.")


def test_assessment_other_outcome_with_detail_is_allowed():
    assessment = authorised(outcome_other=True, outcome_other_detail="Private law advice")
    assert errors_of(assessment) == {}


def test_assessment_sign_off_before_authorisation_is_refused():
    assessment = AssessmentFactory()
    assessment.signed_off_by = WorkerFactory()
    assessment.signed_off_at = at(2024, 4, 20)
    refused(
        assessment,
        "A manager signs off an authorised assessment: record who signed it off and when.",
    )


def test_assessment_sign_off_without_time_is_refused():
    assessment = authorised()
    assessment.signed_off_by = WorkerFactory()
    refused(
        assessment,
        "A manager signs off an authorised assessment: record who signed it off and when.",
    )


def test_assessment_signed_off_is_allowed():
    assessment = authorised(signed_off_by=WorkerFactory(), signed_off_at=at(2024, 4, 20))
    assert errors_of(assessment) == {}


def test_assessment_before_referral_is_refused():
    assessment = AssessmentFactory.build(cin_episode=CINEpisodeFactory(), start_date=D(2024, 3, 3))
    assert errors_of(assessment) == {"start_date": ["This cannot be before the referral date."]}


def test_assessment_after_episode_closed_is_refused():
    episode = CINEpisodeFactory(close_date=D(2024, 3, 4), close_reason="RC8")
    assessment = AssessmentFactory.build(cin_episode=episode)
    assert errors_of(assessment) == {
        "start_date": ["This must end by the date the child in need episode closed."]
    }


def test_assessment_on_another_childs_episode_is_refused():
    assessment = AssessmentFactory.build(cin_episode=CINEpisodeFactory(), child=ChildFactory())
    assert errors_of(assessment) == {
        "cin_episode": ["The child in need episode is for a different child."]
    }


def test_assessment_on_referral_day_is_allowed():
    assessment = AssessmentFactory.build(cin_episode=CINEpisodeFactory(), start_date=D(2024, 3, 4))
    assert errors_of(assessment) == {}


def test_assessment_factor_twice_is_refused():
    factor = AssessmentFactorFactory()
    again = AssessmentFactorFactory.build(assessment=factor.assessment, factor=factor.factor)
    assert errors_of(again) == {"__all__": ["This factor is already recorded for the assessment."]}
    assert_db_refuses(again)


def test_assessment_factor_different_factors_are_allowed():
    factor = AssessmentFactorFactory()
    other = AssessmentFactorFactory.build(assessment=factor.assessment, factor="4B")
    assert errors_of(other) == {}


def test_assessments_within_their_episode_finds_an_assessment_before_referral():
    assessment = AssessmentFactory()
    AssessmentFactory()
    Assessment.objects.filter(pk=assessment.pk).update(start_date=D(2024, 1, 1))
    assert invariants.assessments_within_their_episode() == [
        f"assessment {assessment.pk}: outside its child in need episode"
    ]


def test_assessments_within_their_episode_finds_an_assessment_for_another_child():
    assessment = AssessmentFactory()
    Assessment.objects.filter(pk=assessment.pk).update(child=ChildFactory())
    assert invariants.assessments_within_their_episode() == [
        f"assessment {assessment.pk}: outside its child in need episode"
    ]
