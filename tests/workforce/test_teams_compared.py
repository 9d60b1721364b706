"""Teams compared counts from stored rows (``TeamChild``, the stored clocks) and leaves
out the children hidden from the user: each number agrees with the list it links to,
for every role that sees it and for a manager who sees only their service; the rows
follow every allocation change the workforce services make."""

import datetime as dt

import pytest

from kinfolio.accounts.models import Role
from kinfolio.audit.services import restrict_record
from kinfolio.people.models import Person
from kinfolio.timescales.engine import Status
from kinfolio.timescales.models import StoredClock
from kinfolio.timescales.selectors import status_counts, team_deadlines
from kinfolio.timescales.services import refresh_clocks
from kinfolio.workforce.models import Allocation, TeamChild
from kinfolio.workforce.services.allocations import allocate, end_allocation
from kinfolio.workforce.services.transfers import accept_transfer, propose_transfer
from kinfolio.workforce.team_selectors import team_children, team_day, teams_compared
from tests.factories import ChildFactory, CINEpisodeFactory, ServiceFactory, TeamFactory
from tests.factories_accounts import staff
from tests.workforce.conftest import worker_in

TODAY = dt.date.today()
REFERRAL = TODAY - dt.timedelta(days=100)  # its assessment (45 working days) overdue


@pytest.fixture
def held(teams, django_capture_on_commit_callbacks):
    """The locality team holds Mia (waiting, in two roles), Leo (with Sam) and Ada, whose
    record is restricted; the team in another service holds Noor; each was referred 100
    days ago, so each has an overdue assessment. Allocated through the services, their
    rows stored as each commits."""
    team, by = teams["locality"], teams["managers"]["locality"]
    other = TeamFactory(name="Far team", service=ServiceFactory(name="Elsewhere"))
    sam = worker_in(team, 100002, given_name="Sam")
    mia, leo, ada, noor = teams["child"], ChildFactory(), ChildFactory(), ChildFactory()
    named = staff(Role.SOCIAL_WORKER, team=team)
    with django_capture_on_commit_callbacks(execute=True):
        for child, where, worker in ((mia, team, None), (leo, team, sam), (ada, team, sam)):
            CINEpisodeFactory(child=child, team=where, referral_date=REFERRAL)
            reason = "FCONTA" if worker else ""
            allocate(
                child=child,
                team=where,
                worker=worker,
                start_date=REFERRAL,
                change_reason=reason,
                by=by,
            )
        allocate(child=mia, team=team, role="personal_adviser", start_date=REFERRAL, by=by)
        CINEpisodeFactory(child=noor, team=other, referral_date=REFERRAL)
        allocate(child=noor, team=other, start_date=REFERRAL, by=by)
    restrict_record(child=ada, reason="Adopted", allowed_users=[named], by=None)
    return teams | {"team": team, "other": other, "sam": sam, "by": by, "named": named}


def _figures(user, team):
    return next(row for row in teams_compared(user, today=TODAY) if row.team == team)


@pytest.mark.parametrize(
    "who", [Role.DIRECTOR, Role.SERVICE_MANAGER, "team manager", "named on the restriction"]
)
def test_each_number_agrees_with_the_list_it_links_to(held, who):
    if who == "team manager":
        user = held["managers"]["locality"]  # sees their own service's children only
    elif who == "named on the restriction":
        user = held["named"]
    else:
        user = staff(who, team=held["assessment"])
    for team in (held["team"], held["other"]):
        row = _figures(user, team)
        listed = team_children(team, user)
        waiting = {a.child_id for a in team_day(team, user, today=TODAY).waiting}
        deadlines = status_counts(team_deadlines(team, user, today=TODAY), today=TODAY)
        assert row.children == len(listed)
        assert row.unallocated == len(waiting)
        assert row.overdue == deadlines[Status.OVERDUE]
    ours, theirs = _figures(user, held["team"]), _figures(user, held["other"])
    sees_ada = who == "named on the restriction"
    sees_elsewhere = who in (Role.DIRECTOR, Role.SERVICE_MANAGER)
    assert (ours.children, ours.unallocated) == (3 if sees_ada else 2, 1)
    assert (theirs.children, theirs.unallocated) == ((1, 1) if sees_elsewhere else (0, 0))
    assert ours.overdue == (3 if sees_ada else 2)


def test_stored_rows_follow_allocating_reallocating_transfers_and_ending(
    held, django_capture_on_commit_callbacks
):
    mia, team, by = held["child"], held["team"], held["by"]
    in_care = held["in_care"]

    def rows():
        return set(TeamChild.objects.filter(child=mia).values_list("team", "waiting"))

    assert rows() == {(team.pk, True)}
    with django_capture_on_commit_callbacks(execute=True):
        allocate(
            child=mia,
            team=team,
            worker=held["sam"],
            start_date=TODAY,
            change_reason="FCONTA",
            by=by,
        )
    assert rows() == {(team.pk, True)}  # still waiting for a personal adviser
    adviser = Allocation.objects.get(child=mia, role="personal_adviser", end_date=None)
    with django_capture_on_commit_callbacks(execute=True):
        end_allocation(allocation=adviser, end_date=TODAY, reason="Not needed", by=by)
    assert rows() == {(team.pk, False)}
    with django_capture_on_commit_callbacks(execute=True):
        transfer = propose_transfer(
            child=mia, to_team=in_care, handover_note="All in the record", by=by, on=TODAY
        )
        accept_transfer(transfer=transfer, transfer_date=TODAY, by=held["managers"]["in_care"])
    assert rows() == {(in_care.pk, True)}
    current = Allocation.objects.get(child=mia, end_date=None)
    with django_capture_on_commit_callbacks(execute=True):
        end_allocation(allocation=current, end_date=TODAY, reason="Case closed", by=by)
    assert rows() == set()


def test_someone_not_a_child_is_neither_counted_nor_given_deadlines(held):
    """An allocation naming an adult (which no service makes) counts for nobody, as the
    user's scope has it; nor are clocks stored for them."""
    adult = ChildFactory(is_child_subject=False)
    CINEpisodeFactory(child=adult, team=held["team"], referral_date=REFERRAL)
    Allocation.objects.create(
        child=adult, team=held["team"], role="social_worker", start_date=REFERRAL
    )
    refresh_clocks(Person.objects.filter(pk=adult.pk))
    assert not TeamChild.objects.filter(child=adult).exists()
    assert not StoredClock.objects.filter(child=adult).exists()
    assert _figures(staff(Role.DIRECTOR), held["team"]).children == 2
