from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kinfolio.accounts.models import Role
from kinfolio.audit.models import AccessLogEntry, BreakGlassGrant
from kinfolio.audit.services import restrict_record
from kinfolio.notifications.models import Notification
from kinfolio.people.selectors import children_visible_to, search_children
from kinfolio.workforce.models import Allocation
from tests.factories import ChildFactory, TeamFactory
from tests.factories_accounts import UserFactory, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    team = TeamFactory()
    manager = staff(Role.TEAM_MANAGER, team=team)
    team.manager = manager.worker
    team.save()
    return team


@pytest.fixture
def restricted(team):
    child = ChildFactory(given_name="Rowan")
    Allocation.objects.create(child=child, role="social_worker", team=team, start_date="2024-01-01")
    named = staff(team=team)
    restrict_record(child=child, reason="Child of a staff member", allowed_users=[named], by=None)
    return child, named


def test_restricted_child_is_hidden_from_everyone_in_scope(team, restricted):
    child, _ = restricted
    colleague = staff(team=team)
    director = UserFactory(role=Role.DIRECTOR)
    for user in (colleague, director, team.manager.user):
        assert child not in children_visible_to(user)
        assert child not in search_children(user, "Rowan")


def test_restricted_child_is_visible_to_named_people(restricted):
    child, named = restricted
    assert child in children_visible_to(named)


def test_lifted_restriction_shows_the_child_again(team, restricted):
    child, _ = restricted
    child.restrictions.update(lifted_on=timezone.localdate())
    assert child in children_visible_to(staff(team=team))


def test_break_glass_without_a_reason_is_refused(client, team, restricted):
    child, _ = restricted
    client.force_login(staff(team=team))
    url = reverse("audit:break-glass", args=[child.local_id])
    response = client.post(url, {"reason": "   "})
    assert response.status_code == 200
    assert "Enter why you need to open this record" in response.content.decode()
    assert not BreakGlassGrant.objects.exists()
    assert not AccessLogEntry.objects.filter(action="break_glass").exists()
    assert not Notification.objects.exists()


def test_break_glass_with_a_reason_grants_logs_and_notifies(
    client, team, restricted, django_capture_on_commit_callbacks
):
    child, _ = restricted
    dpo = UserFactory(role=Role.DATA_PROTECTION_OFFICER)
    user = staff(team=team)
    client.force_login(user)
    url = reverse("audit:break-glass", args=[child.local_id])
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "Police called out of hours about Rowan"})
    assert response.status_code == 302
    assert response["Location"] == reverse("people:child", args=[child.local_id])
    grant = BreakGlassGrant.objects.get()
    assert timedelta(minutes=59) < grant.expires_at - grant.granted_at <= timedelta(minutes=60)
    entry = AccessLogEntry.objects.get(action="break_glass")
    assert (entry.user, entry.child, entry.reason) == (
        user,
        child,
        "Police called out of hours about Rowan",
    )
    assert {a.recipient for a in Notification.objects.all()} == {team.manager.user, dpo}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([team.manager.user.email, dpo.email])
    assert all("Police called out of hours" in m.body for m in mail.outbox)
    assert client.get(response["Location"]).status_code == 200


def test_break_glass_access_ends(client, team, restricted):
    child, _ = restricted
    user = staff(team=team)
    BreakGlassGrant.objects.create(
        child=child,
        user=user,
        reason="x",
        granted_at=timezone.now() - timedelta(hours=2),
        expires_at=timezone.now() - timedelta(hours=1),
    )
    assert child not in children_visible_to(user)


def test_break_glass_is_not_offered_outside_the_users_scope(client, restricted):
    child, _ = restricted
    client.force_login(staff(team=TeamFactory(service__name="Children in care")))
    url = reverse("audit:break-glass", args=[child.local_id])
    assert client.post(url, {"reason": "Curious"}).status_code == 404
    assert not BreakGlassGrant.objects.exists()


def test_break_glass_for_a_record_already_open_goes_to_the_record(client, team):
    child = ChildFactory()
    Allocation.objects.create(child=child, role="social_worker", team=team, start_date="2024-01-01")
    client.force_login(staff(team=team))
    response = client.get(reverse("audit:break-glass", args=[child.local_id]))
    assert response.status_code == 302


def test_break_glass_is_refused_to_roles_without_the_permission(client, restricted):
    child, _ = restricted
    client.force_login(UserFactory(role=Role.PERFORMANCE_ANALYST))
    url = reverse("audit:break-glass", args=[child.local_id])
    assert client.post(url, {"reason": "Report"}).status_code == 403


def test_dpo_sees_who_opened_a_restricted_record(client, team, restricted):
    child, named = restricted
    client.force_login(named)
    client.get(reverse("people:child", args=[child.local_id]))
    client.force_login(UserFactory(role=Role.DATA_PROTECTION_OFFICER))
    page = client.get(reverse("audit:child-access", args=[child.local_id]))
    assert page.status_code == 200
    assert str(named) in page.content.decode()


INVISIBLE_REASONS = [
    "\u200b" * 40,  # zero-width spaces
    "\x00\x01\x07\x1b" * 10,  # control characters
    "\u202e\u2066\u2069\ufeff" * 10,  # bidi and byte-order marks
    "\u3164" * 30,  # Hangul filler: a "letter" that shows nothing
    " \t\n\u00a0\u2003" * 10,  # spaces of every kind
    ".........................",  # visible, but not words
    "x",  # too short to say why
    "A" * 100_000,  # far too long
]


@pytest.mark.parametrize("reason", INVISIBLE_REASONS)
def test_break_glass_refuses_a_reason_that_says_nothing(client, team, restricted, reason):
    child, _ = restricted
    client.force_login(staff(team=team))
    response = client.post(reverse("audit:break-glass", args=[child.local_id]), {"reason": reason})
    assert response.status_code == 200
    assert 'class="govuk-error-summary' in response.content.decode()
    assert not BreakGlassGrant.objects.exists()
    assert not AccessLogEntry.objects.filter(action="break_glass").exists()
    assert not Notification.objects.exists()


def test_break_glass_records_the_reason_as_a_reader_sees_it(client, team, restricted):
    child, _ = restricted
    client.force_login(staff(team=team))
    url = reverse("audit:break-glass", args=[child.local_id])
    client.post(url, {"reason": "\u200bPolice\u202e   called\x07 about\r\n\r\n\r\nＲｏｗａｎ "})
    seen = "Police called about\n\nRowan"
    assert BreakGlassGrant.objects.get().reason == seen
    assert AccessLogEntry.objects.get(action="break_glass").reason == seen
    # A fuller reason given while the grant is in force is recorded as well.
    client.post(url, {"reason": "Police asked us to check on Rowan tonight"})
    reasons = list(
        AccessLogEntry.objects.filter(action="break_glass").values_list("reason", flat=True)
    )
    assert reasons == [seen, "Police asked us to check on Rowan tonight"]


def test_break_glass_alerts_are_shown_with_the_unread_count(client, team, restricted):
    child, _ = restricted
    dpo = UserFactory(role=Role.DATA_PROTECTION_OFFICER)
    client.force_login(staff(team=team))
    client.post(
        reverse("audit:break-glass", args=[child.local_id]),
        {"reason": "Police called out of hours"},
    )
    for reader in (dpo, team.manager.user):
        client.force_login(reader)
        body = client.get(reverse("notifications:list")).content.decode()
        assert f"Restricted record opened: {child.local_id}" in body
        assert "Reason given: Police called out of hours" in body
        assert 'data-testid="unread-count">1<' in body
