"""Who holds a deadline is stored on it (``StoredClock.holder_worker``, ``holder_team``)
and follows every allocation change the workforce services make: allocating,
reallocating, ending an allocation, a transfer and a worker's leaving date; the pages
that read it (my deadlines, team deadlines, the team manager's home) still hide a
restricted record."""

import datetime as dt
import importlib

import pytest
from django.apps import apps as django_apps
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.services.restrictions import restrict_record
from kinfolio.people.models import Person
from kinfolio.timescales import services as timescales_services
from kinfolio.timescales.models import StoredClock
from kinfolio.timescales.selectors import deadlines_for_user, team_deadlines
from kinfolio.timescales.services import refresh_clocks
from kinfolio.workforce.services.allocations import allocate, end_allocation, record_leaving_date
from kinfolio.workforce.services.transfers import accept_transfer, propose_transfer
from kinfolio.workforce.team_selectors import team_day
from tests.factories import CINEpisodeFactory
from tests.workforce.conftest import worker_in

TODAY = dt.date.today()
# An open referral 100 days old: its assessment (45 working days) is overdue.
REFERRAL = TODAY - dt.timedelta(days=100)


def held_by(child) -> set[tuple]:
    """(worker, team) holding each of the child's open deadlines."""
    rows = StoredClock.objects.filter(child=child, stopped_on__isnull=True)
    return set(rows.values_list("holder_worker", "holder_team"))


@pytest.fixture
def case(teams, make_user, django_capture_on_commit_callbacks):
    """Mia, referred 100 days ago to the assessment team (the team named on the record),
    her clocks stored; ``commit`` runs a service and what it does once it commits."""
    team = teams["assessment"]
    CINEpisodeFactory(child=teams["child"], team=team, referral_date=REFERRAL)
    refresh_clocks(Person.objects.filter(pk=teams["child"].pk))

    def commit(service, **arguments):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**arguments)

    def mine(worker):
        """The open deadlines the worker has to do (my deadlines)."""
        user = worker.user or make_user(Role.SOCIAL_WORKER, worker=worker)
        return deadlines_for_user(user, today=TODAY)

    by = teams["managers"]["assessment"]
    return {**teams, "team": team, "by": by, "commit": commit, "mine": mine}


def _allocate(case, worker=None, *, on=REFERRAL, team=None):
    return case["commit"](
        allocate,
        child=case["child"],
        team=team or case["team"],
        worker=worker,
        start_date=on,
        change_reason="FCONTA" if worker else "",
        by=case["by"],
    )


def test_a_deadline_is_held_by_the_team_named_on_the_record_before_any_allocation(case):
    assert held_by(case["child"]) == {(None, case["team"].pk)}


def test_allocating_a_worker_gives_them_the_deadline(case):
    sam = worker_in(case["team"], 100001)
    _allocate(case)  # waiting in the team first
    assert held_by(case["child"]) == {(None, case["team"].pk)}
    _allocate(case, sam, on=REFERRAL + dt.timedelta(days=1))
    assert held_by(case["child"]) == {(sam.pk, case["team"].pk)}
    assert case["mine"](sam).exists()


def test_reallocating_hands_the_deadline_to_the_new_worker(case):
    sam, ana = worker_in(case["team"], 100001), worker_in(case["team"], 100002)
    _allocate(case, sam)
    _allocate(case, ana, on=REFERRAL + dt.timedelta(days=5))
    assert held_by(case["child"]) == {(ana.pk, case["team"].pk)}
    assert not case["mine"](sam).exists()
    [mine] = case["mine"](ana)
    assert mine.rule.key == "assessment_45wd"


def test_ending_an_allocation_leaves_the_deadline_with_the_team(case):
    sam = worker_in(case["team"], 100001)
    allocation = _allocate(case, sam)
    case["commit"](
        end_allocation,
        allocation=allocation,
        end_date=TODAY,
        reason="Sam is on long-term sick leave",
        keep_with_team=True,
        by=case["by"],
    )
    assert held_by(case["child"]) == {(None, case["team"].pk)}
    assert not case["mine"](sam).exists()


def test_ending_the_last_allocation_returns_the_deadline_to_the_record(case):
    sam = worker_in(case["locality"], 100001)
    allocation = _allocate(case, sam, team=case["locality"])
    assert held_by(case["child"]) == {(sam.pk, case["locality"].pk)}
    case["commit"](
        end_allocation, allocation=allocation, end_date=TODAY, reason="Case closed", by=case["by"]
    )
    assert held_by(case["child"]) == {(None, case["team"].pk)}  # the referral's team
    assert team_deadlines(case["team"], case["by"], today=TODAY).count() == 1


def test_a_transfer_moves_the_deadline_to_the_receiving_team_and_worker(case):
    sam, leo = worker_in(case["team"], 100001), worker_in(case["locality"], 100002)
    _allocate(case, sam)
    transfer = case["commit"](
        propose_transfer,
        child=case["child"],
        to_team=case["locality"],
        handover_note="Assessment done: a child in need plan",
        by=case["by"],
    )
    assert held_by(case["child"]) == {(sam.pk, case["team"].pk)}  # nothing moves yet
    case["commit"](
        accept_transfer,
        transfer=transfer,
        transfer_date=TODAY,
        worker=leo,
        by=case["managers"]["locality"],
    )
    assert held_by(case["child"]) == {(leo.pk, case["locality"].pk)}
    locality_manager = case["managers"]["locality"]
    assert team_deadlines(case["locality"], locality_manager, today=TODAY).count() == 1
    assert not team_deadlines(case["team"], case["by"], today=TODAY).exists()


@pytest.fixture
def refreshes(monkeypatch):
    """The children of each refresh of stored clocks, in order."""
    calls = []

    def counted(children, **arguments):
        calls.append(sorted(children.values_list("pk", flat=True)))
        return refresh_clocks(children, **arguments)

    monkeypatch.setattr(timescales_services, "refresh_clocks", counted)
    return calls


def test_each_allocation_change_refreshes_the_childs_clocks_once(case, refreshes):
    sam, ana = worker_in(case["team"], 100001), worker_in(case["team"], 100002)
    _allocate(case, sam)
    allocation = _allocate(case, ana, on=REFERRAL + dt.timedelta(days=5))  # ends Sam's
    case["commit"](
        end_allocation,
        allocation=allocation,
        end_date=TODAY,
        reason="Ana is on long-term sick leave",
        keep_with_team=True,  # and begins the team's
        by=case["by"],
    )
    assert refreshes == [[case["child"].pk]] * 3
    assert held_by(case["child"]) == {(None, case["team"].pk)}


def test_accepting_a_transfer_refreshes_the_childs_clocks_once(case, refreshes):
    sam, leo = worker_in(case["team"], 100001), worker_in(case["locality"], 100002)
    _allocate(case, sam)
    transfer = case["commit"](
        propose_transfer,
        child=case["child"],
        to_team=case["locality"],
        handover_note="Assessment done: a child in need plan",
        by=case["by"],
    )
    refreshes.clear()
    case["commit"](  # ends the allocation, begins one, answers the transfer
        accept_transfer,
        transfer=transfer,
        transfer_date=TODAY,
        worker=leo,
        by=case["managers"]["locality"],
    )
    assert refreshes == [[case["child"].pk]]
    assert held_by(case["child"]) == {(leo.pk, case["locality"].pk)}


def test_a_leaving_date_already_passed_hands_the_deadline_to_the_team(case):
    sam = worker_in(case["team"], 100001)
    _allocate(case, sam)
    case["commit"](record_leaving_date, worker=sam, end_date=TODAY - dt.timedelta(days=1), by=None)
    assert held_by(case["child"]) == {(None, case["team"].pk)}


def test_a_worker_holds_the_deadline_to_their_last_day_and_the_team_after_it(case):
    sam = worker_in(case["team"], 100001)
    _allocate(case, sam)
    last_day = TODAY + dt.timedelta(days=5)
    case["commit"](record_leaving_date, worker=sam, end_date=last_day, by=None)
    assert held_by(case["child"]) == {(sam.pk, case["team"].pk)}
    children = Person.objects.filter(pk=case["child"].pk)
    refresh_clocks(children, today=last_day)  # the daily job on their last day
    assert held_by(case["child"]) == {(sam.pk, case["team"].pk)}
    refresh_clocks(children, today=last_day + dt.timedelta(days=1))  # and the day after
    assert held_by(case["child"]) == {(None, case["team"].pk)}


def test_the_managers_home_counts_each_workers_deadlines_from_the_stored_holder(case):
    sam, ana = worker_in(case["team"], 100001), worker_in(case["team"], 100002)
    _allocate(case, sam)
    _allocate(case, ana, on=REFERRAL + dt.timedelta(days=5))
    day = team_day(case["team"], case["by"], today=TODAY)
    overdue = {row.worker: row.overdue for row in day.workers}
    assert (overdue[sam], overdue[ana]) == (0, 1)


def test_a_restricted_record_stays_hidden_from_the_team_deadlines_and_counts(case, client):
    ana = worker_in(case["team"], 100002)
    _allocate(case, ana)
    manager, team = case["by"], case["team"]
    client.force_login(manager)
    page = reverse("timescales:team", args=[team.pk])
    assert team_deadlines(team, manager, today=TODAY).count() == 1
    assert "Mia Hart" in client.get(page).content.decode()
    day = team_day(team, manager, today=TODAY)
    assert {row.worker: row.overdue for row in day.workers}[ana] == 1
    assert case["mine"](ana).exists()

    restrict_record(child=case["child"], reason="A staff member's child", allowed_users=[], by=None)

    assert not team_deadlines(team, manager, today=TODAY).exists()
    assert "Mia Hart" not in client.get(page).content.decode()
    day = team_day(team, manager, today=TODAY)
    assert {row.worker: row.overdue for row in day.workers}[ana] == 0
    assert not case["mine"](ana).exists()


def test_the_migration_gives_existing_clocks_their_holder(case):
    migration = importlib.import_module("kinfolio.timescales.migrations.0007_stored_clock_holders")
    sam, ana = worker_in(case["team"], 100001), worker_in(case["team"], 100002)
    _allocate(case, sam)
    waiting = CINEpisodeFactory(team=case["locality"], referral_date=REFERRAL).child
    gone = CINEpisodeFactory(team=case["team"], referral_date=REFERRAL).child
    case["commit"](
        allocate,
        child=gone,
        team=case["team"],
        worker=ana,
        start_date=REFERRAL,
        change_reason="FCONTA",
        by=case["by"],
    )
    refresh_clocks(Person.objects.filter(pk=waiting.pk))
    ana.end_date = TODAY - dt.timedelta(days=1)
    ana.save()
    # As the columns stood before: the worker and team named on the record.
    StoredClock.objects.update(holder_worker=None, holder_team=case["in_care"])

    migration.fill_holders(django_apps, None)

    assert held_by(case["child"]) == {(sam.pk, case["team"].pk)}
    assert held_by(gone) == {(None, case["team"].pk)}  # Ana has left
    assert held_by(waiting) == {(None, case["in_care"].pk)}  # no allocation: the record's
