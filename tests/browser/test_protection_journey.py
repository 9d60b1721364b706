"""Journeys (issue 13, steps 5 to 8): (b) referral to the end of a child protection plan,
and (c) a section 47 enquiry refused without a strategy discussion, then started with
a reason. Each step is screenshotted and checked with axe-core.

The contact is recorded and decided through the front door's pages; the journey ends
with the step-down into early help from the child's "what needs doing" panel.
"""

import datetime as dt
import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from kinfolio.accounts.models import Role
from kinfolio.assessments.models import Assessment
from kinfolio.early_help.models import EarlyHelpEpisode
from kinfolio.protection.models import ChildProtectionPlan, ConferenceInvitee, Section47Enquiry
from kinfolio.referrals.models import CINEpisode
from tests.browser.axe import assert_accessible
from tests.factories import CINEpisodeFactory, TeamFactory, WorkerFactory

PASSWORD = "a-long-test-password"


@pytest.fixture
def people(make_user, two_services, settings):
    settings.KINFOLIO_DEMO_2FA_EXEMPT = True
    team = two_services["team"]
    manager = make_user(Role.TEAM_MANAGER, username="tm", worker=WorkerFactory(team=team))
    team.manager = manager.worker
    team.save()
    worker = make_user(Role.SOCIAL_WORKER, username="sw", worker=two_services["worker"])
    make_user(Role.MASH_WORKER, username="mash", worker=WorkerFactory(team=team))
    receiving = WorkerFactory(
        given_name="Priya", family_name="Shah", team=TeamFactory(team_type="early_help")
    )
    return {
        "worker": worker,
        "manager": manager,
        "child": two_services["ours"],
        "early_help": receiving,
    }


def sign_in(page, username: str) -> None:
    page.goto(reverse("accounts:sign-in"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def sign_out(page) -> None:
    page.context.clear_cookies()


def fill_date(page, name: str, day: dt.date) -> None:
    for part, value in enumerate((day.day, day.month, day.year)):
        page.locator(f'[name="{name}_{part}"]').fill(str(value))


class Steps:
    """Take a screenshot and check accessibility at each step, numbered in order."""

    def __init__(self, page, screenshot):
        self.page, self.screenshot, self.n = page, screenshot, 0

    def check(self, name: str) -> None:
        self.n += 1
        assert_accessible(self.page)
        self.screenshot(f"{self.n:02d}-{name}")

    def save(self, button: str = "Save", banner: str = "") -> None:
        self.page.get_by_role("button", name=button, exact=True).click()
        if banner:
            expect(self.page.locator(".govuk-notification-banner")).to_contain_text(banner)


D = dt.date


def record_contact_decided_as_referral(page, steps, child) -> None:
    """The front door records a contact about a known child and refers it on."""
    sign_in(page, "mash")
    page.goto(reverse("mash:contact-new"))
    page.get_by_label("Child's first name").fill(child.given_name)
    page.get_by_label("Child's last name").fill(child.family_name)
    fill_date(page, "child_date_of_birth", child.date_of_birth)
    page.get_by_label("Child's NHS number (if known)").fill(child.nhs_number)
    fill_date(page, "received_on", D(2026, 6, 1))
    page.get_by_label("Time received").fill("09:30")
    page.get_by_label("Source of the contact").select_option("2A")
    page.get_by_label("Referrer's name").fill("Ms Head")
    page.get_by_label("Referrer's agency or relationship to the child").fill("Hillside Primary")
    page.get_by_label("What is the concern?").fill("Amara has a bruise and says dad hit her.")
    page.get_by_role("group", name="Does the family know").get_by_label("Yes").check()
    page.get_by_role("group", name="Has the referrer asked").get_by_label("No").check()
    page.get_by_role("button", name="Save").click()
    match = page.get_by_label(re.compile(f"{child.full_name}, born .*{child.local_id}"))
    if match.count():  # the duplicate check offers the known child
        match.check()
        page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Contact recorded")
    steps.check("front-door-contact")
    page.get_by_role("link", name="RAG rating").click()
    page.get_by_label("Red: immediate risk of significant harm").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Decision").click()
    page.get_by_label("Referral to children's social care").check()
    steps.check("front-door-decision")
    page.get_by_role("button", name="Save").click()
    sign_out(page)


def test_referral_to_the_end_of_a_child_protection_plan(page, screenshot, people):
    child, steps = people["child"], Steps(page, screenshot)
    journey = reverse("protection:journey", args=[child.local_id])
    record_contact_decided_as_referral(page, steps, child)

    sign_in(page, "sw")
    page.goto(journey)
    steps.check("journey-no-referral")
    page.get_by_role("link", name="Open a referral").click()
    fill_date(page, "referral_date", D(2026, 6, 1))
    page.get_by_label("Source of the referral").select_option("2A")
    steps.check("referral")
    steps.save(banner="Referral opened")
    assert CINEpisode.objects.get(child=child).contact is not None

    page.get_by_role("link", name="Start an assessment").click()
    fill_date(page, "start_date", D(2026, 6, 2))
    steps.check("assessment-start")
    steps.save(banner="Assessment started")
    steps.check("assessment-task-list")
    page.get_by_role("link", name="The child seen").click()
    page.get_by_label("The child was seen during the assessment").check()
    fill_date(page, "child_seen_date", D(2026, 6, 3))
    page.get_by_label("The child was seen alone").check()
    steps.check("assessment-child-seen")
    steps.save(banner="The child seen: saved")
    page.get_by_role("link", name="The child's views").click()
    page.get_by_label("The child's views, wishes and feelings").fill("I like school. Dad shouts.")
    steps.check("assessment-views")
    steps.save(banner="The child's views: saved")
    page.get_by_role("link", name="Factors identified").click()
    page.get_by_label("3A: ", exact=False).first.check()
    steps.check("assessment-factors")
    steps.save(banner="Factors identified: saved")
    page.get_by_role("link", name="Analysis").click()
    page.get_by_label("Analysis").fill("Risk of significant harm from domestic abuse.")
    steps.check("assessment-analysis")
    steps.save(banner="Analysis: saved")
    page.get_by_role("link", name="Check and send for authorisation").click()
    expect(page.get_by_test_id("check-answers")).to_contain_text("Seen on 3 June 2026, alone")
    steps.check("assessment-check-answers")
    steps.save("Send for authorisation", banner="sent to your manager")

    sign_out(page)
    sign_in(page, "tm")
    page.goto(reverse("assessments:sign-off-queue"))
    expect(page.get_by_test_id("sign-off-queue")).to_contain_text(child.full_name)
    steps.check("sign-off-queue")
    page.get_by_role("link", name=child.full_name).click()
    fill_date(page, "authorised_date", D(2026, 6, 10))
    page.get_by_label("Strategy discussion").check()
    steps.check("authorise")
    steps.save("Authorise", banner="authorised")
    assert Assessment.objects.get(child=child).authorised_date == D(2026, 6, 10)

    sign_out(page)
    sign_in(page, "sw")
    page.goto(journey)
    page.get_by_role("link", name="Record a strategy discussion").click()
    fill_date(page, "discussion_date", D(2026, 6, 10))
    page.get_by_label("Children's social care").fill("Alex Worker")
    page.get_by_label("Police", exact=True).fill("DC Patel")
    page.get_by_label("Health", exact=True).fill("Dr Hale")
    page.get_by_label("Section 47 enquiry", exact=True).check()
    steps.check("strategy-discussion")
    steps.save(banner="Strategy discussion recorded")

    page.get_by_role("link", name="Start a section 47 enquiry").click()
    fill_date(page, "start_date", D(2026, 6, 10))
    page.get_by_label("10 June 2026: Section 47 enquiry").check()
    steps.check("s47-start")
    steps.save(banner="Section 47 enquiry started")
    page.get_by_role("link", name="Complete the enquiry").click()
    fill_date(page, "end_date", D(2026, 6, 17))
    page.get_by_label("Initial child protection conference").check()
    page.get_by_label("What the enquiry found").fill("Injuries consistent with the account.")
    steps.check("s47-complete")
    steps.save(banner="Section 47 enquiry completed")

    page.get_by_role("link", name="Book the initial conference").click()
    expect(page.get_by_test_id("due-date")).to_contain_text("1 July 2026")
    fill_date(page, "date", D(2026, 6, 29))
    steps.check("icpc-book")
    steps.save(banner="Conference booked")
    steps.check("icpc-task-list")
    page.get_by_role("link", name="Invitations").click()
    fill_date(page, "sent_on", D(2026, 6, 25))
    page.locator('[name="name_0"]').fill("Dr Hale")
    page.locator('[name="agency_0"]').select_option("health")
    page.locator('[name="name_1"]').fill("Ms Okafor")
    page.locator('[name="agency_1"]').select_option("family")
    steps.check("icpc-invitations")
    steps.save(banner="Invitations sent: saved")
    expect(page.get_by_test_id("invitees")).to_contain_text("Late")
    assert ConferenceInvitee.objects.filter(invited_late=True).count() == 2
    page.get_by_role("link", name="Attendance and reports").click()
    page.get_by_label("Attended").first.check()
    fill_date(page, "reports_shared_on", D(2026, 6, 26))
    steps.check("icpc-attendance")
    steps.save(banner="Attendance and reports: saved")
    page.get_by_role("link", name="Decision and the child's views").click()
    page.get_by_label("The child's views, wishes and feelings").fill("I want to stay with mum.")
    page.get_by_label("Yes", exact=True).check()
    page.get_by_label("Category of abuse (if a plan is needed)").select_option("EMO")
    steps.check("icpc-decision")
    steps.save("Continue")
    steps.check("icpc-decision-check-answers")
    steps.save("Record the decision", banner="The conference's decision: saved")
    page.get_by_role("link", name="Chair's minutes distributed").click()
    fill_date(page, "minutes_distributed_on", D(2026, 7, 3))
    steps.check("icpc-minutes")
    steps.save(banner="minutes distributed: saved")
    plan = ChildProtectionPlan.objects.get(child=child)
    assert (plan.start_date, plan.initial_category) == (D(2026, 6, 29), "EMO")

    page.goto(reverse("protection:plan", args=[child.local_id, plan.pk]))
    steps.check("cp-plan")
    page.get_by_role("link", name="Add an outcome").click()
    page.get_by_label("Outcome for the child").fill("Sam feels safe at home.")
    steps.save(banner="Add an outcome: saved")
    page.get_by_role("link", name="Add an action").click()
    page.get_by_label("Action", exact=True).fill("Domestic abuse programme for dad")
    page.get_by_label("Who will do it").fill("Probation: Mr Reed")
    fill_date(page, "due_date", D(2026, 8, 31))
    steps.check("cp-plan-action")
    steps.save(banner="Action added")
    page.get_by_role("link", name="Record a core group meeting").click()
    fill_date(page, "meeting_date", D(2026, 7, 6))
    page.get_by_label("Who took part").fill("Alex Worker (social care), Dr Hale (health), mum")
    steps.check("core-group")
    steps.save(banner="Record a core group meeting: saved")
    page.get_by_role("link", name="Record a visit").click()
    fill_date(page, "visit_date", D(2026, 7, 8))
    page.get_by_label("The child was seen", exact=True).check()
    page.get_by_label("The child was seen alone").check()
    page.get_by_label("The child's views, wishes and feelings").fill("Dad has been calmer.")
    steps.check("cp-visit")
    steps.save(banner="Visit recorded")
    steps.check("cp-plan-recorded")

    page.get_by_role("link", name="Book a review conference").click()
    fill_date(page, "date", D(2026, 9, 21))
    steps.check("rcpc-book")
    steps.save(banner="Conference booked")
    page.get_by_role("link", name="Decision and the child's views").click()
    page.get_by_label("The child attended the conference").check()
    page.get_by_label("The child's views, wishes and feelings").fill("Things are better now.")
    page.get_by_label("No", exact=True).check()
    steps.check("rcpc-decision")
    steps.save("Continue")
    steps.check("rcpc-decision-check-answers")
    steps.save("Record the decision", banner="The conference's decision: saved")

    page.goto(reverse("protection:plan", args=[child.local_id, plan.pk]))
    page.get_by_role("link", name="End the plan").click()
    fill_date(page, "end_date", D(2026, 9, 21))
    page.get_by_label("No longer at risk of significant harm").check()
    steps.check("plan-end")
    steps.save(banner="Child protection plan ended")
    plan.refresh_from_db()
    assert plan.end_reason == "no_longer_at_risk"

    page.get_by_role("link", name="Close the case").click()
    fill_date(page, "close_date", D(2026, 9, 22))
    page.get_by_label("RC9: Case closed after assessment, referred to early help").check()
    steps.check("close-case")
    steps.save(banner="Case closed")
    assert CINEpisode.objects.get(child=child).close_reason == "RC9"
    steps.check("journey-closed")

    page.goto(reverse("people:child", args=[child.local_id]))
    page.get_by_role("link", name="Step down to early help").click()
    fill_date(page, "start_date", D(2026, 9, 23))
    page.get_by_label("Receiving early help practitioner").select_option(
        str(people["early_help"].pk)
    )
    page.get_by_label("Step-down plan").fill(
        "Family support worker weekly for routines; school nurse checks in monthly."
    )
    steps.check("step-down")
    steps.save("Continue")
    expect(page.get_by_test_id("check-answers")).to_contain_text("Priya Shah")
    steps.check("step-down-check-answers")
    steps.save("Confirm and save", banner="Stepped down to early help")
    expect(page.get_by_test_id("early-help")).to_contain_text("stepped down")
    steps.check("early-help")
    episode = EarlyHelpEpisode.objects.get(child=child)
    assert (episode.lead_practitioner, episode.stepped_down_from) == (
        people["early_help"],
        CINEpisode.objects.get(child=child),
    )


def test_s47_without_a_strategy_discussion_is_refused_then_started_with_a_reason(
    page, screenshot, people
):
    child, steps = people["child"], Steps(page, screenshot)
    episode = CINEpisodeFactory(
        child=child, team=people["worker"].worker.team, referral_date=D(2026, 6, 1)
    )
    sign_in(page, "sw")
    page.goto(reverse("protection:s47-new", args=[child.local_id, episode.pk]))
    fill_date(page, "start_date", D(2026, 6, 10))
    steps.save()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text(
        "A section 47 enquiry cannot start without a strategy discussion"
    )
    steps.check("refused")
    assert not Section47Enquiry.objects.exists()

    page.get_by_label("If there was no strategy discussion, why not?").fill(
        "Police could not be reached out of hours; the child is safe with her grandmother."
    )
    steps.save(banner="Section 47 enquiry started")
    steps.check("started-with-reason")
    enquiry = Section47Enquiry.objects.get()
    assert enquiry.strategy_discussion is None
    assert enquiry.no_strategy_reason.startswith("Police could not be reached")
