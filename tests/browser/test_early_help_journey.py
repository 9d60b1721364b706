"""Journeys (issue 13, step 4 and the manager's "not yet"): early help from its start
to its closure, checked before it is final; a step-up to social care followed by a
transfer-in conference; an assessment returned to its worker. Each step screenshotted
and checked with axe-core."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from kinfolio.accounts.models import Role
from kinfolio.early_help.models import EarlyHelpEpisode
from kinfolio.protection.models import ChildProtectionConference
from tests.browser.test_protection_journey import Steps, fill_date, sign_in
from tests.factories import (
    AssessmentFactory,
    CINEpisodeFactory,
    EarlyHelpEpisodeFactory,
    TeamFactory,
    WorkerFactory,
)

D = dt.date


@pytest.fixture
def people(make_user, two_services, settings):
    settings.KINFOLIO_DEMO_2FA_EXEMPT = True
    team = two_services["team"]
    early_help = TeamFactory(name="Family support north", team_type="early_help")
    practitioner = WorkerFactory(given_name="Priya", family_name="Shah", team=early_help)
    make_user(Role.EARLY_HELP_WORKER, username="eh", worker=WorkerFactory(team=team))
    manager = make_user(Role.TEAM_MANAGER, username="tm", worker=WorkerFactory(team=team))
    team.manager = manager.worker
    team.save()
    make_user(Role.SOCIAL_WORKER, username="sw", worker=two_services["worker"])
    return {
        "child": two_services["ours"],
        "team": team,
        "early_help": early_help,
        "practitioner": practitioner,
    }


def test_early_help_from_its_start_to_its_closure(page, screenshot, people):
    child, steps = people["child"], Steps(page, screenshot)
    sign_in(page, "eh")
    page.goto(reverse("early_help:start", args=[child.local_id]))
    fill_date(page, "start_date", D(2026, 5, 4))
    page.get_by_label("Early help team").select_option(str(people["early_help"].pk))
    steps.check("start")
    steps.save(banner="Early help started")
    steps.check("episode")

    page.get_by_role("link", name="Record the early help assessment").click()
    fill_date(page, "assessment_date", D(2026, 5, 11))
    page.get_by_label("What the assessment found").fill("Mornings are chaotic; attendance 81%.")
    page.get_by_label("The child's views, wishes and feelings").fill("I want to be on time.")
    steps.check("assessment")
    steps.save(banner="Early help assessment saved")

    page.get_by_role("link", name="change the lead practitioner").click()
    page.get_by_label("Lead practitioner").select_option(str(people["practitioner"].pk))
    steps.check("lead-practitioner")
    steps.save(banner="Lead practitioner saved")

    page.get_by_role("link", name="Add to the team around the family").click()
    page.get_by_label("Name", exact=True).fill("Ms Reed")
    page.get_by_label("Agency", exact=True).select_option("education")
    page.get_by_label("Role (optional)").fill("Designated safeguarding lead")
    fill_date(page, "joined_on", D(2026, 5, 12))
    steps.check("team-member")
    steps.save(banner="Added to the team around the family")
    expect(page.get_by_test_id("family-team")).to_contain_text("Priya Shah")
    expect(page.get_by_test_id("family-team")).to_contain_text("Ms Reed")

    page.get_by_role("link", name="Record a review").click()
    fill_date(page, "review_date", D(2026, 7, 6))
    page.get_by_label("What the review found").fill("Attendance 94%; routines in place.")
    page.get_by_label("The child's views, wishes and feelings").fill("Mornings are easier.")
    steps.check("review")
    steps.save(banner="Early help review recorded")
    steps.check("episode-reviewed")

    page.get_by_role("link", name="Close early help").click()
    fill_date(page, "end_date", D(2026, 7, 20))
    page.get_by_label("Outcomes achieved").check()
    steps.check("close")
    steps.save("Continue")
    expect(page.get_by_test_id("check-answers")).to_contain_text("Outcomes achieved")
    steps.check("close-check-answers")
    assert EarlyHelpEpisode.objects.get(child=child).end_date is None
    steps.save("Confirm and save", banner="Early help closed")
    episode = EarlyHelpEpisode.objects.get(child=child)
    assert (episode.end_date, episode.closure_reason) == (D(2026, 7, 20), "outcomes_achieved")
    assert episode.reviews.get().childs_views == "Mornings are easier."


def test_step_up_to_social_care_then_a_transfer_in_conference(page, screenshot, people):
    child, steps = people["child"], Steps(page, screenshot)
    episode = EarlyHelpEpisodeFactory(child=child, team=people["early_help"])
    sign_in(page, "eh")
    page.goto(reverse("early_help:episode", args=[child.local_id, episode.pk]))
    page.get_by_role("link", name="Step up to social care").click()
    fill_date(page, "referral_date", D(2026, 6, 1))
    page.get_by_label("Source of the referral").select_option("2A")
    page.get_by_label("Team taking the referral").select_option(str(people["team"].pk))
    steps.check("step-up")
    steps.save("Continue")
    steps.check("step-up-check-answers")
    steps.save("Confirm and save", banner="Referred to children's social care")
    episode.refresh_from_db()
    assert episode.closure_reason == "stepped_up"

    page.goto(reverse("protection:journey", args=[child.local_id]))
    page.get_by_role("link", name="Book a transfer-in conference").click()
    fill_date(page, "date", D(2026, 6, 15))
    steps.check("transfer-in")
    steps.save(banner="Conference booked")
    steps.check("transfer-in-task-list")
    assert ChildProtectionConference.objects.get(child=child).conference_type == "transfer_in"


def test_a_manager_returns_an_assessment_to_its_worker(page, screenshot, people):
    child, steps = people["child"], Steps(page, screenshot)
    assessment = AssessmentFactory(
        cin_episode=CINEpisodeFactory(child=child, team=people["team"]),
        child=child,
        worker=people["team"].workers.get(user__username="sw"),
        submitted_at=timezone.now(),
    )
    sign_in(page, "tm")
    page.goto(reverse("assessments:authorise", args=[child.local_id, assessment.pk]))
    page.get_by_role("link", name="Return it to the worker with what needs to change").click()
    page.get_by_label("What needs to change before you can authorise it?").fill(
        "Add what the school said about attendance."
    )
    steps.check("return")
    steps.save("Return to the worker", banner="returned to the worker")
    page.context.clear_cookies()

    sign_in(page, "sw")
    page.goto(reverse("assessments:assessment", args=[child.local_id, assessment.pk]))
    expect(page.get_by_test_id("returned-reason")).to_contain_text("what the school said")
    steps.check("returned-assessment")
