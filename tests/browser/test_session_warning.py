"""Journey: the warning before a session ends for inactivity, and staying signed in."""

import pytest
from playwright.sync_api import expect

from kinfolio.accounts.models import Role


@pytest.fixture
def signed_in(page, make_user, two_services, settings):
    settings.KINFOLIO_DEMO_2FA_EXEMPT = True

    def sign_in():
        make_user(Role.SOCIAL_WORKER, worker=two_services["worker"], username="sw")
        page.goto("/")
        page.get_by_label("Username").fill("sw")
        page.get_by_label("Password").fill("a-long-test-password")
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", name="My caseload")).to_be_visible()

    return sign_in


def test_warning_two_minutes_before_the_session_ends_and_stay_signed_in(
    page, screenshot, signed_in, settings
):
    settings.SESSION_COOKIE_AGE = 124  # the warning is due 4 seconds after the page loads
    signed_in()
    warning = page.get_by_test_id("session-warning")
    expect(warning).to_be_hidden()
    expect(warning).to_be_visible(timeout=10_000)
    expect(warning).to_contain_text("you will be signed out in 2 minutes")
    expect(page.get_by_role("button", name="Stay signed in")).to_be_focused()
    screenshot("1-warning")

    with page.expect_response("**/account/session/keep-alive/") as keep_alive:
        page.get_by_role("button", name="Stay signed in").click()
    assert keep_alive.value.status == 204
    expect(warning).to_be_hidden()
    expect(page.get_by_role("heading", name="My caseload")).to_be_visible()
    screenshot("2-stayed-signed-in")


def test_ignoring_the_warning_signs_you_out(page, screenshot, signed_in, settings):
    settings.SESSION_COOKIE_AGE = 6
    settings.KINFOLIO_SESSION_WARNING_SECONDS = 4
    signed_in()
    expect(page.get_by_test_id("session-warning")).to_be_visible(timeout=10_000)
    expect(page.get_by_role("heading", name="Sign in to Kinfolio")).to_be_visible(timeout=15_000)
    screenshot("1-signed-out")
