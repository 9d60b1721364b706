import pytest
from django.urls import reverse

from kinfolio.accounts.models import Role
from tests.factories import ChildFactory, ContactFactory, DecidedContactFactory, at
from tests.factories_accounts import UserFactory

pytestmark = pytest.mark.django_db
URL = reverse("front_door:my-referrals")


def test_my_referrals_unauthenticated_goes_to_sign_in(client):
    response = client.get(URL)
    assert response["Location"].startswith(reverse("accounts:sign-in"))


@pytest.mark.parametrize(
    "role",
    [
        Role.SOCIAL_WORKER,
        Role.MASH_WORKER,
        Role.TEAM_MANAGER,
        Role.DIRECTOR,
        Role.PERFORMANCE_ANALYST,
        Role.INSPECTOR,
        Role.DATA_PROTECTION_OFFICER,
        Role.ADMINISTRATOR,
    ],
)
def test_my_referrals_other_roles_are_refused(client, role):
    client.force_login(UserFactory(role=role))
    assert client.get(URL).status_code == 403


def test_my_referrals_shows_only_what_the_referrer_was_told(client):
    referrer = UserFactory(role=Role.PARTNER_REFERRER)
    DecidedContactFactory(
        referred_by=referrer,
        child=ChildFactory(given_name="Amara", family_name="Okafor"),
        rag_rating="red",
        concern_summary="Bruising reported by the school nurse.",
        referrer_informed_at=at(2024, 3, 2, 11),
        referrer_informed_method="email",
        referrer_informed_content="A social worker will visit the family this week.",
    )
    DecidedContactFactory(
        referred_by=referrer,
        child=ChildFactory(given_name="Leo", family_name="Brennan"),
        decision="no_further_action",
        concern_summary="Parent shouted at the child at the school gate.",
    )
    ContactFactory(
        referred_by=UserFactory(role=Role.PARTNER_REFERRER),
        child=ChildFactory(given_name="Jakub", family_name="Nowak"),
    )
    client.force_login(referrer)

    response = client.get(URL)

    body = response.content.decode()
    assert response.status_code == 200
    assert (
        "Outcome sent to you on 2 March 2024: A social worker will visit the family this week."
        in body
    )
    assert "Amara Okafor" in body
    assert "Leo Brennan" in body
    assert "We have not sent you the outcome yet" in body
    for never in (
        "Jakub Nowak",  # another referrer's contact
        "Referral to children's social care",  # the decision itself
        "No further action",
        "Red: immediate risk",  # the RAG rating
        "Bruising reported",  # the front door's record of the concern
        "Parent shouted",
        reverse("people:search"),  # no way into children's records
    ):
        assert never not in body, never
    assert "Your referrals" in [item["label"] for item in response.context["navigation"]]
