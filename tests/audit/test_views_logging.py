import pytest
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.models import AccessLogEntry
from kinfolio.workforce.models import Allocation
from tests.factories import ChildFactory, TeamFactory
from tests.factories_accounts import UserFactory, staff

pytestmark = pytest.mark.django_db


def _allocate(child, team):
    Allocation.objects.create(child=child, role="social_worker", team=team, start_date="2024-01-01")


def test_child_record_view_is_logged(client):
    team = TeamFactory()
    user = staff(team=team)
    child = ChildFactory()
    _allocate(child, team)
    client.force_login(user)
    response = client.get(reverse("people:child", args=[child.local_id]))
    assert response.status_code == 200
    entry = AccessLogEntry.objects.get(action="view_record")
    assert (entry.user, entry.child, entry.ip_address) == (user, child, "127.0.0.1")


def test_child_record_not_visible_is_not_logged_as_a_view(client):
    client.force_login(staff())
    child = ChildFactory()
    assert client.get(reverse("people:child", args=[child.local_id])).status_code == 404
    assert not AccessLogEntry.objects.filter(action="view_record").exists()


def test_search_is_logged_with_its_query(client):
    client.force_login(staff(Role.MASH_WORKER))
    client.get(reverse("people:search"), {"q": "Okafor"})
    assert AccessLogEntry.objects.get(action="search").query == "Okafor"


def test_sign_in_and_failed_sign_in_are_logged(client):
    user = UserFactory()
    url = reverse("accounts:sign-in")
    client.post(url, {"username": user.username, "password": "wrong-password-here"})
    client.post(url, {"username": user.username, "password": "correct-horse-battery-staple"})
    actions = list(AccessLogEntry.objects.values_list("action", "username"))
    assert actions == [("sign_in_failed", user.username), ("sign_in", user.username)]
