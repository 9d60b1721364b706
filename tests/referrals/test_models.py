import pytest

from kinfolio.referrals import invariants
from kinfolio.referrals.models import CINEpisode, CINPlan, CINPlanReview
from tests.factories import (
    ChildFactory,
    CINEpisodeFactory,
    CINPlanFactory,
    CINPlanReviewFactory,
    ContactFactory,
    D,
    DecidedContactFactory,
    assert_db_refuses,
    errors_of,
)

pytestmark = pytest.mark.django_db


def closed(**kwargs):
    return CINEpisodeFactory(close_date=D(2024, 5, 1), close_reason="RC8", **kwargs)


# CINEpisode: constraints


def test_cin_episode_closed_before_referral_is_refused():
    episode = closed()
    episode.close_date = D(2024, 3, 1)
    assert errors_of(episode) == {"__all__": ["The close date cannot be before the referral date."]}
    assert_db_refuses(episode)


def test_cin_episode_closed_after_referral_is_allowed():
    assert errors_of(closed()) == {}


def test_cin_episode_closed_without_reason_is_refused():
    episode = closed()
    episode.close_reason = ""
    assert errors_of(episode) == {
        "__all__": ["A closed episode needs a closure reason, and an open one cannot have one."]
    }
    assert_db_refuses(episode)


def test_cin_episode_open_with_reason_is_refused():
    episode = CINEpisodeFactory()
    episode.close_reason = "RC7"
    assert errors_of(episode) == {
        "__all__": ["A closed episode needs a closure reason, and an open one cannot have one."]
    }
    assert_db_refuses(episode)


def test_cin_episode_second_open_episode_is_refused():
    first = CINEpisodeFactory()
    second = CINEpisodeFactory.build(
        child=first.child, team=first.team, referral_date=D(2024, 6, 1)
    )
    assert errors_of(second)["__all__"] == ["This child already has an open child in need episode."]
    assert_db_refuses(second)


def test_cin_episode_new_episode_after_closure_is_allowed():
    first = closed()
    second = CINEpisodeFactory.build(
        child=first.child, team=first.team, referral_date=D(2024, 5, 1)
    )
    assert errors_of(second) == {}


# CINEpisode: clean()


def test_cin_episode_overlapping_another_is_refused():
    first = closed()
    second = CINEpisodeFactory.build(
        child=first.child, team=first.team, referral_date=D(2024, 4, 1)
    )
    assert errors_of(second) == {
        "referral_date": ["This episode overlaps another child in need episode for this child."]
    }


def test_cin_episode_contact_about_another_child_is_refused():
    episode = CINEpisodeFactory.build(
        child=ChildFactory(), contact=DecidedContactFactory(), team=CINEpisodeFactory().team
    )
    assert errors_of(episode) == {"contact": ["The contact is about a different child."]}


def test_cin_episode_contact_not_decided_as_referral_is_refused():
    contact = ContactFactory()
    episode = CINEpisodeFactory.build(
        child=contact.child, contact=contact, team=CINEpisodeFactory().team
    )
    assert errors_of(episode) == {"contact": ["That contact was not decided as a referral."]}


def test_cin_episode_referral_before_its_contact_is_refused():
    contact = DecidedContactFactory()
    episode = CINEpisodeFactory.build(
        child=contact.child,
        contact=contact,
        referral_date=D(2024, 2, 29),
        team=CINEpisodeFactory().team,
    )
    assert errors_of(episode) == {"referral_date": ["The referral cannot be before its contact."]}


def test_cin_episode_referral_from_its_contact_is_allowed():
    contact = DecidedContactFactory()
    episode = CINEpisodeFactory.build(
        child=contact.child,
        contact=contact,
        referral_date=D(2024, 3, 1),
        team=CINEpisodeFactory().team,
    )
    assert errors_of(episode) == {}


# CINPlan


def test_cin_plan_ending_before_start_is_refused():
    plan = CINPlanFactory()
    plan.end_date = D(2024, 3, 31)
    assert errors_of(plan) == {"__all__": ["The end date cannot be before the start date."]}
    assert_db_refuses(plan)


def test_cin_plan_second_current_plan_is_refused():
    first = CINPlanFactory()
    second = CINPlanFactory.build(cin_episode=first.cin_episode, start_date=D(2024, 7, 1))
    assert errors_of(second)["__all__"] == ["This child already has a current child in need plan."]
    assert_db_refuses(second)


def test_cin_plan_overlapping_another_is_refused():
    first = CINPlanFactory(end_date=D(2024, 6, 1))
    second = CINPlanFactory.build(cin_episode=first.cin_episode, start_date=D(2024, 5, 1))
    assert errors_of(second) == {"start_date": ["This plan overlaps another child in need plan."]}


def test_cin_plan_following_another_is_allowed():
    first = CINPlanFactory(end_date=D(2024, 6, 1))
    second = CINPlanFactory.build(cin_episode=first.cin_episode, start_date=D(2024, 6, 1))
    assert errors_of(second) == {}


def test_cin_plan_before_referral_is_refused():
    plan = CINPlanFactory.build(cin_episode=CINEpisodeFactory(), start_date=D(2024, 3, 1))
    assert errors_of(plan) == {"start_date": ["This cannot be before the referral date."]}


def test_cin_plan_on_another_childs_episode_is_refused():
    plan = CINPlanFactory.build(cin_episode=CINEpisodeFactory(), child=ChildFactory())
    assert errors_of(plan) == {
        "cin_episode": ["The child in need episode is for a different child."]
    }


def test_cin_plan_open_in_a_closed_episode_is_refused():
    plan = CINPlanFactory.build(cin_episode=closed())
    assert errors_of(plan) == {
        "end_date": ["This must end by the date the child in need episode closed."]
    }


def test_cin_plan_ending_with_its_episode_is_allowed():
    plan = CINPlanFactory.build(cin_episode=closed(), end_date=D(2024, 5, 1))
    assert errors_of(plan) == {}


def test_cin_plan_review_outside_plan_is_refused():
    review = CINPlanReviewFactory.build(plan=CINPlanFactory(), review_date=D(2024, 3, 31))
    assert errors_of(review) == {"review_date": ["The review must be while the plan is open."]}


def test_cin_plan_review_during_plan_is_allowed():
    assert errors_of(CINPlanReviewFactory.build(plan=CINPlanFactory())) == {}


# invariants


def test_cin_episodes_do_not_overlap_finds_an_overlap():
    first = closed()
    second = CINEpisode.objects.bulk_create(
        [
            CINEpisode(
                child=first.child,
                team=first.team,
                referral_date=D(2024, 4, 1),
                referral_source="6",
                close_date=D(2024, 6, 1),
                close_reason="RC8",
            )
        ]
    )[0]
    assert sorted(invariants.cin_episodes_do_not_overlap()) == [
        f"child in need episode {pk} overlaps another with the same ('child',): [{first.child.pk}]"
        for pk in sorted([first.pk, second.pk])
    ]


def test_referrals_follow_their_contact_finds_a_referral_before_its_contact():
    contact = DecidedContactFactory()
    episode = CINEpisodeFactory(child=contact.child, contact=contact)
    CINEpisode.objects.filter(pk=episode.pk).update(referral_date=D(2024, 2, 1))
    assert invariants.referrals_follow_their_contact() == [
        f"child in need episode {episode.pk}: not a referral decision on a contact about the "
        "same child, on or before the referral date"
    ]


def test_cin_plans_within_their_episode_finds_a_plan_before_referral():
    plan = CINPlanFactory()
    CINPlanFactory(end_date=D(2024, 5, 1))  # in order: not reported
    CINPlan.objects.filter(pk=plan.pk).update(start_date=D(2024, 1, 1))
    assert invariants.cin_plans_within_their_episode() == [
        f"child in need plan {plan.pk}: outside its child in need episode"
    ]


def test_cin_plans_within_their_episode_finds_a_plan_outliving_its_episode():
    plan = CINPlanFactory(cin_episode=closed(), end_date=D(2024, 5, 1))
    CINPlan.objects.filter(pk=plan.pk).update(end_date=None)
    assert invariants.cin_plans_within_their_episode() == [
        f"child in need plan {plan.pk}: outside its child in need episode"
    ]


def test_cin_plans_do_not_overlap_finds_an_overlap():
    first = CINPlanFactory(end_date=D(2024, 6, 1))
    CINPlan.objects.bulk_create(
        [
            CINPlan(
                child=first.child,
                cin_episode=first.cin_episode,
                team=first.team,
                start_date=D(2024, 5, 1),
            )
        ]
    )
    assert len(invariants.cin_plans_do_not_overlap()) == 2


def test_cin_plan_reviews_while_plan_open_finds_a_late_review():
    review = CINPlanReviewFactory(plan=CINPlanFactory(end_date=D(2024, 7, 1)))
    CINPlanReview.objects.filter(pk=review.pk).update(review_date=D(2024, 8, 1))
    assert invariants.cin_plan_reviews_while_plan_open() == [
        f"child in need plan review {review.pk}: review outside the plan's dates"
    ]
