"""Journey: a foster household from enquiry to approval with a vacancy, which then
appears in a child's placement search with its distance from home and flags."""

import re

import pytest
from playwright.sync_api import expect

from kinfolio.accounts.models import Role
from kinfolio.fostering.models import FosterHousehold
from kinfolio.people.models import Address
from tests.browser.journey import fill_date, sign_in, step
from tests.factories import D, WorkerFactory, located


@pytest.fixture
def people(make_user, two_services, settings):
    settings.KINFOLIO_DEMO_2FA_EXEMPT = True
    for postcode, latitude in [("MK9 1AA", 52.0), ("NN1 1AA", 52.35)]:
        located(postcode, latitude)
    Address.objects.create(
        person=two_services["ours"],
        line_1="1 Elm Row",
        town="Testtown",
        postcode="MK9 1AA",
        start_date=D(2016, 4, 1),
    )
    make_user(
        Role.FOSTERING_ADOPTION_WORKER,
        worker=WorkerFactory(team=two_services["team"]),
        username="fostering",
    )
    make_user(Role.SOCIAL_WORKER, worker=two_services["worker"], username="sw")
    return two_services


def test_a_household_approved_with_a_vacancy_appears_in_placement_search(page, screenshot, people):
    page.goto("/fostering/households/")
    sign_in(page, "fostering")
    step(page, screenshot, "1-households", "Foster households")

    page.get_by_role("link", name="Record an enquiry to foster").click()
    step(page, screenshot, "2-enquiry", "Record an enquiry to foster")
    page.get_by_label("Names of the people who want to foster").fill("Priya and Tom Shah")
    page.get_by_label("Postcode of their home").fill("nn1 1aa")
    fill_date(page, "enquiry_date", 6, 1, 2025)
    page.get_by_role("button", name="Save").click()
    step(page, screenshot, "3-enquiry-recorded", "Priya and Tom Shah")

    page.get_by_role("link", name="Start the assessment").click()
    step(page, screenshot, "4-assessment", "Start the assessment")
    fill_date(page, "day", 3, 2, 2025)
    page.get_by_role("button", name="Save").click()

    page.get_by_role("link", name="Record the panel and approval").click()
    step(page, screenshot, "5-approval", "Record the panel and approval")
    fill_date(page, "panel_date", 1, 7, 2025)
    fill_date(page, "approval_date", 8, 7, 2025)
    page.get_by_label("Number of children approved for").fill("2")
    page.get_by_label("Approved from age").fill("5")
    page.get_by_label("Approved up to age").fill("12")
    page.get_by_label("Brothers and sisters together").check()
    page.get_by_role("button", name="Save").click()
    step(page, screenshot, "6-approved", "Priya and Tom Shah")
    expect(page.get_by_test_id("vacancies")).to_have_text("2")

    page.get_by_role("button", name=re.compile("^Sign out")).click()
    page.goto(f"/fostering/placement-search/{people['ours'].local_id}/")
    sign_in(page, "sw")
    step(page, screenshot, "7-placement-search", "Placement search")
    page.get_by_label("Brothers and sisters together").check()
    page.get_by_role("button", name="Search").click()
    found = page.get_by_test_id("placements")
    expect(found).to_contain_text("Priya and Tom Shah")
    expect(found).to_contain_text("24.2 miles")
    expect(found).to_contain_text("Over 20 miles")
    expect(found).to_contain_text("Outside the authority")
    step(page, screenshot, "8-found", "Placement search")

    page.get_by_role("link", name="Place here").first.click()
    step(page, screenshot, "9-start-care", "The child becomes looked after")
    household = FosterHousehold.objects.get(carers="Priya and Tom Shah")
    expect(page.get_by_label("Foster household")).to_have_value(str(household.pk))


def test_a_childrens_home_added_to_the_register_is_offered_for_the_needs_it_meets(
    page, screenshot, people
):
    page.goto("/fostering/providers/")
    sign_in(page, "fostering")
    step(page, screenshot, "p1-providers", "Placement providers")

    page.get_by_role("link", name="Add a placement provider").click()
    step(page, screenshot, "p2-new-provider", "Add a placement provider")
    page.get_by_label("Name").fill("Rowan Lodge")
    page.get_by_label("Kind of provider").select_option(label="External children's home")
    page.get_by_label("Ofsted unique reference number (URN)").fill("SC123456")
    page.get_by_label("Postcode").fill("nn1 1aa")
    page.get_by_label("Number of children it is registered for").fill("2")
    page.get_by_label("Emergency placement (the same day)").check()
    page.get_by_role("button", name="Save").click()
    step(page, screenshot, "p3-provider", "Rowan Lodge")
    expect(page.get_by_test_id("needs")).to_have_text("Emergency placement (the same day)")
    expect(page.get_by_test_id("vacancies")).to_have_text("2")

    page.get_by_role("button", name=re.compile("^Sign out")).click()
    page.goto(f"/fostering/placement-search/{people['ours'].local_id}/")
    sign_in(page, "sw")
    page.get_by_label("Emergency placement (the same day)").check()
    page.get_by_role("button", name="Search").click()
    found = page.get_by_test_id("placements")
    expect(found).to_contain_text("Rowan Lodge")
    expect(found).to_contain_text("Emergency placement (the same day)")
    step(page, screenshot, "p4-found", "Placement search")
