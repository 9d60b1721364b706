"""The early help assessment, the team around the family, reviews, closing with an
outcome and stepping up to a referral: each rule both ways, nothing written and no
history row on refusal."""

import pytest
from django.core.exceptions import ValidationError

from kinfolio.audit.models import ChangeEvent
from kinfolio.early_help.models import EarlyHelpReview, FamilyTeamMember
from kinfolio.early_help.services import episodes, family_team
from kinfolio.referrals.models import CINEpisode
from tests.factories import D, EarlyHelpEpisodeFactory, TeamFactory, WorkerFactory

pytestmark = pytest.mark.django_db

VOICE = {
    "childs_views": "I like it when mum comes to school.",
    "childs_views_not_recorded_code": "",
    "childs_views_not_recorded_reason": "",
}
NO_VOICE = {**VOICE, "childs_views": ""}


@pytest.fixture
def episode():
    return EarlyHelpEpisodeFactory(start_date=D(2025, 2, 3))


def _closed(episode):
    episode.end_date, episode.closure_reason = D(2025, 3, 1), "outcomes_achieved"
    episode.save()
    return episode


def _unchanged(episode, **fields):
    episode.refresh_from_db()
    for name, value in fields.items():
        assert getattr(episode, name) == value, name
    assert not ChangeEvent.objects.exists()


def test_the_assessment_is_recorded_with_the_childs_voice(make_user, episode):
    episodes.record_assessment(
        episode=episode,
        assessment_date=D(2025, 2, 10),
        assessment_summary="Routines at home; school attendance 82%.",
        **VOICE,
        opened_version=1,
        by=make_user(),
    )
    episode.refresh_from_db()
    assert episode.assessment_date == D(2025, 2, 10)
    assert episode.voice_status == "recorded"
    assert ChangeEvent.objects.filter(object_id=str(episode.pk), field="assessment_date").exists()


@pytest.mark.parametrize(
    ("day", "summary", "voice", "field"),
    [
        (D(2025, 2, 10), "Found needs.", NO_VOICE, "childs_views"),
        (D(2025, 2, 10), "  ", VOICE, "assessment_summary"),
        (D(2025, 1, 10), "Found needs.", VOICE, "assessment_date"),
        (None, "Found needs.", VOICE, "assessment_date"),
    ],
)
def test_the_assessment_is_refused_without_voice_summary_or_a_date_in_the_episode(
    make_user, episode, day, summary, voice, field
):
    with pytest.raises(ValidationError) as refused:
        episodes.record_assessment(
            episode=episode,
            assessment_date=day,
            assessment_summary=summary,
            **voice,
            opened_version=1,
            by=make_user(),
        )
    assert field in refused.value.message_dict
    _unchanged(episode, assessment_date=None, assessment_summary="", version=1)


def test_the_assessment_is_refused_once_early_help_closed(make_user, episode):
    _closed(episode)
    with pytest.raises(ValidationError, match="already closed"):
        episodes.record_assessment(
            episode=episode,
            assessment_date=D(2025, 2, 10),
            assessment_summary="Found needs.",
            **VOICE,
            by=make_user(),
        )
    _unchanged(episode, assessment_date=None)


def test_lead_practitioner_named_and_refused_when_missing(make_user, episode):
    with pytest.raises(ValidationError) as refused:
        family_team.set_lead_practitioner(
            episode=episode, lead_practitioner=None, opened_version=1, by=make_user()
        )
    assert list(refused.value.message_dict) == ["lead_practitioner"]
    _unchanged(episode, lead_practitioner=None)

    social_worker = WorkerFactory()
    with pytest.raises(ValidationError, match="is not in an early help team"):
        family_team.set_lead_practitioner(
            episode=episode, lead_practitioner=social_worker, opened_version=1, by=make_user()
        )
    _unchanged(episode, lead_practitioner=None)

    lead = WorkerFactory(team=episode.team)
    family_team.set_lead_practitioner(
        episode=episode, lead_practitioner=lead, opened_version=1, by=make_user()
    )
    episode.refresh_from_db()
    assert (episode.lead_practitioner, episode.version) == (lead, 2)


def test_a_member_from_an_agency_joins_the_team_around_the_family(make_user, episode):
    member = family_team.add_member(
        episode=episode,
        name="Ms Reed",
        agency="education",
        role="Designated safeguarding lead",
        joined_on=D(2025, 2, 5),
        by=make_user(),
    )
    assert list(episode.team_members.all()) == [member]
    assert ChangeEvent.objects.filter(kind="created", model="early_help.familyteammember").exists()


@pytest.mark.parametrize(
    ("name", "agency", "joined_on", "field"),
    [
        ("", "education", D(2025, 2, 5), "name"),
        ("Ms Reed", "school", D(2025, 2, 5), "agency"),
        ("Ms Reed", "education", D(2025, 1, 5), "joined_on"),
    ],
)
def test_a_member_is_refused_without_a_name_an_agency_or_a_date_in_the_episode(
    make_user, episode, name, agency, joined_on, field
):
    with pytest.raises(ValidationError) as refused:
        family_team.add_member(
            episode=episode, name=name, agency=agency, joined_on=joined_on, by=make_user()
        )
    assert list(refused.value.message_dict) == [field]
    assert not FamilyTeamMember.objects.exists()
    assert not ChangeEvent.objects.exists()


def test_a_review_is_recorded_with_the_childs_voice_and_refused_without_it(make_user, episode):
    with pytest.raises(ValidationError) as refused:
        family_team.record_review(
            episode=episode,
            review_date=D(2025, 3, 3),
            summary="Attendance up.",
            **NO_VOICE,
            by=make_user(),
        )
    assert "childs_views" in refused.value.message_dict
    assert not EarlyHelpReview.objects.exists()
    assert not ChangeEvent.objects.exists()

    review = family_team.record_review(
        episode=episode,
        review_date=D(2025, 3, 3),
        summary="Attendance up.",
        childs_views="",
        childs_views_not_recorded_code="too_young",
        childs_views_not_recorded_reason="Ten months old; observed content with mum.",
        by=make_user(),
    )
    assert review.voice_status == "not_recorded_with_reason"
    assert ChangeEvent.objects.filter(kind="created", model="early_help.earlyhelpreview").exists()


def test_a_review_outside_the_episode_or_after_closure_is_refused(make_user, episode):
    for review_date in (D(2025, 1, 3), D(2025, 3, 3)):
        with pytest.raises(ValidationError):
            family_team.record_review(
                episode=episode if review_date.month == 1 else _closed(episode),
                review_date=review_date,
                summary="Attendance up.",
                **VOICE,
                by=make_user(),
            )
    assert not EarlyHelpReview.objects.exists()
    assert not ChangeEvent.objects.exists()


def test_closing_as_stepped_up_is_refused_without_a_referral(make_user, episode):
    with pytest.raises(ValidationError) as refused:
        episodes.close_episode(
            episode=episode,
            end_date=D(2025, 3, 1),
            closure_reason="stepped_up",
            opened_version=1,
            by=make_user(),
        )
    assert list(refused.value.message_dict) == ["closure_reason"]
    _unchanged(episode, end_date=None)


def test_step_up_to_referral_opens_the_referral_and_closes_early_help(make_user, episode):
    team = TeamFactory(team_type="front_door")
    referral = episodes.step_up_to_referral(
        episode=episode,
        referral_date=D(2025, 3, 10),
        referral_source="2A",
        team=team,
        opened_version=1,
        by=make_user(),
    )
    episode.refresh_from_db()
    assert (referral.child, referral.team) == (episode.child, team)
    assert (episode.end_date, episode.closure_reason, episode.stepped_up_to) == (
        D(2025, 3, 10),
        "stepped_up",
        referral,
    )


@pytest.mark.parametrize(
    ("day", "team", "field"),
    [
        (D(2025, 1, 10), "locality_cin", "referral_date"),
        (D(2025, 3, 10), None, "team"),
        (D(2025, 3, 10), "early_help", "team"),
    ],
)
def test_step_up_to_referral_is_refused_with_nothing_written(make_user, episode, day, team, field):
    with pytest.raises(ValidationError) as refused:
        episodes.step_up_to_referral(
            episode=episode,
            referral_date=day,
            referral_source="2A",
            team=TeamFactory(team_type=team) if team else None,
            opened_version=1,
            by=make_user(),
        )
    assert list(refused.value.message_dict) == [field]
    assert not CINEpisode.objects.exists()
    _unchanged(episode, end_date=None)


def test_step_up_to_referral_writes_nothing_when_the_episode_is_stale(make_user, episode):
    episode.version = 2
    episode.save()
    with pytest.raises(ValidationError):
        episodes.step_up_to_referral(
            episode=episode,
            referral_date=D(2025, 3, 10),
            referral_source="2A",
            team=TeamFactory(),
            opened_version=1,
            by=make_user(),
        )
    assert not CINEpisode.objects.exists()
    _unchanged(episode, end_date=None)
