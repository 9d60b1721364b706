from django.urls import reverse

from kinfolio.accounts.models import Role
from tests.factories import CINEpisodeFactory, D


def test_my_caseload_unauthenticated_goes_to_sign_in(client, db):
    response = client.get(reverse("workforce:my-caseload"))
    assert response.status_code == 302


def test_my_caseload_role_without_permission_is_refused(client, make_user):
    client.force_login(make_user(Role.INSPECTOR))
    assert client.get(reverse("workforce:my-caseload")).status_code == 403


def test_my_caseload_lists_the_workers_children_with_status(client, make_user, two_services):
    CINEpisodeFactory(
        child=two_services["ours"], referral_date=D(2025, 1, 6), team=two_services["team"]
    )
    client.force_login(make_user(Role.SOCIAL_WORKER, worker=two_services["worker"]))

    response = client.get(reverse("workforce:my-caseload"))

    children = response.context["page"].object_list
    assert [c.local_id for c in children] == [two_services["ours"].local_id]
    assert children[0].open_cin is True
    assert "Child in need" in response.content.decode()


def test_team_page_shows_workers_and_caseloads(client, make_user, two_services):
    client.force_login(make_user(Role.TEAM_MANAGER, worker=two_services["worker"]))
    response = client.get(reverse("workforce:team", args=[two_services["team"].pk]))
    assert response.status_code == 200
    workers = {w.full_name: w.caseload for w in response.context["workers"]}
    assert workers == {two_services["worker"].full_name: 1}


def test_team_list_refused_without_permission(client, make_user):
    client.force_login(make_user(Role.PARTNER_REFERRER))
    assert client.get(reverse("workforce:teams")).status_code == 403
