"""The LADO's list of allegations: every allegation, with or without a child."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.services import restrict_record
from tests.factories import D
from tests.factories_accounts import staff
from tests.factories_care import AllegationFactory, ChildFactory

pytestmark = pytest.mark.django_db
URL = reverse("lado:allegations")


def test_allegations_send_an_anonymous_user_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "sign-in" in response["Location"]


def test_allegations_are_refused_to_a_social_worker(client):
    client.force_login(staff(Role.SOCIAL_WORKER))
    assert client.get(URL).status_code == 403


def test_the_lado_sees_allegations_without_a_child_and_never_a_hidden_childs_name(client):
    lado = staff(Role.LADO)
    AllegationFactory(subject_name="Lee Teacher")  # no child on the records
    hidden = ChildFactory(given_name="Zephyrine", family_name="Quillfeather")
    restrict_record(child=hidden, reason="Child of a staff member", allowed_users=[], by=None)
    AllegationFactory(subject_name="Sam Coach", child=hidden, received_on=D(2021, 3, 1))
    client.force_login(lado)

    page = client.get(URL).content.decode()

    assert "Lee Teacher" in page
    assert "No child recorded" in page
    assert "Sam Coach" in page
    assert "A child you cannot open" in page
    assert "Quillfeather" not in page
    assert "Zephyrine" not in page


def test_closed_allegations_show_only_when_asked(client):
    AllegationFactory(subject_name="Pat Open")
    AllegationFactory(
        subject_name="Jo Closed",
        strategy_meeting_held=False,
        strategy_meeting_not_held_reason="Below threshold",
        outcome="unfounded",
        closed_on=D(2021, 4, 1),
    )
    client.force_login(staff(Role.LADO))

    open_only = client.get(URL).content.decode()
    everything = client.get(URL, {"show": "all"}).content.decode()

    assert "Pat Open" in open_only
    assert "Jo Closed" not in open_only
    assert "Jo Closed" in everything


def test_the_lado_lands_on_the_allegations(client):
    client.force_login(staff(Role.LADO))
    assert client.get(reverse("notifications:list")).context["home_url"] == URL


def test_allegations_page_queries_do_not_grow_with_rows(client):
    client.force_login(staff(Role.LADO))
    AllegationFactory(child=ChildFactory())
    client.get(URL)
    with CaptureQueriesContext(connection) as one:
        client.get(URL)
    for _ in range(30):
        AllegationFactory(child=ChildFactory())

    with CaptureQueriesContext(connection) as many:
        client.get(URL)

    assert len(many.captured_queries) == len(one.captured_queries)
