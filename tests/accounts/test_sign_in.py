from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from kinfolio.accounts.models import Role


def test_sign_in_with_correct_details_goes_to_caseload(client, make_user):
    make_user(Role.SOCIAL_WORKER, username="sam")
    response = client.post(
        reverse("accounts:sign-in"), {"username": "sam", "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("workforce:my-caseload")


def test_sign_in_with_wrong_password_shows_error(client, make_user):
    make_user(Role.SOCIAL_WORKER, username="sam")
    response = client.post(reverse("accounts:sign-in"), {"username": "sam", "password": "nope"})
    assert response.status_code == 200
    assert "Enter a correct username and password" in response.content.decode()


def test_sign_in_refused_when_access_has_expired(client, make_user):
    make_user(Role.INSPECTOR, username="hmi", access_expires_at=timezone.now() - timedelta(days=1))
    response = client.post(
        reverse("accounts:sign-in"), {"username": "hmi", "password": "a-long-test-password"}
    )
    assert response.status_code == 200
    assert "Your access to Kinfolio has ended" in response.content.decode()


def test_sign_out_ends_the_session(client, make_user):
    client.force_login(make_user(Role.SOCIAL_WORKER))
    client.post(reverse("accounts:sign-out"))
    assert client.get(reverse("workforce:my-caseload")).status_code == 302


def test_sign_in_without_a_caseload_lands_on_a_page_the_role_may_use(client, make_user):
    make_user(Role.DATA_PROTECTION_OFFICER, username="dpo")
    response = client.post(
        reverse("accounts:sign-in"), {"username": "dpo", "password": "a-long-test-password"}
    )
    assert response["Location"] == reverse("audit:unusual-access")
    assert client.get(response["Location"]).status_code == 200


def test_sign_in_from_the_root_lands_on_a_page_the_role_may_use(client, make_user):
    make_user(Role.DATA_PROTECTION_OFFICER, username="dpo")
    response = client.post(
        reverse("accounts:sign-in") + "?next=/",
        {"username": "dpo", "password": "a-long-test-password", "next": "/"},
    )
    assert response["Location"] == reverse("audit:unusual-access")
