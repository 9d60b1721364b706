"""The register of placement providers: each rule both ways (nothing written and no
history row on refusal), its pages, and the list's queries whatever its length."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.models import ChangeEvent
from kinfolio.children_in_care.models import PlacementProvider
from kinfolio.core.versions import StaleRecord
from kinfolio.fostering.services import providers
from kinfolio.recording import tokens
from tests.factories import D
from tests.factories_accounts import staff
from tests.factories_care import CareEpisodeFactory, PlacementProviderFactory

pytestmark = pytest.mark.django_db
LIST = reverse("fostering:providers")
HOME = {
    "name": "Rowan Lodge",
    "provider_type": "external_childrens_home",
    "in_house": False,
    "urn": "sc123456",
    "postcode": "mk93ej",
    "capacity": 3,
    "ofsted_rating": "good",
    "ofsted_rating_date": D(2025, 5, 1),
    "needs_met": ["teenagers", "emergency"],
}


def test_a_provider_is_added_with_its_places_and_needs(make_user):
    provider = providers.add_provider(**HOME, by=make_user())

    assert (provider.urn, provider.postcode, provider.needs_met) == (
        "SC123456",
        "MK9 3EJ",
        ["emergency", "teenagers"],
    )
    assert ChangeEvent.objects.filter(object_id=str(provider.pk), kind="created").exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "  "}, "name"),
        ({"provider_type": "castle"}, "provider_type"),
        ({"postcode": "not one"}, "postcode"),
        ({"capacity": None}, "capacity"),
        ({"provider_type": "ifa"}, "capacity"),  # an agency's places are its households'
        ({"needs_met": ["flying"]}, "needs_met"),
        ({"ofsted_rating": ""}, "ofsted_rating"),  # a judgement date needs the judgement
        ({"ofsted_rating_date": D(2099, 1, 1)}, "ofsted_rating_date"),
    ],
)
def test_a_provider_is_refused_with_nothing_written(make_user, changes, field):
    with pytest.raises(ValidationError) as refused:
        providers.add_provider(**(HOME | changes), by=make_user())

    assert list(refused.value.message_dict) == [field]
    assert not PlacementProvider.objects.exists()
    assert not ChangeEvent.objects.exists()


def test_a_second_provider_with_the_same_urn_is_refused(make_user):
    providers.add_provider(**HOME, by=make_user())
    with pytest.raises(ValidationError, match="Another placement provider has this Ofsted URN"):
        providers.add_provider(**(HOME | {"name": "Other"}), by=make_user())
    assert PlacementProvider.objects.count() == 1


def test_places_cannot_fall_below_the_children_placed_there(make_user):
    provider = PlacementProviderFactory(capacity=3)
    CareEpisodeFactory.create_batch(2, provider=provider, placement_type="K2")

    with pytest.raises(ValidationError, match="2 children are placed there now"):
        providers.change_provider(
            provider=provider, **(HOME | {"capacity": 1}), opened_version=1, by=make_user()
        )
    provider.refresh_from_db()
    assert (provider.capacity, provider.version) == (3, 1)
    assert not ChangeEvent.objects.filter(object_id=str(provider.pk)).exists()

    providers.change_provider(
        provider=provider, **(HOME | {"capacity": 2}), opened_version=1, by=make_user()
    )
    provider.refresh_from_db()
    assert (provider.capacity, provider.name, provider.version) == (2, "Rowan Lodge", 2)


def test_a_stale_change_is_refused(make_user):
    provider = PlacementProviderFactory()
    providers.change_provider(provider=provider, **HOME, opened_version=1, by=make_user())
    with pytest.raises(StaleRecord):
        providers.change_provider(
            provider=provider, **(HOME | {"name": "Late"}), opened_version=1, by=make_user()
        )
    provider.refresh_from_db()
    assert provider.name == "Rowan Lodge"


@pytest.mark.parametrize(
    "url", [LIST, reverse("fostering:provider-new"), reverse("fostering:provider", args=[1])]
)
def test_provider_pages_send_an_anonymous_user_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "sign-in" in response["Location"]


def test_provider_pages_are_refused_to_a_social_worker(client):
    provider = PlacementProviderFactory()
    client.force_login(staff(Role.SOCIAL_WORKER))
    for url in (LIST, reverse("fostering:provider-edit", args=[provider.pk])):
        assert client.get(url).status_code == 403


def test_the_menu_leads_a_placements_officer_to_the_register_and_no_one_else(client):
    def menu(role):
        client.force_login(staff(role))
        return {item["label"]: item["url"] for item in client.get("/").context["navigation"]}

    assert menu(Role.FOSTERING_ADOPTION_WORKER)["Placement providers"] == LIST
    assert "Placement providers" not in menu(Role.SOCIAL_WORKER)


def _post(client, url, **answers):
    data = {tokens.FIELD: client.get(url).context["draft_token"], **answers}
    return client.post(url, data, follow=True)


def test_a_placements_officer_adds_a_provider_then_changes_its_needs(client):
    client.force_login(staff(Role.FOSTERING_ADOPTION_WORKER))
    page = _post(
        client,
        reverse("fostering:provider-new"),
        name="Rowan Lodge",
        provider_type="external_childrens_home",
        urn="SC123456",
        postcode="MK9 3EJ",
        capacity="3",
        needs_met=["teenagers"],
    )
    provider = PlacementProvider.objects.get()
    assert page.redirect_chain[-1][0] == reverse("fostering:provider", args=[provider.pk])
    assert "Teenagers" in page.content.decode()

    page = _post(
        client,
        reverse("fostering:provider-edit", args=[provider.pk]),
        opened_version="1",
        name="Rowan Lodge",
        provider_type="external_childrens_home",
        urn="SC123456",
        postcode="MK9 3EJ",
        capacity="2",
        needs_met=["teenagers", "disability"],
    )
    assert "Disabled children, Teenagers" in page.content.decode()
    listed = client.get(LIST, {"type": "external_childrens_home"})
    assert [p.name for p in listed.context["page"]] == ["Rowan Lodge"]
    assert client.get(LIST, {"type": "ifa"}).context["page"].paginator.count == 0


def test_a_refused_provider_shows_the_error_and_writes_nothing(client):
    client.force_login(staff(Role.FOSTERING_ADOPTION_WORKER))
    page = _post(
        client, reverse("fostering:provider-new"), name="Agency", provider_type="ifa", capacity="4"
    )
    assert "leave the number of places empty" in page.content.decode()
    assert not PlacementProvider.objects.exists()


def test_the_provider_list_takes_the_same_queries_for_one_or_many(client):
    client.force_login(staff(Role.FOSTERING_ADOPTION_WORKER))
    CareEpisodeFactory(provider=PlacementProviderFactory(), placement_type="K2")
    client.get(LIST)
    with CaptureQueriesContext(connection) as one:
        client.get(LIST)
    for provider in PlacementProviderFactory.create_batch(20, needs_met=["teenagers"]):
        CareEpisodeFactory(provider=provider, placement_type="K2")
    with CaptureQueriesContext(connection) as many:
        page = client.get(LIST)
    assert len(many) == len(one)
    assert page.context["page"].paginator.count == 21
