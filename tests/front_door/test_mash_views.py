"""The front door's pages and the partner portal: who may use them, what they do, and
that the queue's query count does not grow with its rows."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kinfolio.accounts.models import Role
from kinfolio.front_door.models import Contact, OnlineReferral
from tests.factories import (
    ChildFactory,
    ContactFactory,
    D,
    DecidedContactFactory,
    OnlineReferralFactory,
)
from tests.factories_accounts import UserFactory, staff

pytestmark = pytest.mark.django_db
PAGES = ["mash:queue", "mash:referrers-to-tell", "mash:contact-new"]


@pytest.fixture
def mash(client):
    client.force_login(staff(Role.MASH_WORKER))
    return client


@pytest.mark.parametrize("name", [*PAGES, "front_door:send"])
def test_front_door_pages_send_anonymous_users_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


@pytest.mark.parametrize("name", PAGES)
def test_front_door_pages_refuse_a_social_worker(client, name):
    client.force_login(staff(Role.SOCIAL_WORKER))
    assert client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", PAGES)
def test_front_door_pages_open_for_the_mash(mash, name):
    assert mash.get(reverse(name)).status_code == 200


def test_referrers_to_tell_are_counted_and_paged_oldest_decision_first(mash):
    decided = [
        DecidedContactFactory(decided_at=timezone.now() - timezone.timedelta(hours=60 - n))
        for n in range(51)
    ]
    told = {"referrer_informed_at": timezone.now(), "referrer_informed_method": "phone"}
    DecidedContactFactory(**told)  # not listed

    first = mash.get(reverse("mash:referrers-to-tell"))
    second = mash.get(reverse("mash:referrers-to-tell"), {"page": 2})

    assert list(first.context["page"].object_list) == decided[:50]
    assert list(second.context["page"].object_list) == decided[50:]
    assert "51 referrers to tell, oldest decision first" in first.content.decode()
    assert 'aria-label="Page 2"' in first.content.decode()


def test_partner_portal_refuses_staff(client):
    client.force_login(staff(Role.MASH_WORKER))
    assert client.get(reverse("front_door:send")).status_code == 403


def test_queue_lists_contacts_longest_waiting_first_with_the_clock(mash):
    old = ContactFactory(received_at=timezone.now() - timezone.timedelta(days=5))
    new = ContactFactory(received_at=timezone.now())
    old.decision_due_at = timezone.now() - timezone.timedelta(days=3)
    old.save()

    response = mash.get(reverse("mash:queue"))

    assert [w.contact for w in response.context["waiting"]] == [old, new]
    assert "Overdue" in response.content.decode()


def _queue_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("mash:queue")).status_code == 200
    return len(captured)


def test_queue_query_count_is_the_same_for_1_and_200_rows(mash):
    ContactFactory()
    OnlineReferralFactory()
    one = _queue_queries(mash)
    ContactFactory.create_batch(199)
    OnlineReferralFactory.create_batch(20)

    assert _queue_queries(mash) == one


def test_partner_sends_a_referral_and_sees_it_received(client):
    partner = UserFactory(role=Role.PARTNER_REFERRER)
    client.force_login(partner)
    page = client.get(reverse("front_door:send"))
    data = {
        "kf-draft": page.context["draft_token"],
        "source": "2A",
        "referrer_role": "Teacher",
        "referrer_phone": "01234 567890",
        "child_given_name": "Amara",
        "child_family_name": "Okafor",
        "child_date_of_birth_0": "31",
        "child_date_of_birth_1": "3",
        "child_date_of_birth_2": "2016",
        "concern_summary": "Bruise on her arm.",
        "consent_obtained": "yes",
        "referrer_anonymous": "no",
    }

    response = client.post(reverse("front_door:send"), data, follow=True)

    assert OnlineReferral.objects.get().referred_by == partner
    assert "Received" in response.content.decode()


def test_recording_an_online_referral_offers_the_possible_duplicate(mash):
    child = ChildFactory(given_name="Amara", family_name="Okafor", date_of_birth=D(2016, 3, 31))
    sent = OnlineReferralFactory()

    page = mash.get(reverse("mash:online-record", args=[sent.pk])).content.decode()

    assert child.local_id in page
    assert "None of these: record a new child" in page


def test_the_referrer_is_told_by_e_mail(mash, django_capture_on_commit_callbacks):
    contact = ContactFactory(referrer_email="lee@school.example", rag_rating="green")
    mash.post(
        reverse("mash:contact-decide", args=[contact.pk]),
        {"decision": "no_further_action", "opened_version": "1"},
    )
    url = reverse("mash:contact-tell", args=[contact.pk])
    content = mash.get(url).context["form"].initial["content"]
    assert "no further action" in content

    with django_capture_on_commit_callbacks(execute=True):
        mash.post(url, {"method": "email", "content": content, "opened_version": "2"})

    contact.refresh_from_db()
    assert contact.referrer_informed_at is not None
    assert mail.outbox[0].to == ["lee@school.example"]
    assert not Contact.objects.filter(referrer_informed_at__isnull=True).exists()
