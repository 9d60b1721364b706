"""No page shown to a signed-in user is stored by the browser; refusals and failures
use the service's GOV.UK pages, with DEBUG on as in the demo and off as in production;
the service name in the header takes every role to a page it may see."""

import pytest
from django.test import Client
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.core.context_processors import home_for
from kinfolio.workforce.models import Allocation
from tests.factories import ChildFactory, D, TeamFactory
from tests.factories_accounts import UserFactory, staff

pytestmark = pytest.mark.django_db
DEBUG_ON_AND_OFF = pytest.mark.parametrize("debug", [True, False], ids=["debug", "production"])
TECHNICAL = "because you have <code>DEBUG = True</code>"


def _govuk(body: str) -> bool:
    return 'class="govuk-template"' in body and "govuk-service-navigation" in body


def test_pages_for_a_signed_in_user_are_never_stored(client):
    team = TeamFactory()
    child = ChildFactory()
    Allocation.objects.create(
        child=child, role="social_worker", team=team, start_date=D(2025, 1, 6)
    )
    client.force_login(staff(team=team))
    for url in (
        reverse("people:child", args=[child.local_id]),
        reverse("workforce:my-caseload"),
        reverse("people:search") + "?q=Sam",
        reverse("notifications:list"),
        reverse("people:child", args=["C999999"]),  # a refusal too
    ):
        response = client.get(url)
        assert "no-store" in response["Cache-Control"], url


@DEBUG_ON_AND_OFF
def test_an_unknown_page_and_a_record_out_of_scope_use_the_service_404(client, settings, debug):
    settings.DEBUG = debug
    client.force_login(staff())
    for url in ("/no-such-page/", reverse("people:child", args=["C999999"])):
        response = client.get(url)
        body = response.content.decode()
        assert response.status_code == 404
        assert _govuk(body)
        assert "Page not found" in body
        assert TECHNICAL not in body


@DEBUG_ON_AND_OFF
def test_a_page_of_another_role_uses_the_service_403(client, settings, debug):
    settings.DEBUG = debug
    client.force_login(staff())
    response = client.get(reverse("audit:unusual-access"))
    assert response.status_code == 403
    assert _govuk(response.content.decode())
    assert "You cannot see this page" in response.content.decode()


@DEBUG_ON_AND_OFF
@pytest.mark.urls("tests.security.urls_with_a_fault")
def test_a_fault_uses_the_service_500(settings, debug):
    settings.DEBUG = debug
    client = Client(raise_request_exception=False)
    client.force_login(staff())
    response = client.get("/fails/")
    body = response.content.decode()
    assert response.status_code == 500
    assert _govuk(body)
    assert "Sorry, there is a problem with the service" in body
    assert "A fault for the test" not in body


def test_a_form_sent_without_its_token_uses_the_service_403():
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff())
    response = client.post(reverse("notifications:mark-all-read"))
    assert response.status_code == 403
    assert "Your form could not be sent" in response.content.decode()


@pytest.mark.parametrize("role", list(Role))
def test_every_roles_home_is_a_page_it_may_see_and_the_header_links_to_it(client, role):
    for user in (staff(role), UserFactory(role=role)):  # with and without a worker record
        client.force_login(user)
        home = home_for(user)
        response = client.get(home)
        assert response.status_code == 200, (role, home)
        assert f'href="{home}" class="govuk-service-navigation__link"' in response.content.decode()
