"""What every browser journey does: sign in, fill in a GOV.UK date, and check a step
(its heading shown, screenshotted, axe-core clean)."""

from playwright.sync_api import expect

from tests.browser.axe import assert_accessible

# The password of every user ``make_user`` (tests/conftest.py) makes.
PASSWORD = "a-long-test-password"


def sign_in(page, username: str, *, start: str = "") -> None:
    """Sign in on the page shown, or first go to ``start``."""
    if start:
        page.goto(start)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def fill_date(page, name: str, day: int, month: int, year: int) -> None:
    for part, value in enumerate((day, month, year)):
        page.locator(f"[name={name}_{part}]").fill(str(value))


def step(page, screenshot, name: str, heading: str) -> None:
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    screenshot(name)
    assert_accessible(page)
