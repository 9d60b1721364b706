"""Journeys: signing in with a wrong password, being locked out, and signing in with a
password and a code from an authenticator app (two-factor authentication on, as in
production)."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from kinfolio.accounts.models import Role

PASSWORD = "a-long-test-password"


@pytest.fixture
def production_like(settings):
    settings.KINFOLIO_DEMO_2FA_EXEMPT = False
    settings.AXES_FAILURE_LIMIT = 5


def sign_in(page, username: str, password: str) -> None:
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_wrong_password_shows_the_error(page, screenshot, make_user, production_like):
    make_user(Role.SOCIAL_WORKER, username="sam")
    page.goto("/account/sign-in/")
    sign_in(page, "sam", "not-my-password")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("Enter a correct username and password")
    expect(page).to_have_title("Error: Sign in – Kinfolio – Kinfolio demo authority")
    screenshot("1-wrong-password")


def test_five_wrong_passwords_lock_the_account(page, screenshot, make_user, production_like):
    make_user(Role.SOCIAL_WORKER, username="sam")
    page.goto("/account/sign-in/")
    for _ in range(4):
        sign_in(page, "sam", "not-my-password")
        expect(page.locator(".govuk-error-summary")).to_be_visible()
    sign_in(page, "sam", "not-my-password")
    expect(page.get_by_role("heading", name="You cannot sign in at the moment")).to_be_visible()
    screenshot("1-locked-out")
    page.goto("/account/sign-in/")
    sign_in(page, "sam", PASSWORD)  # the right password does not help while locked
    expect(page.get_by_role("heading", name="You cannot sign in at the moment")).to_be_visible()


def test_sign_in_with_a_code_from_an_authenticator_app(
    page, screenshot, make_user, two_services, production_like
):
    user = make_user(Role.SOCIAL_WORKER, worker=two_services["worker"], username="sw")
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)

    page.goto("/")
    expect(page.get_by_role("heading", name="Sign in to Kinfolio")).to_be_visible()
    screenshot("1-sign-in")
    sign_in(page, "sw", PASSWORD)

    expect(
        page.get_by_role("heading", name="Enter the code from your authenticator app")
    ).to_be_visible()
    page.get_by_label("Code from your authenticator app").fill("12345")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the 6-digit code from your authenticator app"
    )
    screenshot("2-code-too-short")

    token = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    page.get_by_label("Code from your authenticator app").fill(f"{token:0{device.digits}d}")
    screenshot("3-code-entered")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="My caseload")).to_be_visible()
    expect(page.get_by_test_id("caseload")).to_contain_text("Amara Okafor")
    screenshot("4-signed-in")
