"""Journey (a): a partner sends a contact online, the front door records it, decides no
further action, and tells the referrer, who sees the outcome. Every page is checked
with axe-core and screenshotted."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from kinfolio.accounts.models import Role
from tests.browser.axe import assert_accessible
from tests.factories import WorkerFactory

PASSWORD = "a-long-test-password"


@pytest.fixture
def people(make_user, two_services, settings):
    settings.KINFOLIO_DEMO_2FA_EXEMPT = True
    partner = make_user(
        Role.PARTNER_REFERRER,
        username="teacher",
        first_name="Pat",
        last_name="Lee",
        email="pat.lee@school.example",
    )
    mash = make_user(
        Role.MASH_WORKER, username="mash", worker=WorkerFactory(team=two_services["team"])
    )
    return {"partner": partner, "mash": mash}


def sign_in(page, username):
    page.goto("/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def test_partner_contact_decided_nfa_and_referrer_told(page, screenshot, people, two_services):
    # 1. The partner sends the contact online.
    sign_in(page, "teacher")
    page.get_by_role("link", name="Tell us about a child").click()
    expect(
        page.get_by_role("heading", name="Tell us about a child you are worried about")
    ).to_be_visible()
    page.get_by_label("What kind of agency do you work for?").select_option("2A")
    page.get_by_label("Your job title").fill("Designated safeguarding lead")
    page.get_by_label("A phone number we can reach you on").fill("01234 567890")
    page.get_by_label("Child's first name").fill("Amara")
    page.get_by_label("Child's last name").fill("Okafor")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2016")
    page.get_by_label("What is the concern?").fill("Amara says she is hungry most mornings.")
    page.get_by_role("group", name="Does the family know").get_by_label("Yes").check()
    page.get_by_role("group", name="Has the referrer asked").get_by_label("No").check()
    screenshot("1-partner-form")
    assert_accessible(page)
    page.get_by_role("button", name="Send the referral").click()
    expect(page.get_by_text("Your referral has been sent to the front door")).to_be_visible()
    expect(page.get_by_test_id("my-referrals")).to_contain_text("Received")
    screenshot("2-partner-sent")
    assert_accessible(page)
    sign_out(page)

    # 2. The front door records it against the child already known (duplicate found).
    sign_in(page, "mash")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Front door").click()
    expect(page.get_by_test_id("online-referrals")).to_contain_text("Amara Okafor")
    screenshot("3-front-door-queue")
    assert_accessible(page)
    page.get_by_role("link", name="Record as a contact").click()
    child = two_services["ours"]
    page.get_by_label(f"Amara Okafor, born 31 March 2016, {child.local_id}").check()
    screenshot("4-record-contact")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Contact recorded")).to_be_visible()
    expect(page.get_by_test_id("task-list")).to_be_visible()
    screenshot("5-contact")
    assert_accessible(page)

    # 3. RAG rating, then the decision: no further action.
    page.get_by_role("link", name="RAG rating").click()
    page.get_by_label("Green: no immediate risk").check()
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Decision").click()
    page.get_by_label("No further action").check()
    screenshot("6-decision")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Decision saved")).to_be_visible()

    # 4. The referrer is told, by e-mail, with the message composed from the decision.
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Front door").click()
    page.get_by_role("link", name="Referrers not yet told the outcome").click()
    expect(page.get_by_test_id("referrers-to-tell")).to_contain_text("Pat Lee")
    screenshot("7-referrers-to-tell")
    assert_accessible(page)
    page.get_by_role("link", name="Tell the referrer").click()
    expect(page.get_by_label("What the referrer is told")).to_contain_text("no further action")
    screenshot("8-tell-referrer")
    assert_accessible(page)
    page.get_by_role("button", name="Send and record").click()
    expect(page.get_by_text("The referrer has been told the outcome")).to_be_visible()
    assert mail.outbox[-1].to == ["pat.lee@school.example"]
    sign_out(page)

    # 5. The partner sees the outcome they were told, and nothing of the record.
    sign_in(page, "teacher")
    referrals = page.get_by_test_id("my-referrals")
    expect(referrals).to_contain_text("Outcome sent to you on")
    expect(referrals).to_contain_text("no further action")
    screenshot("9-partner-sees-outcome")
    assert_accessible(page)
