"""Journey: the data protection officer checks unusual access, exports everything held
about a child for a subject access request, and reviews records past their retention."""

import zipfile
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from kinfolio.accounts.models import Role
from kinfolio.audit.services import access_log, record_access
from tests.factories import CaseNoteFactory, ChildFactory, D, DecidedContactFactory, at


def test_dpo_reviews_access_exports_a_record_and_reviews_retention(
    page, screenshot, make_user, two_services, settings, monkeypatch
):
    settings.KINFOLIO_DEMO_2FA_EXEMPT = True
    child = two_services["ours"]
    CaseNoteFactory(child=child, author=two_services["worker"], body="Home visit: all well.")
    worker = make_user(Role.SOCIAL_WORKER, worker=two_services["other_worker"], username="jo")
    late = timezone.localtime().replace(hour=22, minute=30) - timedelta(days=1)
    monkeypatch.setattr(access_log.timezone, "now", lambda: late)
    record_access(by=worker, action="view_record", child=child)
    monkeypatch.undo()
    old = ChildFactory(given_name="Ada", family_name="Early", date_of_birth=D(2001, 4, 1))
    DecidedContactFactory(child=old, received_at=at(2016, 1, 9), decided_at=at(2016, 1, 10))
    make_user(Role.DATA_PROTECTION_OFFICER, username="dpo", first_name="Dee", last_name="Po")

    page.goto("/")
    page.get_by_label("Username").fill("dpo")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()

    page.get_by_role("link", name="Unusual access").click()
    expect(page.get_by_role("heading", name="Unusual access to records")).to_be_visible()
    expect(page.get_by_test_id("out-of-hours-by-user")).to_contain_text("jo")
    expect(page.get_by_test_id("outside-team-by-user")).to_contain_text("jo")
    page.get_by_text("The views").first.click()
    expect(page.get_by_test_id("out-of-hours")).to_contain_text("After 19:00")
    screenshot("1-unusual-access")

    page.get_by_role("link", name="Subject access").click()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the person's Kinfolio ID")
    screenshot("2-find-person-error")
    page.get_by_label("Kinfolio ID of the person who asked").fill(child.local_id)
    page.get_by_role("button", name="Continue").click()
    expect(
        page.get_by_role("heading", name="Subject access export for Amara Okafor")
    ).to_be_visible()
    expect(page.get_by_test_id("sar-contents")).to_contain_text("casework/casenote.json")
    screenshot("3-subject-access")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the export").click()
    with zipfile.ZipFile(download.value.path()) as archive:
        assert "summary.html" in archive.namelist()
        assert b"Home visit: all well." in archive.read("casework/casenote.json")

    page.get_by_role("link", name="Retention review").click()
    expect(page.get_by_test_id("due-for-review")).to_contain_text("Ada Early")
    screenshot("4-retention-review")
