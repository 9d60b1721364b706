"""Every referral, assessment and child protection page: unauthenticated, unauthorised,
success (GET); and the rules through their pages both ways."""

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from kinfolio.accounts.models import Role
from kinfolio.accounts.policy import POLICY
from kinfolio.protection.models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    PlanAction,
    Section47Enquiry,
)
from kinfolio.recording import tokens
from kinfolio.referrals.models import CINPlanReview
from tests.factories import AssessmentFactory, CINEpisodeFactory, D
from tests.factories_accounts import staff
from tests.protection.factories import protection_url_values

pytestmark = pytest.mark.django_db

PAGES = sorted(
    name for name in POLICY if name.split(":")[0] in ("referrals", "assessments", "protection")
)
KEYS = ("episode_id", "assessment_id", "enquiry_id", "conference_id", "plan_id", "cin_plan_id")


@pytest.fixture
def child(two_services):
    protection_url_values(two_services["ours"])
    return two_services["ours"]


def url(name: str, child) -> str:
    """The page's URL for this child's records (whichever of them it names)."""
    values = {"local_id": child.local_id, **protection_url_values(child)}
    shapes = [(), ("local_id",)] + [("local_id", key) for key in KEYS]
    shapes += [("local_id", "plan_id", "outcome_id"), ("local_id", "plan_id", "plan_action_id")]
    for keys in shapes:
        try:
            return reverse(name, kwargs={key: values[key] for key in keys})
        except NoReverseMatch:
            continue
    raise AssertionError(f"cannot build {name}")


@pytest.mark.parametrize("name", PAGES)
def test_page_sends_an_anonymous_user_to_sign_in(client, child, name):
    response = client.get(url(name, child))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


@pytest.mark.parametrize("name", PAGES)
def test_page_refuses_a_role_without_the_permission(client, child, name):
    client.force_login(staff(Role.PERFORMANCE_ANALYST))

    assert client.get(url(name, child)).status_code == 403


@pytest.mark.parametrize("name", PAGES)
def test_page_shows_to_a_manager_in_the_childs_service(client, child, two_services, name):
    client.force_login(staff(Role.TEAM_MANAGER, team=two_services["team"]))

    assert client.get(url(name, child)).status_code == 200


def _post(client, path: str, data: dict):
    token = client.get(path).context["draft_token"]
    return client.post(path, {tokens.FIELD: token, **data}, follow=True)


def test_s47_page_refuses_an_enquiry_without_a_strategy_discussion_then_takes_a_reason(
    client, two_services
):
    child = two_services["ours"]
    episode = CINEpisodeFactory(child=child, referral_date=D(2026, 6, 1))
    client.force_login(staff(Role.SOCIAL_WORKER, team=two_services["team"]))
    path = reverse("protection:s47-new", args=[child.local_id, episode.pk])
    start = {"start_date_0": "10", "start_date_1": "6", "start_date_2": "2026"}

    refused = _post(client, path, start).content.decode()

    assert "cannot start without a strategy discussion" in refused
    assert "There is a problem" in refused
    assert not Section47Enquiry.objects.exists()

    done = _post(client, path, {**start, "no_strategy_reason": "Police could not attend."})

    assert "Section 47 enquiry started" in done.content.decode()
    assert Section47Enquiry.objects.get().no_strategy_reason == "Police could not attend."


def test_action_done_page_records_the_date(client, two_services, child):
    client.force_login(staff(Role.SOCIAL_WORKER, team=two_services["team"]))
    path = url("protection:plan-action-done", child)
    action = PlanAction.objects.get(outcome__cp_plan__child=child)

    done = _post(
        client,
        path,
        {
            "completed_on_0": "20",
            "completed_on_1": "5",
            "completed_on_2": "2024",
            "opened_version": 1,
        },
    )

    assert "Action done" in done.content.decode()
    action.refresh_from_db()
    assert action.completed_on == D(2024, 5, 20)


def test_cin_plan_review_page_needs_the_childs_voice(client, two_services, child):
    client.force_login(staff(Role.SOCIAL_WORKER, team=two_services["team"]))
    path = url("referrals:cin-plan-review", child)
    data = {"review_date_0": "1", "review_date_1": "6", "review_date_2": "2024", "notes": "Better."}

    refused = _post(client, path, data).content.decode()
    done = _post(client, path, {**data, "childs_views": "Mum listens more."}).content.decode()

    assert "Enter the child&#x27;s views" in refused
    assert "Child in need plan review recorded" in done
    assert CINPlanReview.objects.get().childs_views == "Mum listens more."


def test_transfer_in_conference_decision_is_checked_before_it_starts_the_plan(client, two_services):
    child = two_services["ours"]
    CINEpisodeFactory(child=child, team=two_services["team"], referral_date=D(2025, 8, 1))
    client.force_login(staff(Role.SOCIAL_WORKER, team=two_services["team"]))
    booked = _post(
        client,
        reverse("protection:transfer-in-new", args=[child.local_id]),
        {"date_0": "1", "date_1": "9", "date_2": "2025"},
    )
    assert "Conference booked" in booked.content.decode()
    conference = ChildProtectionConference.objects.get(child=child, conference_type="transfer_in")
    decision = reverse("protection:conference-decision", args=[child.local_id, conference.pk])
    check = _post(
        client,
        decision,
        {
            "childs_views": "I miss my old school.",
            "plan_required": "yes",
            "category_of_abuse": "NEG",
        },
    )
    assert check.redirect_chain[-1][0].endswith("/decision/check/")
    assert "Neglect" in check.content.decode()
    conference.refresh_from_db()
    assert conference.plan_required is None  # nothing final before it is checked
    assert not ChildProtectionPlan.objects.filter(child=child).exists()

    done = client.post(check.redirect_chain[-1][0], follow=True).content.decode()
    assert "The conference&#x27;s decision: saved" in done
    plan = ChildProtectionPlan.objects.get(child=child)
    assert (plan.start_date, plan.initial_category) == (D(2025, 9, 1), "NEG")


def test_a_manager_returns_an_assessment_to_the_worker_with_what_to_change(client, two_services):
    child = two_services["ours"]
    assessment = AssessmentFactory(
        cin_episode=CINEpisodeFactory(child=child, team=two_services["team"]),
        child=child,
        worker=two_services["worker"],
        submitted_at=timezone.now(),
    )
    client.force_login(staff(Role.TEAM_MANAGER, team=two_services["team"]))
    path = reverse("assessments:return", args=[child.local_id, assessment.pk])

    refused = _post(client, path, {"reason": ""}).content.decode()
    done = _post(client, path, {"reason": "Add the school's view."}).content.decode()

    assert "Enter what needs to change" in refused
    assert "returned to the worker" in done
    assessment.refresh_from_db()
    assert (assessment.submitted_at, assessment.returned_reason) == (None, "Add the school's view.")
