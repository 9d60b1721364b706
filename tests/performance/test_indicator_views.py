"""The indicator pages: who may use them, what they show, and the drill-down lists."""

import pytest
from django.urls import reverse
from django.utils import timezone

from kinfolio.accounts.models import Role
from kinfolio.audit.models import AccessLogEntry, RestrictedRecord
from kinfolio.performance.selectors import pseudonym
from kinfolio.workforce.models import Allocation
from tests.factories import ChildFactory, CINEpisodeFactory, D, TeamFactory
from tests.factories_accounts import UserFactory, staff

pytestmark = pytest.mark.django_db
YEAR = "2024-25"
LIST = reverse("performance:indicators")
DETAIL = reverse("performance:indicator", args=["referrals"])
ROWS = reverse("performance:indicator-rows", args=["referrals", YEAR, "numerator"])
URLS = [LIST, DETAIL, ROWS]
ALLOWED = [Role.PERFORMANCE_ANALYST, Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.DIRECTOR]
REFUSED = [Role.SOCIAL_WORKER, Role.PARTNER_REFERRER, Role.INSPECTOR, Role.ADMINISTRATOR]


@pytest.fixture
def referred():
    """Three referrals in 2024-25: one of a child in the viewer's team, one of a child in
    another service, one of a child whose record is restricted."""
    team = TeamFactory()
    children = [
        ChildFactory(given_name="Amara", family_name="Okafor", local_id="C800001"),
        ChildFactory(given_name="Jakub", family_name="Nowak", local_id="C800002"),
        ChildFactory(given_name="Rhys", family_name="Hidden", local_id="C800003"),
    ]
    for child in children:
        CINEpisodeFactory(child=child, referral_date=D(2024, 6, 3), team=team)
    Allocation.objects.create(
        child=children[0], role="social_worker", team=team, start_date=D(2024, 6, 3)
    )
    RestrictedRecord.objects.create(
        child=children[2],
        reason="Staff member's child",
        restricted_on=D(2024, 1, 1),
        restricted_by=UserFactory(),
    )
    return team, children


@pytest.mark.parametrize("url", URLS)
def test_indicator_pages_unauthenticated_go_to_sign_in(client, url):
    assert client.get(url)["Location"].startswith(reverse("accounts:sign-in"))


@pytest.mark.parametrize("role", REFUSED)
@pytest.mark.parametrize("url", URLS)
def test_indicator_pages_refuse_other_roles(client, role, url):
    client.force_login(UserFactory(role=role))
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("role", ALLOWED)
def test_indicator_list_shows_every_area_for_the_period(client, role, referred):
    client.force_login(UserFactory(role=role))
    response = client.get(LIST, {"period": YEAR})
    assert response.status_code == 200
    areas = dict(response.context["areas"])
    referrals = next(
        f for f in areas["Front door, referrals and assessments"] if f.indicator.id == "referrals"
    )
    assert referrals.numerator == 3
    assert ROWS in response.content.decode()


def test_indicator_detail_states_the_rule_and_its_source(client, referred):
    client.force_login(UserFactory(role=Role.DIRECTOR))
    response = client.get(DETAIL, {"period": YEAR})
    body = response.content.decode()
    assert response.status_code == 200
    assert "each referral is counted" in body
    assert "CPP_Total_NumRef" in body
    assert [f.numerator for f in response.context["quarters"]] == [3, 0, 0, 0]


def test_an_unknown_indicator_or_period_is_not_found(client):
    client.force_login(UserFactory(role=Role.DIRECTOR))
    assert client.get(reverse("performance:indicator", args=["nonsense"])).status_code == 404
    assert client.get(DETAIL, {"period": "1999"}).status_code == 404
    count = reverse("performance:indicator-rows", args=["referrals", YEAR, "denominator"])
    assert client.get(count).status_code == 404


def test_a_team_manager_sees_their_own_children_named_and_others_pseudonymised(client, referred):
    team, (ours, theirs, hidden) = referred
    client.force_login(staff(Role.TEAM_MANAGER, team=team))
    # A team manager sees their own service's children: move the second out of it.
    Allocation.objects.create(
        child=theirs,
        role="social_worker",
        team=TeamFactory(service__name="Other"),
        start_date=D(2024, 6, 3),
    )
    CINEpisodeFactory._meta.model.objects.filter(child=theirs).update(
        team=TeamFactory(service__name="Other")
    )

    response = client.get(ROWS)

    body = response.content.decode()
    assert response.context["page"].paginator.count == 3
    assert reverse("people:child", args=[ours.local_id]) in body
    assert "Okafor" in body
    assert "Restricted record" in body
    for never in ("Hidden", hidden.local_id, pseudonym(hidden.pk)):
        assert never not in body
    assert AccessLogEntry.objects.filter(query=f"indicator referrals numerator {YEAR}").exists()


def test_an_analyst_gets_only_the_pseudonymised_list(client, referred):
    _, children = referred
    client.force_login(UserFactory(role=Role.PERFORMANCE_ANALYST))
    body = client.get(ROWS).content.decode()
    for child in children[:2]:
        assert pseudonym(child.pk) in body
        for never in (child.given_name, child.family_name, child.local_id):
            assert never not in body


def test_the_drilldown_takes_as_many_queries_for_one_row_as_for_many(
    client, django_assert_max_num_queries
):
    team = TeamFactory()
    CINEpisodeFactory(referral_date=D(2024, 6, 3), team=team)
    user = UserFactory(role=Role.DIRECTOR)
    client.force_login(user)
    with django_assert_max_num_queries(30) as one:
        client.get(ROWS)
    for _ in range(20):
        CINEpisodeFactory(referral_date=D(2024, 6, 3), team=team)
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get(ROWS)


def test_the_current_year_is_shown_so_far(client):
    client.force_login(UserFactory(role=Role.DIRECTOR))
    period = client.get(LIST).context["period"]
    assert period.end == timezone.localdate()
