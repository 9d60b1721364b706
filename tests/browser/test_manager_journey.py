"""Journey: a team manager's day. They allocate a child waiting for a worker, sign off
an assessment sent to them from their home page, record a worker's supervision with a
decision that then shows on the child's record, and record the worker's leaving date,
which lists the children to reallocate. Every page is checked with axe-core."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kinfolio.accounts.models import Role
from kinfolio.assessments.models import Assessment
from kinfolio.workforce.models import Allocation
from tests.browser.axe import assert_accessible
from tests.factories import (
    AssessmentFactory,
    ChildFactory,
    CINEpisodeFactory,
    ServiceFactory,
    TeamFactory,
    WorkerFactory,
)

PASSWORD = "a-long-test-password"


@pytest.fixture
def team_day(make_user, settings):
    settings.KINFOLIO_DEMO_2FA_EXEMPT = True
    today = timezone.localdate()
    team = TeamFactory(name="Locality team north", service=ServiceFactory(name="Safeguarding"))
    manager = WorkerFactory(team=team, given_name="Priya", family_name="Shah")
    team.manager = manager
    team.save()
    make_user(Role.TEAM_MANAGER, worker=manager, username="tm")
    sam = WorkerFactory(team=team, given_name="Sam", family_name="Okoro")
    mia = ChildFactory(given_name="Mia", family_name="Hart")
    leo = ChildFactory(given_name="Leo", family_name="Ward")
    start = today - dt.timedelta(days=12)
    Allocation.objects.create(child=mia, role="social_worker", team=team, start_date=start)
    Allocation.objects.create(
        child=leo, role="social_worker", team=team, worker=sam, start_date=start
    )
    cin = CINEpisodeFactory(child=leo, referral_date=start, team=team)
    assessment = AssessmentFactory(
        child=leo,
        cin_episode=cin,
        start_date=start,
        worker=sam,
        child_seen=True,
        child_seen_date=start + dt.timedelta(days=2),
        childs_views="Leo said he misses his friends when he is not at school.",
        analysis="Leo is safe at home; his mother asks for help with his school attendance.",
        submitted_at=timezone.now(),
    )
    return {"today": today, "sam": sam, "mia": mia, "leo": leo, "assessment": assessment}


def fill_date(page, name: str, day: dt.date) -> None:
    page.locator(f'[name="{name}_0"]').fill(str(day.day))
    page.locator(f'[name="{name}_1"]').fill(str(day.month))
    page.locator(f'[name="{name}_2"]').fill(str(day.year))


def test_team_managers_day(page, screenshot, team_day):
    today = team_day["today"]
    page.goto("/")
    page.get_by_label("Username").fill("tm")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    # The home page: the team's day.
    expect(page.get_by_role("heading", name="Locality team north")).to_be_visible()
    expect(page.get_by_role("heading", name="Children waiting for a worker (1)")).to_be_visible()
    expect(page.get_by_test_id("awaiting-authorisation")).to_contain_text("Leo Ward")
    screenshot("1-team-home")
    assert_accessible(page)

    # Allocate the waiting child.
    page.get_by_role("link", name="Allocate Mia Hart").click()
    expect(page.get_by_role("heading", name="Allocate a social worker")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Worker", exact=True).select_option(label="Sam Okoro")
    fill_date(page, "start_date", today)
    page.get_by_label("First contact or re-referral").check()
    screenshot("2-allocate")
    page.get_by_role("button", name="Allocate").click()
    expect(page.get_by_text("Mia Hart allocated to Sam Okoro")).to_be_visible()
    assert Allocation.objects.get(child=team_day["mia"], end_date=None).worker == team_day["sam"]
    screenshot("3-allocated")

    # Sign off Leo's assessment, linked from the home page.
    page.get_by_role("link", name="My team").click()
    page.get_by_role("link", name="authorise the assessment of Leo Ward").click()
    expect(page.get_by_role("heading", name="Authorise the assessment")).to_be_visible()
    expect(page.get_by_text("Leo is safe at home")).to_be_visible()
    assert_accessible(page)
    fill_date(page, "authorised_date", today)
    page.get_by_label("Child in need plan").check()
    screenshot("3a-authorise-assessment")
    page.get_by_role("button", name="Authorise").click()
    expect(page.get_by_text("Assessment of Leo Ward authorised")).to_be_visible()
    expect(page.get_by_test_id("sign-off-queue")).to_contain_text("No assessments are waiting")
    signed_off = Assessment.objects.get(pk=team_day["assessment"].pk)
    assert (signed_off.authorised_date, signed_off.outcome_cin_plan) == (today, True)
    screenshot("3b-assessment-authorised")
    assert_accessible(page)

    # Supervision with a decision for Leo, which then shows on Leo's record.
    page.goto(f"/workers/{team_day['sam'].pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Record supervision").click()
    expect(page.get_by_role("heading", name="Record supervision")).to_be_visible()
    assert_accessible(page)
    fill_date(page, "held_on", today)
    page.locator(f'[name="decision_{team_day["leo"].pk}"]').fill(
        "Convene a child in need meeting within 10 working days"
    )
    page.locator(f'[name="actions_{team_day["leo"].pk}"]').fill("Sam to invite school and GP")
    screenshot("4-supervision")
    page.get_by_role("button", name="Save supervision").click()
    expect(page.get_by_text("Supervision of Sam Okoro saved")).to_be_visible()
    page.goto(f"/children/{team_day['leo'].local_id}/")
    expect(page.get_by_test_id("management-oversight")).to_contain_text(
        "Convene a child in need meeting within 10 working days"
    )
    screenshot("5-decision-on-record")
    assert_accessible(page)

    # Sam is leaving: his children are listed for reallocation.
    page.goto(f"/workers/{team_day['sam'].pk}/")
    page.get_by_role("link", name="Record leaving date for Sam Okoro").click()
    assert_accessible(page)
    leaving = today + dt.timedelta(days=21)
    fill_date(page, "end_date", leaving)
    page.get_by_role("button", name="Record the leaving date").click()
    expect(page.get_by_test_id("reallocation-list")).to_contain_text("Leo Ward")
    expect(page.get_by_test_id("reallocation-list")).to_contain_text("Mia Hart")
    screenshot("6-reallocation-list")
    assert_accessible(page)
    page.goto("/my-team/")
    expect(page.get_by_test_id("reallocate")).to_contain_text("Leo Ward")
    assert_accessible(page)
