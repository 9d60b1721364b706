"""Every refusal is in the access log, and repeated refusals are on the unusual access
report."""

import pytest
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.models import AccessLogEntry
from kinfolio.audit.services import restrict_record, verify_chain
from kinfolio.workforce.models import Allocation
from tests.factories import ChildFactory, D, ServiceFactory, TeamFactory
from tests.factories_accounts import UserFactory, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def team_and_children():
    team = TeamFactory()
    ours, restricted = ChildFactory(), ChildFactory()
    for child in (ours, restricted):
        Allocation.objects.create(
            child=child, role="social_worker", team=team, start_date=D(2025, 1, 6)
        )
    restrict_record(child=restricted, reason="Staff member's child", allowed_users=[], by=None)
    elsewhere = ChildFactory()
    Allocation.objects.create(
        child=elsewhere,
        role="social_worker",
        team=TeamFactory(service=ServiceFactory(name="Children in care")),
        start_date=D(2025, 1, 6),
    )
    return team, restricted, elsewhere


def _refusals():
    return list(
        AccessLogEntry.objects.filter(action__startswith="refused").values_list(
            "action", "child__local_id", "object_ref"
        )
    )


def test_a_record_out_of_scope_is_logged_as_not_found_with_the_child(client, team_and_children):
    team, _, elsewhere = team_and_children
    client.force_login(staff(team=team))
    url = reverse("people:child", args=[elsewhere.local_id])
    assert client.get(url).status_code == 404
    assert _refusals() == [("refused_not_found", elsewhere.local_id, f"GET {url}")]


def test_a_record_refused_for_want_of_permission_is_logged_with_the_child(
    client, team_and_children
):
    _, _, elsewhere = team_and_children
    client.force_login(UserFactory(role=Role.LADO))
    url = reverse("people:child", args=[elsewhere.local_id])
    assert client.get(url).status_code == 403
    assert _refusals() == [("refused_forbidden", elsewhere.local_id, f"GET {url}")]


def test_a_restricted_record_refused_is_logged_with_the_child(client, team_and_children):
    team, restricted, _ = team_and_children
    client.force_login(staff(team=team))
    url = reverse("people:child", args=[restricted.local_id])
    assert client.get(url).status_code == 403
    assert _refusals() == [("refused_forbidden", restricted.local_id, f"GET {url}")]
    assert verify_chain().ok


def test_an_unknown_id_and_an_unknown_page_are_logged_as_not_found(client, team_and_children):
    team, _, _ = team_and_children
    client.force_login(staff(team=team))
    assert client.get(reverse("people:child", args=["C999999"])).status_code == 404
    assert client.get("/no-such-page/").status_code == 404
    assert _refusals() == [
        ("refused_not_found", None, "GET /children/C999999/"),
        ("refused_not_found", None, "GET /no-such-page/"),
    ]


def test_a_page_of_another_role_is_logged_as_forbidden(client):
    client.force_login(staff())
    assert client.get(reverse("audit:unusual-access")).status_code == 403
    assert _refusals() == [("refused_forbidden", None, "GET /audit/unusual-access/")]


def test_repeated_refusals_are_on_the_unusual_access_report(client, team_and_children, settings):
    settings.KINFOLIO_UNUSUAL_REFUSALS = 3
    team, restricted, _ = team_and_children
    prober = staff(team=team, username="prober")
    client.force_login(prober)
    for local_id in (restricted.local_id, "C900001", "C900002"):
        client.get(reverse("people:child", args=[local_id]))
    once = staff(team=team, username="mistyped-once")
    client.force_login(once)
    client.get(reverse("people:child", args=["C900003"]))
    client.force_login(UserFactory(role=Role.DATA_PROTECTION_OFFICER))
    response = client.get(reverse("audit:unusual-access"))
    report = response.context["report"]
    assert [(d.username, d.refusals, d.children) for d in report.refusal_days] == [("prober", 3, 1)]
    body = response.content.decode()
    assert 'data-testid="refusal-days"' in body
    assert f"({restricted.local_id})" in body
