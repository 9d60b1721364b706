"""Deadline pages: unauthenticated, unauthorised, success (their query counts are pinned
in tests/query_counts)."""

import datetime as dt

import pytest
from django.template import Context, Template
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.people.models import Person
from kinfolio.timescales import selectors
from kinfolio.timescales.models import TimescaleRule
from kinfolio.timescales.services import refresh_clocks
from kinfolio.workforce.models import Allocation
from tests.factories import ChildFactory, CINEpisodeFactory, D, TeamFactory, WorkerFactory

TODAY = dt.date.today()


def _give_children(worker, team, count):
    """``count`` children allocated to the worker, each with an open referral 100 days old
    (an overdue assessment clock: 45 working days are at most 67 days), clocks stored."""
    given = []
    for _ in range(count):
        child = ChildFactory()
        Allocation.objects.create(
            child=child, role="social_worker", team=team, worker=worker, start_date=D(2025, 1, 6)
        )
        CINEpisodeFactory(child=child, team=team, referral_date=TODAY - dt.timedelta(days=100))
        given.append(child.pk)
    refresh_clocks(Person.objects.filter(pk__in=given))


@pytest.fixture
def worker_user(make_user):
    team = TeamFactory()
    worker = WorkerFactory(team=team)
    return make_user(Role.SOCIAL_WORKER, worker=worker), worker, team


@pytest.mark.parametrize("name", ["timescales:mine", "timescales:rules"])
def test_pages_send_the_unauthenticated_to_sign_in(client, db, name):
    assert client.get(reverse(name)).status_code == 302


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("timescales:mine", Role.INSPECTOR),
        ("timescales:rules", Role.SOCIAL_WORKER),
    ],
)
def test_pages_refuse_roles_without_permission(client, make_user, name, role):
    client.force_login(make_user(role))
    assert client.get(reverse(name)).status_code == 403


def test_team_page_refuses_roles_without_permission(client, make_user):
    client.force_login(make_user(Role.INSPECTOR))
    assert client.get(reverse("timescales:team", args=[TeamFactory().pk])).status_code == 403


def test_my_deadlines_shows_overdue_with_the_rule_and_source(client, worker_user):
    user, worker, team = worker_user
    _give_children(worker, team, 1)
    client.force_login(user)
    response = client.get(reverse("timescales:mine"))
    [deadline] = response.context["deadlines"]
    assert deadline.status == "overdue"
    assert "45 working days from the referral" in response.content.decode()
    assert "Working Together 2023" in response.content.decode()


def test_my_caseload_shows_the_ten_most_pressing_of_all_due_soon(client, worker_user):
    user, worker, team = worker_user
    _give_children(worker, team, 12)
    client.force_login(user)
    response = client.get(reverse("workforce:my-caseload"))
    assert len(response.context["deadlines"]) == 10
    assert response.context["deadline_count"] == 12
    assert "You have 12 deadlines overdue or due soon" in response.content.decode()


def test_team_deadlines_groups_the_teams_open_clocks(client, make_user, worker_user):
    _user, worker, team = worker_user
    _give_children(worker, team, 2)
    client.force_login(make_user(Role.TEAM_MANAGER, worker=WorkerFactory(team=team)))
    response = client.get(reverse("timescales:team", args=[team.pk]))
    [(status, count, rows)] = response.context["groups"]
    assert (status, count, len(rows)) == ("overdue", 2, 2)
    assert "Overdue (2)" in response.content.decode()


def test_team_deadlines_come_in_pages_of_50(client, make_user, worker_user):
    _user, worker, team = worker_user
    _give_children(worker, team, 51)
    client.force_login(make_user(Role.TEAM_MANAGER, worker=WorkerFactory(team=team)))
    url = reverse("timescales:team", args=[team.pk])
    first, second = client.get(url), client.get(url + "?page=2")
    assert [len(rows) for _, _, rows in first.context["groups"]] == [50]
    assert [len(rows) for _, _, rows in second.context["groups"]] == [1]
    assert "Overdue (51)" in second.content.decode()
    assert 'class="govuk-pagination"' in first.content.decode()


def test_team_deadlines_only_shows_children_the_user_may_see(client, make_user, worker_user):
    _user, worker, team = worker_user
    _give_children(worker, team, 2)
    other = TeamFactory(service__name="Children in care")
    client.force_login(make_user(Role.TEAM_MANAGER, worker=WorkerFactory(team=other)))
    response = client.get(reverse("timescales:team", args=[team.pk]))
    assert response.context["groups"] == []


def test_child_panel_explains_each_deadline(db):
    episode = CINEpisodeFactory(referral_date=D(2024, 12, 20))
    refresh_clocks(Person.objects.filter(pk=episode.child_id))
    html = Template('{% include "timescales/_child_deadlines.html" %}').render(
        Context({"deadlines": selectors.child_deadlines(episode.child)})
    )
    assert (
        "due 26 Feb 2025: 45 working days from the referral on 20 Dec 2024 — "
        "Working Together 2023" in html
    )


def test_rules_page_lists_every_rule_for_an_administrator(client, make_user):
    client.force_login(make_user(Role.ADMINISTRATOR))
    response = client.get(reverse("timescales:rules"))
    assert response.status_code == 200
    assert len(response.context["rules"]) == TimescaleRule.objects.values("key").distinct().count()
    assert "no clocks run for this rule" in response.content.decode()


def test_new_rule_version_is_added_and_redirects(client, make_user):
    client.force_login(make_user(Role.SERVICE_MANAGER))
    url = reverse("timescales:rule-new-version", args=["assessment_45wd"])
    response = client.post(
        url,
        {
            "name": "Child and family assessment",
            "interval": "40",
            "unit": "working_days",
            "source": "local",
            "notes": "",
            "effective_from_0": "1",
            "effective_from_1": "4",
            "effective_from_2": "2027",
        },
    )
    assert response.status_code == 302
    assert TimescaleRule.objects.filter(key="assessment_45wd").count() == 2


def test_new_rule_version_dated_too_early_shows_the_error(client, make_user):
    client.force_login(make_user(Role.SERVICE_MANAGER))
    url = reverse("timescales:rule-new-version", args=["assessment_45wd"])
    response = client.post(
        url,
        {
            "name": "Child and family assessment",
            "interval": "40",
            "unit": "working_days",
            "source": "local",
            "effective_from_0": "1",
            "effective_from_1": "4",
            "effective_from_2": "2010",
        },
    )
    assert response.status_code == 200
    assert "must be after 1 January 2012" in response.content.decode()
    assert TimescaleRule.objects.filter(key="assessment_45wd").count() == 1


def test_new_version_of_an_unknown_rule_is_not_found(client, make_user):
    client.force_login(make_user(Role.ADMINISTRATOR))
    url = reverse("timescales:rule-new-version", args=["made_up"])
    assert client.get(url).status_code == 404


def test_my_deadlines_come_in_pages_of_50_counted_with_the_page(client, worker_user):
    user, worker, team = worker_user
    _give_children(worker, team, 51)
    client.force_login(user)
    url = reverse("timescales:mine")
    first, second, past = (client.get(url + f"?page={n}") for n in (1, 2, 9))
    assert [len(r.context["deadlines"]) for r in (first, second, past)] == [50, 1, 1]
    assert past.context["page"].number == 2  # past the end: the last page, as before
    assert first.context["page"].paginator.count == 51
    assert 'class="govuk-pagination"' in first.content.decode()
