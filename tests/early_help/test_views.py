"""Early help pages: the episode, assessment, team around the family, reviews, closing
and stepping up (each checked before it is final), and stepping down from social care."""

import pytest
from django.urls import reverse

from kinfolio import codesets
from kinfolio.accounts.models import Role
from kinfolio.audit.models import ChangeEvent
from kinfolio.early_help.models import EarlyHelpEpisode
from kinfolio.people.record import next_actions_for, record_child
from kinfolio.protection.models.plans import CPPlanEndReason
from kinfolio.recording import tokens
from kinfolio.recording.models import Draft
from kinfolio.referrals.models import CINEpisode
from tests.factories import (
    ChildProtectionPlanFactory,
    CINEpisodeFactory,
    D,
    EarlyHelpEpisodeFactory,
    TeamFactory,
    WorkerFactory,
)
from tests.factories_accounts import staff

pytestmark = pytest.mark.django_db
DATES = {"assessment_date", "joined_on", "review_date", "end_date", "referral_date", "start_date"}


def _offered(child, user) -> list[str]:
    known = record_child(staff(Role.DIRECTOR), child.local_id)
    return [action.label for action in next_actions_for(known, user)]


@pytest.fixture
def worker(two_services):
    return staff(Role.EARLY_HELP_WORKER, team=two_services["team"])


@pytest.fixture
def episode(two_services):
    return EarlyHelpEpisodeFactory(child=two_services["ours"], start_date=D(2025, 2, 3))


def _url(name, episode, *more):
    return reverse(f"early_help:{name}", args=[episode.child.local_id, episode.pk, *more])


def _post(client, url, **answers):
    data = {tokens.FIELD: client.get(url).context["draft_token"]}
    for name, value in answers.items():
        if name in DATES:
            data.update({f"{name}_{i}": part for i, part in enumerate(value.split("/"))})
        else:
            data[name] = value
    return client.post(url, data, follow=True)


def test_early_help_pages_send_an_anonymous_user_to_sign_in(client, episode):
    response = client.get(_url("episode", episode))
    assert response.status_code == 302
    assert "sign-in" in response["Location"]


def test_early_help_pages_refuse_a_role_without_the_permission(client, episode):
    client.force_login(staff(Role.PERFORMANCE_ANALYST))
    assert client.get(_url("close", episode)).status_code == 403


def test_early_help_is_not_found_for_a_child_out_of_scope(client, two_services, worker):
    client.force_login(worker)
    theirs = EarlyHelpEpisodeFactory(child=two_services["theirs"])
    assert client.get(_url("episode", theirs)).status_code == 404


def test_a_practitioner_records_the_assessment_team_and_a_review(client, worker, episode):
    client.force_login(worker)
    lead = WorkerFactory(team=episode.team)
    _post(
        client,
        _url("assessment", episode),
        assessment_date="10/2/2025",
        assessment_summary="Routines at home are hard; attendance 82%.",
        childs_views="I want mum to come to assembly.",
    )
    _post(client, _url("lead-practitioner", episode), lead_practitioner=lead.pk)
    _post(
        client,
        _url("member-new", episode),
        name="Ms Reed",
        agency="education",
        role="Designated safeguarding lead",
        joined_on="11/2/2025",
    )
    page = _post(
        client,
        _url("review-new", episode),
        review_date="3/3/2025",
        summary="Attendance up to 90%.",
        childs_views="Mornings are better.",
    )
    assert page.redirect_chain[-1][0] == _url("episode", episode)
    text = page.content.decode()
    for shown in ("Routines at home", "I want mum", lead.full_name, "Ms Reed", "Mornings are"):
        assert shown in text
    assert f"The council's early help service ({episode.team})" in text  # the lead's agency
    episode.refresh_from_db()
    assert (episode.lead_practitioner, episode.version) == (lead, 3)


def test_a_missing_voice_is_shown_as_an_error_and_nothing_is_saved(client, worker, episode):
    client.force_login(worker)
    page = _post(
        client,
        _url("review-new", episode),
        review_date="3/3/2025",
        summary="Attendance up to 90%.",
    )
    assert "govuk-error-summary" in page.content.decode()
    assert not episode.reviews.exists()


def test_closing_early_help_is_checked_before_it_is_final(client, worker, episode):
    client.force_login(worker)
    check = _post(
        client, _url("close", episode), end_date="1/4/2025", closure_reason="outcomes_achieved"
    )
    assert check.redirect_chain[-1][0] == _url("close-check", episode)
    assert "Outcomes achieved" in check.content.decode()
    episode.refresh_from_db()
    assert episode.end_date is None  # nothing final yet
    assert not ChangeEvent.objects.exists()

    done = client.post(_url("close-check", episode), follow=True)
    assert "Early help closed" in done.content.decode()
    episode.refresh_from_db()
    assert (episode.end_date, episode.closure_reason) == (D(2025, 4, 1), "outcomes_achieved")
    assert not Draft.objects.exists()


def test_the_check_page_has_nothing_to_confirm_before_the_questions(client, worker, episode):
    client.force_login(worker)
    page = client.get(_url("close-check", episode))
    assert page.status_code == 200
    assert "Answer the questions first" in page.content.decode()
    client.post(_url("close-check", episode))
    episode.refresh_from_db()
    assert episode.end_date is None


def test_a_refusal_on_the_check_page_links_to_the_question(client, worker, episode):
    client.force_login(worker)
    _post(client, _url("step-up", episode), referral_date="1/4/2025", referral_source="2A")
    assert not CINEpisode.objects.exists()  # the team is missing: the question page says so
    team = TeamFactory(team_type="front_door")
    _post(
        client,
        _url("step-up", episode),
        referral_date="1/1/2025",
        referral_source="2A",
        team=team.pk,
    )
    refused = client.post(_url("step-up-check", episode))
    assert "on or after early help started" in refused.content.decode()
    assert f'href="{_url("step-up", episode)}"' in refused.content.decode()
    assert not CINEpisode.objects.exists()


def test_stepping_up_opens_a_referral_and_closes_early_help(client, worker, episode):
    client.force_login(worker)
    team = TeamFactory(team_type="front_door")
    _post(
        client,
        _url("step-up", episode),
        referral_date="1/4/2025",
        referral_source="2A",
        team=team.pk,
    )
    client.post(_url("step-up-check", episode))
    episode.refresh_from_db()
    assert episode.stepped_up_to == CINEpisode.objects.get(child=episode.child, team=team)


def test_stepping_down_from_social_care_names_the_plan_and_practitioner(
    client, worker, two_services
):
    child = two_services["ours"]
    cin = CINEpisodeFactory(
        child=child, referral_date=D(2025, 1, 6), close_date=D(2025, 5, 1), close_reason="RC9"
    )
    receiving = WorkerFactory(team=TeamFactory(team_type="early_help"))
    client.force_login(worker)
    assert "Step down to early help" in _offered(child, worker)
    url = reverse("early_help:step-down", args=[child.local_id, cin.pk])
    _post(
        client,
        url,
        start_date="2/5/2025",
        receiving_practitioner=receiving.pk,
        step_down_plan="School nurse weekly; family support worker for routines.",
    )
    assert not EarlyHelpEpisode.objects.exists()
    done = client.post(
        reverse("early_help:step-down-check", args=[child.local_id, cin.pk]), follow=True
    )
    episode = EarlyHelpEpisode.objects.get()
    assert done.redirect_chain[-1][0] == _url("episode", episode)
    assert (episode.stepped_down_from, episode.lead_practitioner) == (cin, receiving)
    assert "Record the early help assessment" in _offered(child, worker)


def test_start_early_help_is_offered_only_when_social_care_does_not_hold_the_child(
    worker, two_services
):
    child = two_services["ours"]
    assert "Start early help" in _offered(child, worker)
    CINEpisodeFactory(child=child, referral_date=D(2025, 1, 6))  # open to social care
    assert "Start early help" not in _offered(child, worker)


def test_step_down_is_offered_once_the_open_episodes_plan_has_ended(worker):
    plan = ChildProtectionPlanFactory(start_date=D(2025, 1, 6))
    child, cin = plan.child, plan.cin_episode
    assert "Step down to early help" not in _offered(child, worker)  # the plan is open
    plan.end_date, plan.end_reason = D(2025, 4, 1), CPPlanEndReason.STEPPED_DOWN_CIN
    plan.save()
    assert "Step down to early help" in _offered(child, worker)
    EarlyHelpEpisodeFactory(
        child=child,
        start_date=D(2025, 4, 2),
        stepped_down_from=cin,
        step_down_plan="School nurse weekly.",
        end_date=D(2025, 6, 1),
        closure_reason=codesets.EARLY_HELP_CLOSURE_REASON.choices[0][0],
    )
    assert "Step down to early help" not in _offered(child, worker)  # done already


def test_step_down_is_not_offered_for_an_open_episode_that_had_no_plan(worker, two_services):
    CINEpisodeFactory(child=two_services["ours"], referral_date=D(2025, 1, 6))
    assert "Step down to early help" not in _offered(two_services["ours"], worker)
