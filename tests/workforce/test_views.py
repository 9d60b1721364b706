import pytest
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.workforce.models import Allocation
from tests.factories import ChildFactory, CINEpisodeFactory, D


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

    assert [c.local_id for c in response.context["children"]] == [two_services["ours"].local_id]
    assert response.context["children"][0].open_cin is True
    assert "Child in need" in response.content.decode()


def _give_children(worker, team, count):
    for _ in range(count):
        Allocation.objects.create(
            child=ChildFactory(),
            role="social_worker",
            team=team,
            worker=worker,
            start_date=D(2025, 1, 6),
        )


@pytest.mark.parametrize("count", [1, 25])
def test_my_caseload_query_count_does_not_grow_with_caseload(
    client, make_user, two_services, django_assert_num_queries, count
):
    worker, team = two_services["worker"], two_services["team"]
    _give_children(worker, team, count - 1)  # the fixture already allocated one
    client.force_login(make_user(Role.SOCIAL_WORKER, worker=worker))
    client.get(reverse("workforce:my-caseload"))  # warm the session
    with django_assert_num_queries(QUERIES_FOR_CASELOAD):
        response = client.get(reverse("workforce:my-caseload"))
    assert len(response.context["children"]) == count


# session, user, worker, worker's team, children with status flags, their allocations,
# and the session's save (a savepoint, update and release: the inactivity timeout counts
# from each request); then the "due soon" panel's deadlines (timescales: rules, school
# terms, one query per kind of record the children have, children, workers, teams)
QUERIES_FOR_CASELOAD = 24  # and the unread notifications in the header


def test_team_page_shows_workers_and_caseloads(client, make_user, two_services):
    client.force_login(make_user(Role.TEAM_MANAGER, worker=two_services["worker"]))
    response = client.get(reverse("workforce:team", args=[two_services["team"].pk]))
    assert response.status_code == 200
    workers = {w.full_name: w.caseload for w in response.context["workers"]}
    assert workers == {two_services["worker"].full_name: 1}


def test_team_list_refused_without_permission(client, make_user):
    client.force_login(make_user(Role.PARTNER_REFERRER))
    assert client.get(reverse("workforce:teams")).status_code == 403
