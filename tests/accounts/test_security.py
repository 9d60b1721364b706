"""Sign-in hardening: lockout, two-factor authentication, session expiry, headers."""

import importlib
import os
import secrets
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from kinfolio.accounts.models import Role
from tests.factories_accounts import UserFactory, staff

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-staple"
ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
    "DJANGO_ALLOWED_HOSTS": "kinfolio.council.example",
    "DATABASE_URL": "postgres://kinfolio@127.0.0.1:5/kinfolio",
    "KINFOLIO_AUDIT_KEY": "a-separate-long-random-audit-key-" * 2,
}


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def sign_in(client, username: str, password: str = PASSWORD):
    return client.post(reverse("accounts:sign-in"), {"username": username, "password": password})


# Lockout -------------------------------------------------------------------------------


def test_sign_in_locks_the_account_after_five_failures(client):
    user = UserFactory()
    for _ in range(4):
        assert sign_in(client, user.username, "wrong-password").status_code == 200
    locked = sign_in(client, user.username, "wrong-password")
    assert locked.status_code == 429
    assert "You cannot sign in at the moment" in locked.content.decode()
    response = sign_in(client, user.username)  # even the right password is refused now
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_sign_in_lockout_does_not_affect_another_account(client):
    victim, other = UserFactory(), UserFactory()
    for _ in range(5):
        sign_in(client, victim.username, "wrong-password")
    assert sign_in(client, other.username).status_code == 302


# Two-factor authentication ---------------------------------------------------------


@pytest.fixture
def strict(settings):
    settings.KINFOLIO_DEMO_2FA_EXEMPT = False
    return settings


def test_two_factor_is_required_before_any_page(client, strict):
    client.force_login(staff())
    response = client.get(reverse("people:search"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two-factor-setup"))


def test_two_factor_setup_shows_a_qr_code_and_the_secret(client, strict):
    client.force_login(staff())
    page = client.get(reverse("accounts:two-factor-setup")).content.decode()
    device = TOTPDevice.objects.get()
    assert "<svg" in page
    assert page.count("<script") == 1  # only base.html's external module
    assert device.config_url.split("secret=")[1][:4] in page


def test_two_factor_setup_with_the_right_code_lets_the_user_in(client, strict):
    client.force_login(staff())
    client.get(reverse("accounts:two-factor-setup"))
    device = TOTPDevice.objects.get()
    response = client.post(
        reverse("accounts:two-factor-setup"),
        {"token": code_for(device), "next": reverse("people:search")},
    )
    assert response["Location"] == reverse("people:search")
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("people:search")).status_code == 200


def test_two_factor_setup_with_a_wrong_code_is_refused(client, strict):
    client.force_login(staff())
    client.get(reverse("accounts:two-factor-setup"))
    wrong = client.post(reverse("accounts:two-factor-setup"), {"token": "000000"})
    assert "The code is not right" in wrong.content.decode()
    assert not TOTPDevice.objects.get().confirmed
    assert client.get(reverse("people:search")).status_code == 302


def test_sign_in_with_a_device_asks_for_the_code(client, strict):
    user = staff()
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    sign_in(client, user.username)
    response = client.get(reverse("workforce:my-caseload"))
    assert response["Location"].startswith(reverse("accounts:two-factor-verify"))
    assert client.get(reverse("accounts:two-factor-setup")).status_code == 302
    client.post(reverse("accounts:two-factor-verify"), {"token": code_for(device)})
    assert client.get(reverse("workforce:my-caseload")).status_code == 200


def test_two_factor_is_not_asked_in_the_demo(client, settings):
    settings.KINFOLIO_DEMO_2FA_EXEMPT = True
    client.force_login(staff(Role.DIRECTOR))
    assert client.get(reverse("people:search")).status_code == 200


# Production settings -------------------------------------------------------------


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "KINFOLIO_"))}
    environ.update(PRODUCTION_ENV, **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args, "--settings=kinfolio.settings.production"],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_the_demo_two_factor_exemption():
    result = run_manage("check", KINFOLIO_DEMO_2FA_EXEMPT="1")
    assert result.returncode != 0
    assert "production needs 2FA" in result.stderr


def test_production_needs_the_audit_key():
    result = run_manage("check", KINFOLIO_AUDIT_KEY="")
    assert result.returncode != 0
    assert "KINFOLIO_AUDIT_KEY" in result.stderr


def production_security_settings(monkeypatch) -> dict:
    for name, value in PRODUCTION_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("KINFOLIO_DEMO_2FA_EXEMPT", raising=False)
    # The base settings were read once at start-up, with the test database.
    base = importlib.import_module("kinfolio.settings")
    monkeypatch.setattr(base, "DATABASES", {"default": {"ENGINE": "django.db.backends.postgresql"}})
    module = importlib.import_module("kinfolio.settings.production")
    module = importlib.reload(module)
    names = [n for n in dir(module) if n.startswith(("SECURE_", "SESSION_", "CSRF_"))]
    settings = {n: getattr(module, n) for n in names}
    settings["KINFOLIO_DEMO_2FA_EXEMPT"] = module.KINFOLIO_DEMO_2FA_EXEMPT
    return settings


def test_security_headers_on_a_page(client, monkeypatch):
    production = production_security_settings(monkeypatch)
    assert production.pop("KINFOLIO_DEMO_2FA_EXEMPT") is False
    with override_settings(**production):
        response = client.get(reverse("accounts:sign-in"), secure=True)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["Strict-Transport-Security"] == ("max-age=63072000; includeSubDomains; preload")
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.cookies["csrftoken"]["secure"]


def test_plain_http_is_redirected_to_https_in_production(client, monkeypatch):
    with override_settings(**production_security_settings(monkeypatch)):
        response = client.get(reverse("accounts:sign-in"))
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


# Session expiry ------------------------------------------------------------------


def test_session_expires_after_inactivity(client, settings):
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.SESSION_COOKIE_AGE <= 30 * 60
    client.force_login(staff())
    assert client.get(reverse("people:search")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("people:search"))
    assert response["Location"].startswith(reverse("accounts:sign-in"))
