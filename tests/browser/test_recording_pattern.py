"""Journeys: a draft survives a session timeout (with and without JavaScript), and a
stale edit is refused showing what changed while keeping the typed text."""

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from playwright.sync_api import expect

from kinfolio.accounts.models import Role, User
from kinfolio.casework.services import case_notes
from tests.browser.axe import assert_accessible
from tests.browser.conftest import SCREENSHOTS
from tests.factories import CaseNoteFactory, WorkerFactory

PASSWORD = "a-long-test-password"


@pytest.fixture
def social_worker(make_user, two_services, settings):
    settings.KINFOLIO_DEMO_2FA_EXEMPT = True
    settings.KINFOLIO_DRAFT_SAVE_SECONDS = 1
    return make_user(Role.SOCIAL_WORKER, worker=two_services["worker"], username="sw")


def sign_in(page, username="sw"):
    expect(page.get_by_role("heading", name="Sign in to Kinfolio")).to_be_visible()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_typed_text_survives_a_session_timeout(page, screenshot, social_worker, two_services):
    url = reverse("casework:case-note-new", args=[two_services["ours"].local_id])
    page.goto(url)
    sign_in(page)
    expect(page.get_by_role("heading", name="Add a case note")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Telephone call").check()
    with page.expect_response("**/drafts/save/") as saved:  # the script saves the draft
        page.get_by_label("The note").fill("Amara rang: she wants to stay at nan's.")
    assert saved.value.status == 204
    screenshot("1-typing")

    Session.objects.all().delete()  # the session times out
    page.reload()
    sign_in(page)

    expect(page.get_by_role("heading", name="Add a case note")).to_be_visible()
    expect(page.get_by_test_id("draft-restored")).to_be_visible()
    expect(page.get_by_label("The note")).to_have_value("Amara rang: she wants to stay at nan's.")
    expect(page.get_by_label("Telephone call")).to_be_checked()
    screenshot("2-restored-after-sign-in")
    assert_accessible(page)


def test_without_javascript_a_save_after_the_timeout_keeps_the_text(
    chromium, live_server, django_db_serialized_rollback, social_worker, two_services, request
):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    url = reverse("casework:case-note-new", args=[two_services["ours"].local_id])
    page.goto(url)
    sign_in(page)
    page.get_by_label("The note").fill("Typed without script for too long.")
    Session.objects.all().delete()  # the session times out before they press Save

    page.get_by_role("button", name="Save").click()
    sign_in(page)

    expect(page.get_by_role("heading", name="Add a case note")).to_be_visible()
    expect(page.get_by_label("The note")).to_have_value("Typed without script for too long.")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{request.node.name}-1-restored.png"), full_page=True)
    context.close()


def test_a_stale_edit_is_refused_showing_the_changes_and_keeping_the_text(
    page, screenshot, social_worker, two_services, make_user
):
    child = two_services["ours"]
    note = CaseNoteFactory(child=child, author=two_services["worker"], body="Visited at home.")
    make_user(
        Role.TEAM_MANAGER, username="manager", worker=WorkerFactory(team=two_services["team"])
    )
    url = reverse("casework:case-note-change", args=[child.local_id, note.pk])
    page.goto(url)
    sign_in(page)
    page.get_by_label("The note").fill("Visited at home; Amara was at school.")
    # Meanwhile her manager changes the same note.
    case_notes.edit_case_note(
        note=note,
        note_type="management_oversight",
        body="Visit seen; agree the plan.",
        opened_version=1,
        by=User.objects.get(username="manager"),
    )

    page.get_by_role("button", name="Save").click()

    stale = page.get_by_test_id("stale-record")
    expect(stale).to_contain_text("Someone else has changed this record")
    expect(stale).to_contain_text("Visit seen; agree the plan.")
    expect(stale).to_contain_text("manager")
    expect(page.get_by_label("The note")).to_have_value("Visited at home; Amara was at school.")
    screenshot("1-stale-refused")
    assert_accessible(page)

    page.get_by_role("button", name="Save").click()  # having seen their change
    expect(page.get_by_text("Case note changed")).to_be_visible()
    note.refresh_from_db()
    assert note.body == "Visited at home; Amara was at school."
    screenshot("2-saved")
