"""Journey: a social worker signs in, finds a child, opens the record, reads the chronology."""

from playwright.sync_api import expect

from kinfolio.accounts.models import Role
from kinfolio.chronology.models import KeyEvent
from tests.browser.axe import assert_accessible
from tests.factories import CINEpisodeFactory, D


def test_social_worker_finds_a_child_and_reads_the_chronology(
    page, screenshot, make_user, two_services
):
    child = two_services["ours"]
    CINEpisodeFactory(child=child, referral_date=D(2025, 1, 6), team=two_services["team"])
    KeyEvent.objects.create(
        child=child,
        event_date=D(2025, 3, 1),
        title="Started at a new school",
        recorded_by=two_services["worker"],
    )
    make_user(Role.SOCIAL_WORKER, worker=two_services["worker"], username="sw")

    page.goto("/")
    expect(page.get_by_role("heading", name="Sign in to Kinfolio")).to_be_visible()
    screenshot("1-sign-in")
    page.get_by_label("Username").fill("sw")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", name="My caseload")).to_be_visible()
    expect(page.get_by_test_id("caseload")).to_contain_text("Amara Okafor")
    screenshot("2-caseload")
    assert_accessible(page)

    page.get_by_role("link", name="Find a child").click()
    page.get_by_label("Name, Kinfolio ID, NHS number or date of birth").fill("Okafor")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="1 result for “Okafor”")).to_be_visible()
    screenshot("3-search")
    assert_accessible(page)

    page.get_by_role("link", name="Amara Okafor").click()
    expect(page.get_by_role("heading", name="Amara Okafor", level=1)).to_be_visible()
    expect(page.get_by_test_id("next-actions")).to_contain_text("Add a case note")
    screenshot("4-child-record-summary")
    assert_accessible(page)
    page.get_by_role("link", name="Chronology", exact=True).click()
    chronology = page.get_by_test_id("chronology")
    expect(chronology).to_contain_text("Started at a new school")
    expect(chronology).to_contain_text("Referral")
    screenshot("5-child-record-chronology")
    assert_accessible(page)
