"""Journeys: a looked after child's adoption (the agency decision maker's decision, the
placement order, the match, the placement and the adoption order), and a private
fostering arrangement from its notification through a visit to its end. Each page is
screenshotted and checked with axe-core."""

import re

import pytest
from playwright.sync_api import expect

from kinfolio.accounts.models import Role
from tests.browser.journey import fill_date, sign_in, step
from tests.children_in_care.helpers import in_care
from tests.factories_accounts import staff
from tests.factories_care import AdopterHouseholdFactory


@pytest.fixture
def people(make_user, two_services, settings):
    settings.KINFOLIO_DEMO_2FA_EXEMPT = True
    make_user(Role.SOCIAL_WORKER, worker=two_services["worker"], username="sw")
    return two_services


def save_dated(page, name="day", when=(1, 1, 2025)):
    fill_date(page, name, *when)
    page.get_by_role("button", name="Save").click()


def test_a_looked_after_childs_adoption_from_decision_to_order(page, screenshot, people):
    child = people["ours"]
    in_care(child, staff())  # looked after from 3 March 2025
    adopters = AdopterHouseholdFactory(adopters="Ruth and Dan Okoro")
    page.goto(f"/adoption/children/{child.local_id}/")
    sign_in(page, "sw")
    step(page, screenshot, "1-adoption", "Adoption")
    expect(
        page.get_by_text("No decision that the child should be placed for adoption")
    ).to_be_visible()

    page.get_by_role("link", name="Record a decision to place for adoption").click()
    step(page, screenshot, "2-adm-decision", "The child should be placed for adoption")
    save_dated(page, when=(1, 4, 2025))
    step(page, screenshot, "3-decision-recorded", "Adoption")
    expect(page.get_by_text("Decision recorded")).to_be_visible()

    page.get_by_role("link", name="Record the placement order").click()
    step(page, screenshot, "4-placement-order", "Placement order made")
    save_dated(page, when=(2, 6, 2025))

    page.get_by_role("link", name="Record the match").click()
    step(page, screenshot, "5-match", "Matched with adopters")
    page.get_by_label("Adopters", exact=True).select_option(str(adopters.pk))
    page.get_by_label("No").check()
    save_dated(page, when=(4, 8, 2025))
    step(page, screenshot, "6-matched", "Adoption")
    expect(page.get_by_text(f"4 August 2025 with {adopters.reference}")).to_be_visible()

    page.get_by_role("link", name="Record the placement for adoption").click()
    step(page, screenshot, "7-placed", "Placed for adoption")
    save_dated(page, when=(18, 8, 2025))

    page.get_by_role("link", name="Record the adoption order").click()
    step(page, screenshot, "8-order", "Adoption order made")
    save_dated(page, when=(2, 3, 2026))
    step(page, screenshot, "9-adopted", "Adoption")
    for shown in ("1 April 2025", "2 June 2025", "18 August 2025", "2 March 2026"):
        expect(page.locator("main")).to_contain_text(shown)
    expect(page.get_by_role("link", name="Record the adoption order")).to_have_count(0)


def test_a_private_fostering_notification_a_visit_and_the_end(page, screenshot, people):
    child = people["ours"]
    page.goto(f"/fostering/private/{child.local_id}/")
    sign_in(page, "sw")
    step(page, screenshot, "1-private-fostering", "Private fostering")
    expect(page.get_by_text("No private fostering arrangement is recorded")).to_be_visible()

    page.get_by_role("link", name="Record a notification").click()
    step(page, screenshot, "2-notification", "Record a private fostering notification")
    page.get_by_label("Name of the private foster carer").fill("Grace Mensah")
    fill_date(page, "notified_on", 3, 11, 2026)
    fill_date(page, "start_date", 1, 11, 2026)
    page.get_by_role("button", name="Save").click()
    step(page, screenshot, "3-notified", "Private fostering")
    expect(
        page.get_by_text("Notification recorded: the first visit is due within 7 working days")
    ).to_be_visible()
    expect(page.get_by_test_id("arrangements")).to_contain_text("Grace Mensah")

    page.get_by_role("link", name=re.compile("^Record a visit")).click()
    step(page, screenshot, "4-visit", "Record a private fostering visit")
    fill_date(page, "visit_date", 10, 11, 2026)
    page.get_by_label("The child was seen", exact=True).check()
    page.get_by_label("The child was seen alone").check()
    page.get_by_label("The child's views, wishes and feelings").fill(
        "Likes living with Grace; misses her little brother"
    )
    page.get_by_role("button", name="Save").click()
    step(page, screenshot, "5-visited", "Private fostering")
    expect(page.locator("main")).to_contain_text("10 November 2026: seen alone")

    page.get_by_role("link", name=re.compile("^Record the end")).click()
    step(page, screenshot, "6-end", "The private fostering arrangement ended")
    save_dated(page, when=(30, 11, 2026))
    step(page, screenshot, "7-ended", "Private fostering")
    expect(page.get_by_test_id("arrangements")).to_contain_text("30 Nov 2026")
    expect(page.get_by_role("link", name=re.compile("^Record a visit"))).to_have_count(0)
