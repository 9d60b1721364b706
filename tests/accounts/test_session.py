"""Session expiry: the keep-alive endpoint and what the page tells the warning script."""

import pytest
from django.urls import reverse

from kinfolio.accounts.models import Role
from tests.factories_accounts import UserFactory, staff

pytestmark = pytest.mark.django_db


def test_keep_alive_unauthenticated_is_sent_to_sign_in(client):
    response = client.get(reverse("accounts:keep-alive"))
    assert response["Location"].startswith(reverse("accounts:sign-in"))


def test_keep_alive_touches_the_session(client):
    client.force_login(staff())
    response = client.get(reverse("accounts:keep-alive"))
    assert response.status_code == 204
    assert "no-store" in response["Cache-Control"]
    assert response.cookies["sessionid"]["max-age"] == 30 * 60


def test_keep_alive_refuses_post(client):
    client.force_login(staff())
    assert client.post(reverse("accounts:keep-alive")).status_code == 405


def test_pages_give_the_warning_script_the_session_length(client, settings):
    settings.SESSION_COOKIE_AGE = 600
    client.force_login(staff())
    body = client.get(reverse("workforce:my-caseload")).content.decode()
    assert 'data-session-seconds="600"' in body
    assert 'data-session-warning-seconds="120"' in body
    assert f'data-keep-alive-url="{reverse("accounts:keep-alive")}"' in body


def test_sign_in_page_has_no_session_warning(client):
    assert "data-session-seconds" not in client.get(reverse("accounts:sign-in")).content.decode()


@pytest.mark.parametrize(
    ("role", "shown", "hidden"),
    [
        (
            Role.DATA_PROTECTION_OFFICER,
            ["Unusual access", "Subject access", "Retention review"],
            ["My caseload"],
        ),
        (Role.ADMINISTRATOR, ["Retention review"], ["Unusual access", "Subject access"]),
        (
            Role.SOCIAL_WORKER,
            ["My caseload"],
            ["Unusual access", "Subject access", "Retention review"],
        ),
    ],
)
def test_navigation_shows_the_dpo_pages_only_to_those_who_may_use_them(client, role, shown, hidden):
    client.force_login(UserFactory(role=role))
    labels = [
        item["label"]
        for item in client.get(reverse("accounts:two-factor-setup")).context["navigation"]
    ]
    assert all(label in labels for label in shown)
    assert not any(label in labels for label in hidden)
