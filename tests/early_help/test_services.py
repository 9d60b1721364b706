"""Early help services: each rule both ways; nothing written and no history on refusal."""

import pytest
from django.core.exceptions import ValidationError

from kinfolio.audit.models import ChangeEvent
from kinfolio.core.versions import StaleRecord
from kinfolio.early_help.models import EarlyHelpEpisode
from kinfolio.early_help.services import episodes
from tests.factories import (
    CINEpisodeFactory,
    D,
    EarlyHelpEpisodeFactory,
    TeamFactory,
    WorkerFactory,
)

pytestmark = pytest.mark.django_db


def _practitioner(**kwargs):
    return WorkerFactory(team=TeamFactory(team_type="early_help"), **kwargs)


def _nothing_written():
    assert not EarlyHelpEpisode.objects.exists()
    assert not ChangeEvent.objects.exists()


def test_step_down_opens_early_help_with_the_plan_and_the_receiving_practitioner(make_user):
    cin = CINEpisodeFactory(referral_date=D(2025, 1, 6))
    practitioner = _practitioner()

    episode = episodes.step_down(
        cin_episode=cin,
        start_date=D(2025, 6, 2),
        step_down_plan="School nurse weekly; family support worker for routines.",
        receiving_practitioner=practitioner,
        by=make_user(),
    )

    assert episode.stepped_down_from == cin
    assert episode.child == cin.child
    assert (episode.lead_practitioner, episode.team) == (practitioner, practitioner.team)
    assert ChangeEvent.objects.filter(object_id=str(episode.pk), kind="created").exists()


@pytest.mark.parametrize(
    ("plan", "practitioner", "field"),
    [("  ", True, "step_down_plan"), ("Weekly support.", False, "receiving_practitioner")],
)
def test_step_down_is_refused_without_a_plan_or_a_named_practitioner(
    make_user, plan, practitioner, field
):
    cin = CINEpisodeFactory(referral_date=D(2025, 1, 6))

    with pytest.raises(ValidationError) as refused:
        episodes.step_down(
            cin_episode=cin,
            start_date=D(2025, 6, 2),
            step_down_plan=plan,
            receiving_practitioner=_practitioner() if practitioner else None,
            by=make_user(),
        )

    assert list(refused.value.message_dict) == [field]
    _nothing_written()


@pytest.mark.parametrize(
    ("receiving", "message"),
    [
        (lambda: WorkerFactory(), "is not in an early help team"),
        (lambda: _practitioner(end_date=D(2025, 7, 31)), "leaves on 31 July 2025"),
    ],
)
def test_step_down_is_refused_to_anyone_but_a_staying_early_help_practitioner(
    make_user, receiving, message
):
    cin = CINEpisodeFactory(referral_date=D(2025, 1, 6))

    with pytest.raises(ValidationError, match=message) as refused:
        episodes.step_down(
            cin_episode=cin,
            start_date=D(2025, 6, 2),
            step_down_plan="Weekly support.",
            receiving_practitioner=receiving(),
            by=make_user(),
        )

    assert list(refused.value.message_dict) == ["receiving_practitioner"]
    _nothing_written()


def test_early_help_starts_only_in_an_early_help_team_led_by_its_practitioner(make_user):
    child = CINEpisodeFactory().child
    social_care = TeamFactory()
    for team, lead, field in [
        (social_care, None, "team"),
        (TeamFactory(team_type="early_help"), WorkerFactory(team=social_care), "lead_practitioner"),
    ]:
        with pytest.raises(ValidationError) as refused:
            episodes.start_episode(
                child=child,
                start_date=D(2025, 6, 2),
                team=team,
                lead_practitioner=lead,
                by=make_user(),
            )
        assert list(refused.value.message_dict) == [field]
    _nothing_written()

    lead = _practitioner()
    episode = episodes.start_episode(
        child=child,
        start_date=D(2025, 6, 2),
        team=lead.team,
        lead_practitioner=lead,
        by=make_user(),
    )
    assert (episode.team, episode.lead_practitioner) == (lead.team, lead)


def test_step_down_is_refused_while_early_help_is_already_open(make_user):
    cin = CINEpisodeFactory(referral_date=D(2025, 1, 6))
    EarlyHelpEpisodeFactory(child=cin.child, start_date=D(2025, 2, 1))

    with pytest.raises(ValidationError, match="already has an open early help"):
        episodes.step_down(
            cin_episode=cin,
            start_date=D(2025, 6, 2),
            step_down_plan="Weekly support.",
            receiving_practitioner=_practitioner(),
            by=make_user(),
        )
    assert EarlyHelpEpisode.objects.count() == 1
    assert not ChangeEvent.objects.exists()


def test_close_episode_records_the_outcome(make_user):
    episode = EarlyHelpEpisodeFactory(start_date=D(2025, 2, 1))

    episodes.close_episode(
        episode=episode,
        end_date=D(2025, 5, 1),
        closure_reason="outcomes_achieved",
        opened_version=1,
        by=make_user(),
    )

    episode.refresh_from_db()
    assert (episode.end_date, episode.closure_reason, episode.version) == (
        D(2025, 5, 1),
        "outcomes_achieved",
        2,
    )


def test_close_episode_is_refused_without_an_outcome_or_when_stale(make_user):
    episode = EarlyHelpEpisodeFactory(start_date=D(2025, 2, 1))
    with pytest.raises(ValidationError) as refused:
        episodes.close_episode(
            episode=episode, end_date=D(2025, 5, 1), closure_reason="", by=make_user()
        )
    assert list(refused.value.message_dict) == ["closure_reason"]
    episode.version = 3
    episode.save()
    with pytest.raises(StaleRecord):
        episodes.close_episode(
            episode=episode,
            end_date=D(2025, 5, 1),
            closure_reason="outcomes_achieved",
            opened_version=1,
            by=make_user(),
        )
    episode.refresh_from_db()
    assert episode.end_date is None
    assert not ChangeEvent.objects.exists()


def test_step_up_closes_early_help_linked_to_the_referral(make_user):
    episode = EarlyHelpEpisodeFactory(start_date=D(2025, 2, 1))
    referral = CINEpisodeFactory(child=episode.child, referral_date=D(2025, 4, 7))

    episodes.step_up(episode=episode, referral=referral, opened_version=1, by=make_user())

    episode.refresh_from_db()
    assert episode.stepped_up_to == referral
    assert (episode.end_date, episode.closure_reason) == (D(2025, 4, 7), "stepped_up")


@pytest.mark.parametrize("same_child", [True, False])
def test_step_up_is_refused_to_another_childs_or_an_earlier_referral(make_user, same_child):
    episode = EarlyHelpEpisodeFactory(start_date=D(2025, 2, 1))
    referral = (
        CINEpisodeFactory(child=episode.child, referral_date=D(2025, 1, 6))
        if same_child
        else CINEpisodeFactory(referral_date=D(2025, 4, 7))
    )

    with pytest.raises(ValidationError) as refused:
        episodes.step_up(episode=episode, referral=referral, opened_version=1, by=make_user())

    assert list(refused.value.message_dict) == ["referral"]
    episode.refresh_from_db()
    assert episode.end_date is None
    assert not ChangeEvent.objects.exists()
