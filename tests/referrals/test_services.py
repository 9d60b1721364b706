import pytest
from django.utils import timezone

from kinfolio.accounts.models import Role
from kinfolio.audit.models import ChangeEvent
from kinfolio.core.versions import StaleRecord
from kinfolio.referrals.models import CINEpisode, CINPlan, CINPlanReview
from kinfolio.referrals.services import cin_plans, referrals
from tests.factories import (
    AssessmentFactory,
    ChildFactory,
    ChildProtectionPlanFactory,
    CINEpisodeFactory,
    CINPlanFactory,
    D,
    DecidedContactFactory,
    TeamFactory,
)
from tests.factories_accounts import staff
from tests.refusals import assert_refused

pytestmark = pytest.mark.django_db

VOICE = {
    "childs_views": "I want mum to stop shouting.",
    "childs_views_not_recorded_code": "",
    "childs_views_not_recorded_reason": "",
}


@pytest.fixture
def worker_user():
    return staff(Role.SOCIAL_WORKER)


def test_open_referral_opens_an_episode_from_the_contact_with_its_history(worker_user):
    contact = DecidedContactFactory()

    episode = referrals.open_referral(
        child=contact.child,
        contact=contact,
        referral_date=D(2024, 3, 4),
        referral_source="2A",
        team=TeamFactory(),
        by=worker_user,
    )

    assert episode.is_open
    assert episode.contact == contact
    assert ChangeEvent.objects.filter(
        model="referrals.cinepisode", object_id=str(episode.pk), kind="created"
    ).exists()


def test_open_referral_refuses_a_second_open_episode(worker_user):
    open_one = CINEpisodeFactory()

    assert_refused(
        lambda: referrals.open_referral(
            child=open_one.child,
            referral_date=D(2024, 5, 1),
            referral_source="2A",
            team=open_one.team,
            by=worker_user,
        ),
        message="already has an open child in need episode",
        counted=[CINEpisode],
    )


def test_open_referral_refuses_a_date_in_the_future(worker_user):
    assert_refused(
        lambda: referrals.open_referral(
            child=ChildFactory(),
            referral_date=timezone.localdate().replace(year=timezone.localdate().year + 1),
            referral_source="2A",
            team=TeamFactory(),
            by=worker_user,
        ),
        message="must be today or in the past",
        counted=[CINEpisode],
    )


def test_close_episode_closes_with_its_rc_code(worker_user):
    episode = CINEpisodeFactory()

    referrals.close_episode(
        episode=episode, close_date=D(2024, 4, 1), reason="RC7", opened_version=1, by=worker_user
    )

    episode.refresh_from_db()
    assert (episode.close_date, episode.close_reason, episode.version) == (D(2024, 4, 1), "RC7", 2)
    assert ChangeEvent.objects.filter(field="close_reason", new_value__startswith="RC7").exists()


def test_close_episode_refuses_without_a_reason(worker_user):
    episode = CINEpisodeFactory()

    assert_refused(
        lambda: referrals.close_episode(
            episode=episode, close_date=D(2024, 4, 1), reason="", opened_version=1, by=worker_user
        ),
        message="Select the reason the case is closing",
        unchanged=[episode],
    )


def test_close_episode_refuses_while_a_child_protection_plan_is_current(worker_user):
    plan = ChildProtectionPlanFactory()

    assert_refused(
        lambda: referrals.close_episode(
            episode=plan.cin_episode,
            close_date=D(2024, 5, 1),
            reason="RC7",
            opened_version=1,
            by=worker_user,
        ),
        message="End the child protection plan before closing the case",
        unchanged=[plan.cin_episode],
    )


def test_close_episode_as_referral_nfa_is_refused_once_an_assessment_started(worker_user):
    assessment = AssessmentFactory(authorised_date=D(2024, 3, 20), outcome_nfa=True)

    assert_refused(
        lambda: referrals.close_episode(
            episode=assessment.cin_episode,
            close_date=D(2024, 4, 1),
            reason="RC8",
            referral_nfa=True,
            opened_version=1,
            by=worker_user,
        ),
        message="the referral itself was not no further action",
        unchanged=[assessment.cin_episode],
    )


def test_close_episode_as_referral_nfa_without_an_assessment(worker_user):
    episode = CINEpisodeFactory()

    referrals.close_episode(
        episode=episode,
        close_date=D(2024, 3, 4),
        reason="RC8",
        referral_nfa=True,
        opened_version=1,
        by=worker_user,
    )

    episode.refresh_from_db()
    assert episode.nfa
    assert episode.close_reason == "RC8"


def test_close_episode_refuses_a_stale_version_and_writes_nothing(worker_user):
    episode = CINEpisodeFactory()
    referrals.close_episode(
        episode=episode, close_date=D(2024, 4, 1), reason="RC7", opened_version=1, by=worker_user
    )
    other = CINEpisodeFactory()
    other.version = 3
    other.save()

    with pytest.raises(StaleRecord):
        referrals.close_episode(
            episode=other, close_date=D(2024, 4, 1), reason="RC7", opened_version=2, by=worker_user
        )
    other.refresh_from_db()
    assert other.is_open
    assert other.version == 3


def test_start_plan_needs_the_childs_voice(worker_user):
    episode = CINEpisodeFactory()

    assert_refused(
        lambda: cin_plans.start_plan(
            episode=episode,
            start_date=D(2024, 4, 1),
            childs_views="",
            childs_views_not_recorded_code="",
            childs_views_not_recorded_reason="",
            by=worker_user,
        ),
        message="Enter the child's views",
        counted=[CINPlan],
    )


def test_start_plan_with_the_childs_voice(worker_user):
    episode = CINEpisodeFactory()

    plan = cin_plans.start_plan(episode=episode, start_date=D(2024, 4, 1), by=worker_user, **VOICE)

    assert plan.childs_views == VOICE["childs_views"]
    assert plan.team == episode.team


def test_review_plan_refuses_a_reason_without_an_explanation(worker_user):
    plan = CINPlanFactory()

    assert_refused(
        lambda: cin_plans.review_plan(
            plan=plan,
            review_date=D(2024, 5, 1),
            notes="Going well.",
            childs_views="",
            childs_views_not_recorded_code="declined",
            childs_views_not_recorded_reason="  ",
            by=worker_user,
        ),
        message="Explain why the child's views are not recorded",
        counted=[CINPlanReview],
    )


def test_review_plan_records_the_review(worker_user):
    plan = CINPlanFactory()

    review = cin_plans.review_plan(
        plan=plan, review_date=D(2024, 5, 1), notes="Going well.", by=worker_user, **VOICE
    )

    assert review.plan == plan
    assert review.voice_status == "recorded"


def test_end_plan_needs_a_reason(worker_user):
    plan = CINPlanFactory()

    assert_refused(
        lambda: cin_plans.end_plan(
            plan=plan, end_date=D(2024, 6, 1), end_reason="", opened_version=1, by=worker_user
        ),
        message="Select why the plan ended",
        unchanged=[plan],
    )


def test_end_plan_stepping_down_to_early_help(worker_user):
    plan = CINPlanFactory()

    cin_plans.end_plan(
        plan=plan,
        end_date=D(2024, 6, 1),
        end_reason="stepped_down_early_help",
        opened_version=1,
        by=worker_user,
    )

    plan.refresh_from_db()
    assert plan.end_date == D(2024, 6, 1)
    assert plan.end_reason == "stepped_down_early_help"
