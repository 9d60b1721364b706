"""Journeys over the care record's virtual school contacts and health assessment due
dates, and over foster households: an enquiry closed when the applicants withdraw, and
an exemption from the usual fostering limit. Each page screenshotted and axe-checked."""

import re

import pytest
from playwright.sync_api import expect

from kinfolio.accounts.models import Role
from tests.browser.axe import assert_accessible
from tests.browser.journey import fill_date, sign_in, step
from tests.children_in_care.helpers import in_care
from tests.factories import D
from tests.factories_accounts import staff
from tests.factories_care import CareEpisodeFactory, FosterHouseholdFactory


@pytest.fixture
def people(make_user, two_services, settings):
    settings.KINFOLIO_DEMO_2FA_EXEMPT = True
    make_user(Role.SOCIAL_WORKER, worker=two_services["worker"], username="sw")
    make_user(Role.SERVICE_MANAGER, username="manager")
    return two_services


def test_a_virtual_school_contact_and_the_health_assessments_due(page, screenshot, people):
    child = people["ours"]
    in_care(child, staff())  # looked after from Monday 3 March 2025
    page.goto(f"/children/{child.local_id}/care/")
    sign_in(page, "sw")
    step(page, screenshot, "1-care-record", "Care")
    expect(page.get_by_test_id("health-due")).to_contain_text(
        "Initial health assessment due: 31 March 2025"
    )

    page.get_by_role("link", name="Record a health assessment").click()
    step(page, screenshot, "2-health-assessment", "Record a health assessment")
    page.get_by_label("Initial health assessment").check()
    fill_date(page, "assessment_date", 10, 3, 2025)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("health")).to_contain_text("done 10 Mar 2025 (due 31 Mar 2025)")
    expect(page.get_by_test_id("health-due")).to_contain_text(
        "Review health assessment (5 and over) due: 10 March 2026"
    )
    screenshot("3-health-due")

    page.get_by_role("link", name="Record a contact with the virtual school").click()
    step(page, screenshot, "4-virtual-school", "Record a contact with the virtual school")
    fill_date(page, "contact_date", 12, 3, 2025)
    page.get_by_label("An adviser or officer at the virtual school").check()
    page.get_by_label("Their name").fill("Priya Shah")
    page.get_by_label("What was the contact about?").fill("A school place near the new carers")
    page.get_by_label("What came of it?").fill("In-year admission requested")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Virtual school contact recorded")).to_be_visible()
    expect(page.get_by_test_id("virtual-school-contacts")).to_contain_text("Priya Shah")
    screenshot("5-contact-recorded")
    assert_accessible(page)


def test_an_enquiry_closed_and_an_exemption_from_the_usual_limit(page, screenshot, people):
    enquiry = FosterHouseholdFactory(
        carers="Cy and Di Applicant",
        status="in_assessment",
        approval_date=None,
        approved_places=0,
        enquiry_date=D(2026, 9, 1),
    )
    household = FosterHouseholdFactory(
        carers="Jo and Chris Carer", approved_places=5, approval_date=D(2020, 1, 1)
    )
    for _ in range(3):
        CareEpisodeFactory(
            period__start_date=D(2025, 1, 1), foster_household=household, placement_type="U4"
        )
    page.goto(f"/fostering/households/{enquiry.pk}/")
    sign_in(page, "manager")
    step(page, screenshot, "1-enquiry", "Cy and Di Applicant")

    page.get_by_role("link", name=re.compile("^Close the enquiry")).click()
    step(page, screenshot, "2-close", "Close the enquiry")
    fill_date(page, "day", 20, 9, 2026)
    page.get_by_label("Withdrawn by the applicants").check()
    page.get_by_label("What happened").fill("They have decided to wait a year")
    page.get_by_role("button", name="Save").click()
    step(page, screenshot, "3-closed", "Cy and Di Applicant")
    expect(page.get_by_test_id("closure")).to_contain_text("Withdrawn by the applicants")

    page.get_by_role("link", name="Closed enquiries to foster").click()
    step(page, screenshot, "4-closed-list", "Closed enquiries to foster")
    expect(page.get_by_test_id("households")).to_contain_text("Cy and Di Applicant")
    page.locator(".govuk-back-link").click()
    step(page, screenshot, "5-households", "Foster households")
    expect(page.get_by_test_id("households")).not_to_contain_text("Cy and Di Applicant")

    page.goto(f"/fostering/households/{household.pk}/")
    page.get_by_role("link", name="Record an exemption from the usual fostering limit").click()
    step(page, screenshot, "6-exemption", "Record an exemption from the usual fostering limit")
    page.get_by_label("Who granted the exemption?").fill("Sam Patel, Head of Children in Care")
    fill_date(page, "granted_on", 20, 11, 2026)
    fill_date(page, "until", 31, 5, 2027)
    for box in page.get_by_role("checkbox").all():
        box.check()
    page.get_by_label("Other children it names (their Kinfolio IDs)").fill(people["ours"].local_id)
    page.get_by_role("button", name="Save").click()
    step(page, screenshot, "7-exempted", "Jo and Chris Carer")
    expect(page.get_by_test_id("exemptions")).to_contain_text("for 4 named children")
