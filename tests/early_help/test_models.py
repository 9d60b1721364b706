import pytest

from kinfolio.early_help import invariants
from kinfolio.early_help.models import EarlyHelpEpisode, EarlyHelpReview
from tests.factories import (
    ChildFactory,
    CINEpisodeFactory,
    D,
    EarlyHelpEpisodeFactory,
    EarlyHelpReviewFactory,
    assert_db_refuses,
    errors_of,
)

pytestmark = pytest.mark.django_db


def ended(**kwargs):
    return EarlyHelpEpisodeFactory(end_date=D(2024, 3, 1), closure_reason="stepped_up", **kwargs)


def test_early_help_ending_before_start_is_refused():
    episode = ended()
    episode.end_date = D(2024, 1, 1)
    assert errors_of(episode) == {"__all__": ["The end date cannot be before the start date."]}
    assert_db_refuses(episode)


def test_early_help_ending_after_start_is_allowed():
    assert errors_of(ended()) == {}


def test_early_help_assessment_before_start_is_refused():
    episode = EarlyHelpEpisodeFactory()
    episode.assessment_date = D(2024, 1, 1)
    assert errors_of(episode) == {
        "__all__": ["The assessment date cannot be before the start date."]
    }
    assert_db_refuses(episode)


def test_early_help_assessment_after_start_is_allowed():
    assert errors_of(EarlyHelpEpisodeFactory(assessment_date=D(2024, 1, 20))) == {}


def test_early_help_closed_without_reason_is_refused():
    episode = ended()
    episode.closure_reason = ""
    assert errors_of(episode) == {
        "__all__": [
            "A closed early help episode needs a closure reason, and an open one cannot have one."
        ]
    }
    assert_db_refuses(episode)


def test_early_help_step_down_without_plan_is_refused():
    cin = CINEpisodeFactory(
        referral_date=D(2023, 9, 1), close_date=D(2024, 1, 8), close_reason="RC9"
    )
    episode = EarlyHelpEpisodeFactory(
        child=cin.child, stepped_down_from=cin, step_down_plan="School nurse continues weekly."
    )
    episode.step_down_plan = ""
    assert errors_of(episode) == {"__all__": ["Enter the step-down plan."]}
    assert_db_refuses(episode)


def test_early_help_step_down_with_plan_is_allowed():
    cin = CINEpisodeFactory(
        referral_date=D(2023, 9, 1), close_date=D(2024, 1, 8), close_reason="RC9"
    )
    episode = EarlyHelpEpisodeFactory.build(
        child=cin.child,
        team=cin.team,
        stepped_down_from=cin,
        step_down_plan="School nurse continues weekly.",
    )
    assert errors_of(episode) == {}


def test_early_help_second_open_episode_is_refused():
    first = EarlyHelpEpisodeFactory()
    second = EarlyHelpEpisodeFactory.build(
        child=first.child, team=first.team, start_date=D(2024, 6, 1)
    )
    assert errors_of(second)["__all__"] == ["This child already has an open early help episode."]
    assert_db_refuses(second)


def test_early_help_overlapping_episode_is_refused():
    first = ended()
    second = EarlyHelpEpisodeFactory.build(
        child=first.child, team=first.team, start_date=D(2024, 2, 1)
    )
    assert errors_of(second) == {"start_date": ["This overlaps another early help episode."]}


def test_early_help_following_episode_is_allowed():
    first = ended()
    second = EarlyHelpEpisodeFactory.build(
        child=first.child, team=first.team, start_date=D(2024, 3, 1)
    )
    assert errors_of(second) == {}


def test_early_help_step_up_to_another_childs_referral_is_refused():
    episode = EarlyHelpEpisodeFactory.build(
        child=ChildFactory(), team=ended().team, stepped_up_to=CINEpisodeFactory()
    )
    assert errors_of(episode) == {"stepped_up_to": ["The referral is for a different child."]}


def test_early_help_step_up_to_an_earlier_referral_is_refused():
    referral = CINEpisodeFactory(referral_date=D(2023, 12, 1))
    episode = EarlyHelpEpisodeFactory.build(
        child=referral.child, team=referral.team, stepped_up_to=referral
    )
    assert errors_of(episode) == {
        "stepped_up_to": ["An episode can only step up to a referral made after it started."]
    }


def test_early_help_step_up_to_a_later_referral_is_allowed():
    referral = CINEpisodeFactory()
    episode = EarlyHelpEpisodeFactory.build(
        child=referral.child,
        team=referral.team,
        stepped_up_to=referral,
        end_date=D(2024, 3, 4),
        closure_reason="stepped_up",
    )
    assert errors_of(episode) == {}


def test_early_help_step_down_from_another_childs_episode_is_refused():
    cin = CINEpisodeFactory(referral_date=D(2023, 9, 1))
    episode = EarlyHelpEpisodeFactory.build(
        child=ChildFactory(), team=cin.team, stepped_down_from=cin, step_down_plan="Plan"
    )
    assert errors_of(episode) == {
        "stepped_down_from": ["The child in need episode is for a different child."]
    }


def test_early_help_step_down_before_the_episode_is_refused():
    cin = CINEpisodeFactory(referral_date=D(2024, 2, 1))
    episode = EarlyHelpEpisodeFactory.build(
        child=cin.child, team=cin.team, stepped_down_from=cin, step_down_plan="Plan"
    )
    assert errors_of(episode) == {
        "stepped_down_from": [
            "Early help cannot start before the child in need episode it stepped down from."
        ]
    }


def test_early_help_review_outside_episode_is_refused():
    review = EarlyHelpReviewFactory.build(episode=ended(), review_date=D(2024, 3, 2))
    assert errors_of(review) == {
        "review_date": ["The review must be while the early help episode is open."]
    }


def test_early_help_review_during_episode_is_allowed():
    assert errors_of(EarlyHelpReviewFactory.build(episode=ended())) == {}


def test_early_help_episodes_do_not_overlap_finds_an_overlap():
    first = ended()
    EarlyHelpEpisode.objects.bulk_create(
        [
            EarlyHelpEpisode(
                child=first.child,
                team=first.team,
                start_date=D(2024, 2, 1),
            )
        ]
    )
    assert len(invariants.early_help_episodes_do_not_overlap()) == 2


def test_steps_up_and_down_finds_a_step_up_to_another_child():
    referral = CINEpisodeFactory()
    episode = EarlyHelpEpisodeFactory(child=referral.child, stepped_up_to=referral)
    EarlyHelpEpisodeFactory(
        child=referral.child,
        start_date=D(2023, 1, 1),
        end_date=D(2023, 6, 1),
        closure_reason="outcomes_achieved",
    )
    EarlyHelpEpisode.objects.filter(pk=episode.pk).update(child=ChildFactory())
    assert invariants.steps_up_and_down_are_for_the_same_child_in_order() == [
        f"early help episode {episode.pk}: step up or step down to another child or out of order"
    ]


def test_early_help_reviews_while_open_finds_a_late_review():
    review = EarlyHelpReviewFactory(episode=ended())
    EarlyHelpReview.objects.filter(pk=review.pk).update(review_date=D(2024, 4, 1))
    assert invariants.early_help_reviews_while_open() == [
        f"early help review {review.pk}: outside its episode"
    ]
