import pytest
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.people.models import Person
from kinfolio.performance import views
from kinfolio.performance.selectors import pseudonym
from kinfolio.timescales.services import refresh_clocks
from kinfolio.workforce.models import Allocation
from tests.factories import ChildFactory, CINEpisodeFactory, D, TeamFactory
from tests.factories_accounts import UserFactory
from tests.factories_care import CareEpisodeFactory

pytestmark = pytest.mark.django_db
URL = reverse("performance:caseload-summary")


@pytest.fixture
def looked_after_children():
    team = TeamFactory(name="Children in care", team_type="children_in_care")
    children = [
        ChildFactory(
            given_name="Amara",
            family_name="Okafor",
            local_id="C900001",
            nhs_number="9990000018",
            date_of_birth=D(2013, 11, 29),
        ),
        ChildFactory(
            given_name="Jakub", family_name="Nowak", local_id="C900002", date_of_birth=D(2009, 7, 4)
        ),
    ]
    for child in children:
        CINEpisodeFactory(child=child, team=team)
        CareEpisodeFactory(period__child=child, period__start_date=D(2025, 1, 6))
        Allocation.objects.create(
            child=child, team=team, role="social_worker", start_date=D(2025, 1, 6)
        )
    refresh_clocks(Person.objects.filter(pk__in=[child.pk for child in children]))
    return children


def test_caseload_summary_unauthenticated_goes_to_sign_in(client):
    response = client.get(URL)
    assert response["Location"].startswith(reverse("accounts:sign-in"))


@pytest.mark.parametrize(
    "role",
    [
        Role.SOCIAL_WORKER,
        Role.TEAM_MANAGER,
        Role.MASH_WORKER,
        Role.PARTNER_REFERRER,
        Role.INSPECTOR,
        Role.BUSINESS_SUPPORT,
        Role.ADMINISTRATOR,
        Role.DATA_PROTECTION_OFFICER,
    ],
)
def test_caseload_summary_other_roles_are_refused(client, role):
    client.force_login(UserFactory(role=role))
    assert client.get(URL).status_code == 403


@pytest.mark.parametrize("role", [Role.PERFORMANCE_ANALYST, Role.SERVICE_MANAGER, Role.DIRECTOR])
def test_caseload_summary_shows_counts_and_a_pseudonymised_list(
    client, role, looked_after_children
):
    client.force_login(UserFactory(role=role))

    response = client.get(URL)

    body = response.content.decode()
    assert response.status_code == 200
    assert response.context["total"].looked_after == 2
    for child in looked_after_children:
        assert pseudonym(child.pk) in body
        for never in (
            child.given_name,
            child.family_name,
            child.local_id,
            f"/children/{child.local_id}",
            child.date_of_birth.isoformat(),
            f"{child.date_of_birth:%-d %B %Y}",
            f"{child.date_of_birth:%-d %b %Y}",
            f"{child.date_of_birth:%d/%m/%Y}",
        ):
            assert never not in body, never
    assert "9990000018" not in body


def test_caseload_summary_pages_the_list(client, looked_after_children, monkeypatch):
    monkeypatch.setattr(views, "LIST_PAGE_SIZE", 1)
    client.force_login(UserFactory(role=Role.PERFORMANCE_ANALYST))
    first = client.get(URL).context["looked_after"]
    second = client.get(URL, {"page": 2}).context["looked_after"]
    assert len(first) == len(second) == 1
    assert first[0].pseudonym != second[0].pseudonym
    assert 'href="?page=2#looked-after"' in client.get(URL).content.decode()


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        (Role.PERFORMANCE_ANALYST, True),
        (Role.SERVICE_MANAGER, True),
        (Role.SOCIAL_WORKER, False),
        (Role.PARTNER_REFERRER, False),
    ],
)
def test_caseload_summary_is_in_the_menu_only_for_those_who_may_use_it(client, role, shown):
    client.force_login(UserFactory(role=role))
    menu = client.get(reverse("accounts:two-factor-setup")).context["navigation"]
    assert ("Caseload summary" in [item["label"] for item in menu]) is shown
