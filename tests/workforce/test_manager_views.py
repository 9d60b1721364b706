"""The managers' pages: three tests each (signed out, not allowed, success), the
journeys through them, and query counts that do not grow with the number of children."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kinfolio.accounts.models import Role
from kinfolio.people.models import Person
from kinfolio.timescales.models import StoredClock, TimescaleRule
from kinfolio.timescales.services import refresh_clocks
from kinfolio.workforce.models import Allocation, CaseDirection, SupervisionDecision, Transfer
from kinfolio.workforce.services.allocations import allocate
from kinfolio.workforce.team_selectors import team_day, teams_compared
from tests.factories import AssessmentFactory, ChildFactory, CINEpisodeFactory, D
from tests.factories_accounts import staff
from tests.inspection.factories import make_action
from tests.workforce.conftest import worker_in


@pytest.fixture
def world(teams):
    """The assessment team holds Mia with no worker and Leo with Sam; Sam's manager
    signs in."""
    team = teams["assessment"]
    by = teams["managers"]["assessment"]
    sam = worker_in(team, 100001, given_name="Sam", family_name="Okoro")
    leo = ChildFactory(given_name="Leo", family_name="Ward")
    allocate(child=teams["child"], team=team, start_date=D(2026, 10, 1), by=by)
    allocate(
        child=leo, team=team, worker=sam, start_date=D(2026, 9, 1), change_reason="FCONTA", by=by
    )
    return teams | {"team": team, "manager": by, "sam": sam, "leo": leo}


def pages(world) -> dict[str, str]:
    team, child = world["team"], world["child"]
    return {
        "workforce:my-team": reverse("workforce:my-team"),
        "workforce:team-home": reverse("workforce:team-home", args=[team.pk]),
        "workforce:team-children": reverse("workforce:team-children", args=[team.pk]),
        "workforce:worker": reverse("workforce:worker", args=[world["sam"].pk]),
        "workforce:compare-teams": reverse("workforce:compare-teams"),
        "workforce:transfers": reverse("workforce:transfers", args=[team.pk]),
        "workforce:worker-leaving": reverse("workforce:worker-leaving", args=[world["sam"].pk]),
        "workforce:supervision": reverse("workforce:supervision", args=[world["sam"].pk]),
        "workforce:allocate": reverse("workforce:allocate", args=[child.local_id]),
        "workforce:end-allocation": reverse("workforce:end-allocation", args=[child.local_id]),
        "workforce:transfer": reverse("workforce:transfer", args=[child.local_id]),
        "workforce:case-direction": reverse("workforce:case-direction", args=[child.local_id]),
    }


PAGE_NAMES = [
    "workforce:my-team",
    "workforce:team-home",
    "workforce:team-children",
    "workforce:worker",
    "workforce:compare-teams",
    "workforce:transfers",
    "workforce:worker-leaving",
    "workforce:supervision",
    "workforce:allocate",
    "workforce:end-allocation",
    "workforce:transfer",
    "workforce:case-direction",
]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_manager_page_unauthenticated_goes_to_sign_in(client, world, name):
    response = client.get(pages(world)[name])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_manager_page_refused_without_permission(client, world, name):
    client.force_login(staff(Role.INSPECTOR, team=world["team"]))
    assert client.get(pages(world)[name]).status_code == 403


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_manager_page_shows_for_the_team_manager(client, world, name):
    if name == "workforce:compare-teams":
        client.force_login(staff(Role.SERVICE_MANAGER, team=world["team"]))
    else:
        client.force_login(world["manager"])
    assert client.get(pages(world)[name]).status_code == 200


def test_social_worker_cannot_allocate(client, world):
    client.force_login(staff(Role.SOCIAL_WORKER, team=world["team"]))
    assert client.get(pages(world)["workforce:allocate"]).status_code == 403


def test_team_home_shows_waiting_children_workers_and_assessments(client, world):
    cin = CINEpisodeFactory(child=world["leo"], referral_date=D(2026, 9, 1), team=world["team"])
    AssessmentFactory(child=world["leo"], cin_episode=cin, start_date=D(2026, 9, 2))
    AssessmentFactory(
        child=world["leo"],
        cin_episode=cin,
        start_date=D(2026, 9, 3),
        submitted_at=timezone.now(),
        worker=world["sam"],
    )
    client.force_login(world["manager"])

    response = client.get(reverse("workforce:my-team"))

    day = response.context["day"]
    assert [a.child for a in day.waiting] == [world["child"]]
    assert [(w.worker, w.worker.caseload) for w in day.workers] == [
        (world["sam"], 1),
        (world["managers"]["assessment"].worker, 0),
    ]
    assert [a.child for a in day.awaiting_authorisation] == [world["leo"]]
    page = response.content.decode()
    assert "Allocate" in page
    sent = day.awaiting_authorisation[0]
    assert reverse("assessments:authorise", args=[world["leo"].local_id, sent.pk]) in page


def test_team_home_shows_the_managers_overdue_inspection_actions_and_only_theirs(client, world):
    overdue = make_action(owner=world["manager"], due_on=D(2013, 1, 20))
    make_action(owner=world["manager"], due_on=D(2999, 1, 1))  # not yet due
    link = reverse("inspection:action", args=[overdue.pk])
    client.force_login(world["manager"])
    assert link in client.get(reverse("workforce:my-team")).content.decode()
    client.force_login(staff(Role.SERVICE_MANAGER, team=world["team"]))
    team_home = reverse("workforce:team-home", args=[world["team"].pk])
    assert "Overdue inspection actions" not in client.get(team_home).content.decode()


def test_allocate_page_allocates_the_waiting_child(client, world):
    client.force_login(world["manager"])
    response = client.post(
        pages(world)["workforce:allocate"],
        {
            "worker": world["sam"].pk,
            "start_date_0": "5",
            "start_date_1": "10",
            "start_date_2": "2026",
            "change_reason": "FCONTA",
            "note": "",
        },
    )
    assert response.status_code == 302
    current = Allocation.objects.get(child=world["child"], end_date=None)
    assert (current.worker, current.start_date) == (world["sam"], D(2026, 10, 5))


def test_allocate_page_shows_the_services_refusal_as_an_error(client, world):
    client.force_login(world["manager"])
    response = client.post(
        pages(world)["workforce:allocate"],
        {
            "worker": world["sam"].pk,
            "start_date_0": "1",
            "start_date_1": "1",
            "start_date_2": "2026",
        },
    )
    assert response.status_code == 200
    assert "Choose the reason for the change of social worker" in response.content.decode()


def test_a_leaving_date_lists_the_children_to_reallocate(client, world):
    client.force_login(world["manager"])
    response = client.post(
        pages(world)["workforce:worker-leaving"],
        {"end_date_0": "30", "end_date_1": "11", "end_date_2": "2027"},
    )
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert [a.child for a in page.context["holds"]] == [world["leo"]]
    assert "Children to reallocate before 30 November 2027" in page.content.decode()
    home = client.get(reverse("workforce:my-team"))
    assert [a.child for a in home.context["day"].reallocate] == [world["leo"]]


def test_supervision_decision_shows_on_the_childs_record(client, world):
    client.force_login(world["manager"])
    leo = world["leo"]
    response = client.post(
        pages(world)["workforce:supervision"],
        {
            "held_on_0": "2",
            "held_on_1": "10",
            "held_on_2": "2026",
            "notes": "Workload discussed",
            f"decision_{leo.pk}": "Convene a child in need meeting within 10 days",
            f"actions_{leo.pk}": "Sam to invite school and health",
        },
    )
    assert response.status_code == 302
    assert SupervisionDecision.objects.get().child == leo
    record = client.get(reverse("people:child", args=[leo.local_id])).content.decode()
    assert "Convene a child in need meeting within 10 days" in record
    assert "Management oversight" in record
    worker_page = client.get(pages(world)["workforce:worker"]).content.decode()
    for text in (record, worker_page):  # the decision and its actions are told apart
        assert ">Decision</dt>" in text
        assert ">Actions</dt>" in text
        assert "Sam to invite school and health" in text


def test_a_worker_never_supervised_shows_since_when_not_a_due_date(client, world):
    client.force_login(world["manager"])
    home = client.get(pages(world)["workforce:team-home"]).content.decode()
    started = world["sam"].start_date
    assert f"None recorded since starting on {started:%-d %b %Y}" in home


def test_case_direction_is_saved_on_the_childs_record(client, world):
    client.force_login(world["manager"])
    response = client.post(
        pages(world)["workforce:case-direction"], {"direction": "Start pre-proceedings"}
    )
    assert response.status_code == 302
    assert CaseDirection.objects.get().child == world["child"]
    record = client.get(reverse("people:child", args=[world["child"].local_id]))
    assert "Start pre-proceedings" in record.content.decode()


def test_transfer_is_proposed_then_accepted_by_the_receiving_manager(client, world):
    client.force_login(world["manager"])
    client.post(
        reverse("workforce:transfer", args=[world["leo"].local_id]),
        {"to_team": world["locality"].pk, "handover_note": "CIN plan agreed"},
    )
    transfer = Transfer.objects.get()
    locality_worker = worker_in(world["locality"], 100009)
    client.force_login(world["managers"]["locality"])
    home = client.get(reverse("workforce:my-team")).content.decode()
    assert "Transfers waiting for your answer (1)" in home
    page = client.get(reverse("workforce:transfers", args=[world["locality"].pk]))
    assert "CIN plan agreed" in page.content.decode()

    response = client.post(
        reverse("workforce:transfers", args=[world["locality"].pk]),
        {
            "transfer": transfer.pk,
            "answer": "accept",
            f"accept-{transfer.pk}-transfer_date_0": "3",
            f"accept-{transfer.pk}-transfer_date_1": "11",
            f"accept-{transfer.pk}-transfer_date_2": "2026",
            f"accept-{transfer.pk}-worker": locality_worker.pk,
        },
    )

    assert response.status_code == 302
    current = Allocation.objects.get(child=world["leo"], end_date=None)
    assert (current.team, current.worker, current.change_reason) == (
        world["locality"],
        locality_worker,
        "TSPROC",
    )
    home = client.get(reverse("workforce:my-team")).content.decode()
    assert "Transfers waiting for your answer" not in home


def _hold(world, count: int) -> None:
    """``count`` more children held by the team, every other one waiting for a worker,
    each of them offered to the locality team and with an overdue deadline."""
    team = world["team"]
    first = Person.objects.filter(local_id__startswith="Q").count()
    children = Person.objects.bulk_create(
        ChildFactory.build(local_id=f"Q{n:05d}") for n in range(first, first + count)
    )
    Allocation.objects.bulk_create(
        Allocation(
            child=child,
            role="social_worker",
            team=team,
            worker=world["sam"] if n % 2 else None,
            start_date=D(2026, 9, 1),
        )
        for n, child in enumerate(children)
    )
    Transfer.objects.bulk_create(
        Transfer(
            child=child,
            from_team=team,
            to_team=world["locality"],
            handover_note="Handover",
            proposed_by=world["manager"],
            proposed_on=D(2026, 10, 1),
        )
        for child in children
    )
    # Each with an overdue deadline held by the team (and by Sam, for Sam's children).
    rule = TimescaleRule.objects.filter(reporting_only=False, before=False).first()
    StoredClock.objects.bulk_create(
        StoredClock(
            child=child,
            rule=rule,
            source=f"test:{child.local_id}",
            started_on=D(2026, 9, 1),
            due_on=D(2026, 10, 1),
            role="social_worker",
            holder_worker=world["sam"] if n % 2 else None,
            holder_team=team,
        )
        for n, child in enumerate(children)
    )


def _queries(client, url: str) -> int:
    client.get(url)  # warm the session
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("workforce:my-team", Role.TEAM_MANAGER),
        ("workforce:team-home", Role.SERVICE_MANAGER),
        ("workforce:team-children", Role.SERVICE_MANAGER),
        ("workforce:worker", Role.SERVICE_MANAGER),
        ("workforce:compare-teams", Role.SERVICE_MANAGER),
        ("workforce:transfers", Role.SERVICE_MANAGER),
        ("workforce:supervision", Role.SERVICE_MANAGER),
    ],
)
def test_manager_page_query_count_is_the_same_for_1_and_200_children(client, world, name, role):
    user = world["manager"] if role == Role.TEAM_MANAGER else staff(role, team=world["team"])
    client.force_login(user)
    url = pages(world)[name]
    if name == "workforce:transfers":
        url = reverse("workforce:transfers", args=[world["locality"].pk])
    _hold(world, 1)
    one = _queries(client, url)
    _hold(world, 199)
    assert _queries(client, url) == one


def test_overdue_and_due_this_week_are_counted_per_worker_and_per_team(client, world):
    rule = TimescaleRule.objects.filter(reporting_only=False, before=False).first()
    today = timezone.localdate()
    for due in (today - timedelta(days=30), today + timedelta(days=3), today + timedelta(days=40)):
        StoredClock.objects.create(
            child=world["leo"],
            rule=rule,
            source=f"test:{due}",
            started_on=D(2026, 9, 1),
            due_on=due,
            role="social_worker",
            holder_worker=world["sam"],
            holder_team=world["team"],
        )
    day = team_day(world["team"], world["manager"], today=today)
    sam = next(row for row in day.workers if row.worker == world["sam"])
    assert (sam.overdue, sam.due_this_week) == (1, 1)
    compared = {row.team: row.overdue for row in teams_compared(world["manager"], today=today)}
    assert compared[world["team"]] == 1


def test_teams_compared_counts_children_not_their_allocations(world):
    """Mia waits for a social worker and a personal adviser in the same team; Leo has
    Sam: two children, one of them waiting, however many roles each holds."""
    Allocation.objects.create(
        child=world["child"], team=world["team"], role="personal_adviser", start_date=D(2026, 10, 1)
    )
    # Stored as the services store them when they commit.
    refresh_clocks(Person.objects.filter(pk__in=[world["child"].pk, world["leo"].pk]))
    row = next(r for r in teams_compared(world["manager"]) if r.team == world["team"])
    assert (row.children, row.unallocated) == (2, 1)


def test_teams_compared_links_each_number_to_the_list_behind_it(client, world):
    """Vacancies are a number only where the team's establishment is set: the locality
    team's 4.5 FTE less its manager's 1."""
    world["locality"].establishment_fte = 4.5
    world["locality"].save()
    client.force_login(staff(Role.SERVICE_MANAGER, team=world["team"]))
    page = client.get(reverse("workforce:compare-teams")).content.decode()
    home = reverse("workforce:team-home", args=[world["locality"].pk])
    assert f'<a class="govuk-link" href="{home}#workers">3.5</a>' in page
    assert "Not set" in page  # the assessment team's
    for team in (world["team"], world["locality"]):
        home = reverse("workforce:team-home", args=[team.pk])
        for url in (
            home,
            reverse("workforce:team-children", args=[team.pk]),
            f"{home}#waiting",
            reverse("timescales:team", args=[team.pk]),
            f"{home}#workers",
        ):
            assert f'href="{url}"' in page
