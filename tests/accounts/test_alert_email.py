"""Alerts reach someone: demo sign-ins have addresses, and production refuses a team
manager or data protection officer without one."""

import importlib

import pytest
from django.core.exceptions import ValidationError

from kinfolio.accounts.demo_users import DEMO_EMAIL_DOMAIN, create_demo_users
from kinfolio.accounts.models import Role, User
from tests.accounts.test_security import production_security_settings

pytestmark = pytest.mark.django_db


def test_every_demo_sign_in_has_an_email_address(settings):
    settings.KINFOLIO_REQUIRE_ALERT_EMAIL = True  # the demo's users pass production's rule
    create_demo_users()
    addresses = dict(User.objects.values_list("role", "email"))
    assert set(addresses) == set(Role)
    assert all(email.endswith(f"@{DEMO_EMAIL_DOMAIN}") for email in addresses.values())
    assert addresses[Role.DATA_PROTECTION_OFFICER] == f"data.protection.officer@{DEMO_EMAIL_DOMAIN}"


@pytest.mark.parametrize("role", [Role.TEAM_MANAGER, Role.DATA_PROTECTION_OFFICER])
def test_production_refuses_an_alerted_role_without_an_email_address(settings, role):
    settings.KINFOLIO_REQUIRE_ALERT_EMAIL = True
    user = User(username="no-address", role=role, email="", password="x")
    with pytest.raises(ValidationError, match="Enter an email address"):
        user.full_clean()
    user.email = "manager@council.example"
    user.full_clean()


def test_other_roles_and_the_demo_may_have_no_address(settings):
    settings.KINFOLIO_REQUIRE_ALERT_EMAIL = True
    User(username="worker", role=Role.SOCIAL_WORKER, email="", password="x").full_clean()
    settings.KINFOLIO_REQUIRE_ALERT_EMAIL = False
    User(username="dpo", role=Role.DATA_PROTECTION_OFFICER, email="", password="x").full_clean()


def test_production_settings_turn_the_rule_on(monkeypatch):
    production_security_settings(monkeypatch)
    assert importlib.import_module("kinfolio.settings.production").KINFOLIO_REQUIRE_ALERT_EMAIL
