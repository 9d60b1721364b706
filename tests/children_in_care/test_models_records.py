"""Reviews, health, education and missing episodes of looked after children: every
database constraint and ``clean()`` rule refuses a wrong row and allows a right one."""

import pytest

from tests.factories_care import (
    ChildFactory,
    D,
    DentalCheckFactory,
    EducationPlacementFactory,
    HealthAssessmentFactory,
    ImmunisationsFactory,
    LACReviewFactory,
    MissingEpisodeFactory,
    PeriodOfCareFactory,
    PersonalEducationPlanFactory,
    SchoolFactory,
    SDQScoreFactory,
    assert_allowed,
    assert_clean_refuses,
    assert_constraint_refuses,
)

pytestmark = pytest.mark.django_db


def review(**fields):
    period = fields.pop("period", None) or PeriodOfCareFactory()
    return LACReviewFactory.build(
        period=period, child=fields.pop("child", period.child), chair=None, **fields
    )


# --- LACReview --------------------------------------------------------------------------


@pytest.mark.parametrize(("review_date", "participation"), [(D(2020, 1, 28), ""), (None, "PN1")])
def test_review_participation_without_holding_or_held_without_it_refused(
    review_date, participation
):
    assert_constraint_refuses(
        review(review_date=review_date, participation=participation),
        "Record how the child took part",
    )


def test_review_not_yet_held_allowed():
    assert_allowed(review(review_date=None, participation=""))


def test_held_review_without_the_childs_voice_refused():
    assert_constraint_refuses(
        review(childs_views="", childs_views_not_recorded_reason=""),
        "Record the child's views, or why they could not be gathered.",
    )


def test_held_review_with_reason_views_not_gathered_allowed():
    assert_allowed(
        review(
            childs_views="",
            participation="PN0",
            childs_views_not_recorded_reason="Aged 2: too young to give views.",
        )
    )


def test_review_on_another_childs_period_refused():
    assert_clean_refuses(
        review(child=ChildFactory()), "This period of care belongs to another child."
    )


def test_review_held_outside_the_period_refused():
    period = PeriodOfCareFactory(end_date=D(2020, 1, 10))
    assert_clean_refuses(
        review(period=period, review_date=D(2020, 2, 1)),
        "The review must be dated while the child was looked after",
    )


def test_review_held_during_the_period_allowed():
    assert_allowed(review(review_date=D(2020, 1, 1)))


# --- HealthAssessment -----------------------------------------------------------------


def test_health_assessment_neither_due_nor_done_refused():
    assessment = HealthAssessmentFactory.build(child=ChildFactory(), due_date=None)
    assert_constraint_refuses(
        assessment, "Give the date the health assessment is due or the date it was done."
    )


def test_health_assessment_done_when_not_looked_after_refused():
    period = PeriodOfCareFactory()
    assessment = HealthAssessmentFactory.build(child=period.child, assessment_date=D(2019, 6, 1))
    assert_clean_refuses(
        assessment, "The health assessment must be dated while the child was looked after."
    )


def test_health_assessment_done_while_looked_after_allowed():
    period = PeriodOfCareFactory()
    assert_allowed(
        HealthAssessmentFactory.build(
            child=period.child, due_date=None, assessment_date=D(2020, 1, 20)
        )
    )


# --- dental, immunisations, SDQ -------------------------------------------------------


def test_two_dental_checks_on_one_day_refused():
    first = DentalCheckFactory()
    assert_constraint_refuses(
        DentalCheckFactory.build(child=first.child),
        "This child already has a dental check on that day.",
    )


def test_dental_checks_on_different_days_allowed():
    first = DentalCheckFactory()
    assert_allowed(DentalCheckFactory.build(child=first.child, check_date=D(2021, 6, 1)))


def test_two_immunisations_checks_on_one_day_refused():
    first = ImmunisationsFactory()
    assert_constraint_refuses(
        ImmunisationsFactory.build(child=first.child),
        "This child's immunisations were already checked on that day.",
    )


def test_immunisations_checks_on_different_days_allowed():
    first = ImmunisationsFactory()
    assert_allowed(ImmunisationsFactory.build(child=first.child, checked_on=D(2021, 1, 1)))


def test_sdq_score_over_40_refused():
    assert_constraint_refuses(
        SDQScoreFactory.build(child=ChildFactory(), score=41),
        "An SDQ total score is between 0 and 40.",
    )


@pytest.mark.parametrize("score", [0, 40])
def test_sdq_score_at_the_limits_allowed(score):
    assert_allowed(SDQScoreFactory.build(child=ChildFactory(), score=score))


@pytest.mark.parametrize(("score", "reason"), [(12, "SDQ2"), (None, "")])
def test_sdq_with_both_or_neither_score_and_reason_refused(score, reason):
    sdq = SDQScoreFactory.build(child=ChildFactory(), score=score, reason_not_completed=reason)
    assert_constraint_refuses(sdq, "Give the SDQ score or the reason it was not completed")


def test_sdq_with_reason_only_allowed():
    assert_allowed(
        SDQScoreFactory.build(child=ChildFactory(), score=None, reason_not_completed="SDQ1")
    )


def test_two_sdqs_on_one_day_refused():
    first = SDQScoreFactory()
    assert_constraint_refuses(
        SDQScoreFactory.build(child=first.child), "This child already has an SDQ on that day."
    )


# --- education ------------------------------------------------------------------------


def test_school_with_a_used_urn_refused():
    first = SchoolFactory()
    assert_constraint_refuses(SchoolFactory.build(urn=first.urn), "Another school has this URN.")


def test_schools_without_urn_allowed():
    SchoolFactory(urn="")
    assert_allowed(SchoolFactory.build(urn=""))


def test_education_placement_end_before_start_refused():
    placement = EducationPlacementFactory.build(
        child=ChildFactory(), school=SchoolFactory(), end_date=D(2019, 1, 1)
    )
    assert_constraint_refuses(placement, "The end date cannot be before the start date.")


def test_second_current_main_school_refused():
    first = EducationPlacementFactory()
    second = EducationPlacementFactory.build(
        child=first.child, school=SchoolFactory(), start_date=D(2020, 1, 1)
    )
    assert_constraint_refuses(second, "This child already has a current main school.")


def test_overlapping_main_registration_refused_by_clean():
    first = EducationPlacementFactory(end_date=D(2020, 7, 20))
    second = EducationPlacementFactory.build(
        child=first.child, school=SchoolFactory(), start_date=D(2020, 1, 1), end_date=D(2020, 2, 1)
    )
    assert_clean_refuses(second, "This overlaps another main school registration")


def test_dual_registration_alongside_the_main_school_allowed():
    first = EducationPlacementFactory()
    assert_allowed(
        EducationPlacementFactory.build(
            child=first.child,
            school=SchoolFactory(),
            start_date=D(2020, 1, 1),
            is_main_registration=False,
        )
    )


def test_pep_outside_its_period_refused():
    period = PeriodOfCareFactory()
    pep = PersonalEducationPlanFactory.build(
        period=period, child=period.child, pep_date=D(2019, 12, 1)
    )
    assert_clean_refuses(pep, "The personal education plan must be dated while the child")


def test_pep_on_another_childs_period_refused():
    pep = PersonalEducationPlanFactory.build(period=PeriodOfCareFactory(), child=ChildFactory())
    assert_clean_refuses(pep, "This period of care belongs to another child.")


def test_pep_during_its_period_allowed():
    period = PeriodOfCareFactory()
    assert_allowed(
        PersonalEducationPlanFactory.build(
            period=period, child=period.child, pep_date=D(2020, 1, 20)
        )
    )


# --- MissingEpisode ---------------------------------------------------------------------


def missing(**fields):
    return MissingEpisodeFactory.build(child=fields.pop("child", None) or ChildFactory(), **fields)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"end_date": D(2020, 4, 30)}, "The end date cannot be before the start date."),
        (
            {"return_interview_offered_on": D(2020, 5, 1)},
            "The return home interview cannot be offered before the child returned.",
        ),
        (
            {"return_interview_due_date": D(2020, 5, 1)},
            "The return home interview cannot be due before the child returned.",
        ),
        (
            {
                "end_date": None,
                "return_interview_due_date": None,
                "return_interview_offered_on": D(2020, 5, 3),
            },
            "A return home interview is offered once the child has returned.",
        ),
        (
            {"return_interview_accepted": True},
            "Record whether the interview was accepted only once it has been offered.",
        ),
    ],
)
def test_missing_episode_constraint_refuses(fields, message):
    assert_constraint_refuses(missing(**fields), message)


def test_missing_episode_with_interview_offered_and_accepted_allowed():
    assert_allowed(
        missing(return_interview_offered_on=D(2020, 5, 3), return_interview_accepted=True)
    )


def test_second_open_missing_episode_refused():
    first = MissingEpisodeFactory(end_date=None, return_interview_due_date=None)
    second = missing(
        child=first.child, start_date=D(2020, 6, 1), end_date=None, return_interview_due_date=None
    )
    assert_constraint_refuses(second, "This child is already recorded as missing or away.")


def test_overlapping_missing_episode_refused_by_clean():
    first = MissingEpisodeFactory(end_date=D(2020, 5, 10), return_interview_due_date=None)
    second = missing(child=first.child, start_date=D(2020, 5, 3), end_date=D(2020, 5, 4))
    assert_clean_refuses(second, "This overlaps another missing episode of the same child.")


def test_missing_episode_outside_its_period_refused():
    period = PeriodOfCareFactory(start_date=D(2020, 6, 1))
    assert_clean_refuses(
        missing(child=period.child, period=period),
        "The missing episode must be dated while the child was looked after",
    )


def test_missing_episode_in_its_period_allowed():
    period = PeriodOfCareFactory()
    assert_allowed(missing(child=period.child, period=period))
