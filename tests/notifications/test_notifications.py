"""The one notifications model: notify(), the list page, the unread count in the header."""

import pytest
from django.core import mail
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.notifications.models import Notification, NotificationKind
from kinfolio.notifications.services import mark_all_read, notify
from tests.factories_accounts import UserFactory

pytestmark = pytest.mark.django_db
DIGEST = NotificationKind.DEADLINE_DIGEST


def _tell(user, subject="Deadlines for today", **kwargs):
    return notify(recipients=[user], kind=DIGEST, subject=subject, body="Body text", **kwargs)


def test_notify_writes_one_per_recipient_and_emails_those_with_an_address(
    django_capture_on_commit_callbacks,
):
    with_email, without = UserFactory(), UserFactory(email="")
    with django_capture_on_commit_callbacks(execute=True):
        made = notify(
            recipients=[with_email, without, with_email],
            kind=DIGEST,
            subject="Two overdue",
            body="Amara Okafor: assessment overdue",
            link="/timescales/",
        )
    assert len(made) == 2
    assert [m.to for m in mail.outbox] == [[with_email.email]]
    assert "Open it in Kinfolio: /timescales/" in mail.outbox[0].body
    assert Notification.objects.get(recipient=with_email).emailed_at is not None
    assert Notification.objects.get(recipient=without).emailed_at is None


def test_notify_with_a_key_tells_nobody_twice(django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        assert len(_tell(user, key="2025-02-27")) == 1
        assert _tell(user, key="2025-02-27") == []
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


def test_notify_sends_no_email_for_a_write_rolled_back(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _tell(UserFactory())
    assert len(callbacks) == 1
    assert not mail.outbox


def test_list_unauthenticated_goes_to_sign_in(client):
    response = client.get(reverse("notifications:list"))
    assert response["Location"].startswith(reverse("accounts:sign-in"))


def test_list_shows_only_the_users_own_notifications(client):
    me, someone_else = UserFactory(), UserFactory()
    _tell(me, subject="Mine to read")
    _tell(someone_else, subject="Not for me")
    client.force_login(me)
    body = client.get(reverse("notifications:list")).content.decode()
    assert "Mine to read" in body
    assert "Not for me" not in body


@pytest.mark.parametrize("role", list(Role))
def test_every_role_sees_its_unread_count_in_the_header(client, role):
    user = UserFactory(role=role)
    _tell(user)
    _tell(user, subject="Another")
    client.force_login(user)
    body = client.get(reverse("notifications:list")).content.decode()
    assert 'data-testid="unread-count">2<' in body


def test_mark_all_read_clears_the_count(client):
    user = UserFactory()
    _tell(user)
    client.force_login(user)
    assert client.get(reverse("notifications:mark-all-read")).status_code == 405
    response = client.post(reverse("notifications:mark-all-read"), follow=True)
    assert "1 notification marked as read" in response.content.decode()
    assert 'data-testid="unread-count"' not in response.content.decode()
    assert mark_all_read(by=user) == 0
