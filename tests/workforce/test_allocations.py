import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from kinfolio.audit.models import ChangeEvent
from kinfolio.workforce.models import Allocation
from kinfolio.workforce.services.allocations import allocate, end_allocation, record_leaving_date
from kinfolio.workforce.team_selectors import reallocation_list
from tests.factories import D
from tests.factories_accounts import UserFactory
from tests.workforce.conftest import worker_in


def test_allocate_ends_the_waiting_allocation_the_day_the_worker_starts(teams):
    team, child, by = teams["assessment"], teams["child"], teams["managers"]["assessment"]
    allocate(child=child, team=team, start_date=D(2025, 4, 1), by=by)
    worker = worker_in(team, 100001)

    allocation = allocate(
        child=child,
        team=team,
        worker=worker,
        start_date=D(2025, 4, 3),
        change_reason="FCONTA",
        note="Duty worker took the referral",
        by=by,
    )

    waiting, named = Allocation.objects.filter(child=child).order_by("start_date")
    assert (waiting.worker, waiting.end_date) == (None, D(2025, 4, 3))
    assert named == allocation
    assert (named.end_date, named.allocated_by) == (None, by)
    assert ChangeEvent.objects.filter(child=child, object_id=str(allocation.pk)).exists()


def test_allocate_tells_the_worker_once_it_commits(teams, django_capture_on_commit_callbacks):
    team, child = teams["assessment"], teams["child"]
    worker = worker_in(team, 100001, user=UserFactory(email="worker@council.example"))
    with django_capture_on_commit_callbacks(execute=True):
        allocate(
            child=child,
            team=team,
            worker=worker,
            start_date=D(2025, 4, 3),
            change_reason="FCONTA",
            by=teams["managers"]["assessment"],
        )
    assert [m.to for m in mail.outbox] == [["worker@council.example"]]
    assert child.local_id in mail.outbox[0].subject


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"change_reason": ""}, "change_reason", "Choose the reason for the change of social"),
        ({"change_reason": "LAZY"}, "change_reason", "Choose a reason from the list"),
        ({"start_date": D(2009, 1, 1)}, "worker", "is not in post on 1 January 2009"),
    ],
)
def test_allocate_refuses_and_writes_nothing(teams, change, field, message):
    team, child = teams["assessment"], teams["child"]
    kwargs = {
        "child": child,
        "team": team,
        "worker": worker_in(team, 100001),
        "start_date": D(2025, 4, 3),
        "change_reason": "FCONTA",
        "by": teams["managers"]["assessment"],
    } | change
    with pytest.raises(ValidationError) as error:
        allocate(**kwargs)
    assert message in error.value.message_dict[field][0]
    assert not Allocation.objects.filter(child=child).exists()
    assert not ChangeEvent.objects.filter(child=child).exists()


def test_allocate_refuses_a_worker_of_another_team(teams):
    with pytest.raises(ValidationError, match="Choose a worker in Assessment team"):
        allocate(
            child=teams["child"],
            team=teams["assessment"],
            worker=worker_in(teams["locality"], 100002),
            start_date=D(2025, 4, 3),
            change_reason="FCONTA",
            by=teams["managers"]["assessment"],
        )


def test_allocate_in_another_team_is_a_transfer(teams):
    by = teams["managers"]["assessment"]
    allocate(child=teams["child"], team=teams["assessment"], start_date=D(2025, 4, 1), by=by)
    with pytest.raises(ValidationError, match="transfer them to Locality team instead"):
        allocate(child=teams["child"], team=teams["locality"], start_date=D(2025, 4, 2), by=by)


def test_end_allocation_needs_a_reason(teams):
    by = teams["managers"]["assessment"]
    allocation = allocate(
        child=teams["child"], team=teams["assessment"], start_date=D(2025, 4, 1), by=by
    )
    with pytest.raises(ValidationError) as error:
        end_allocation(allocation=allocation, end_date=D(2025, 5, 1), reason=" ", by=by)
    assert error.value.message_dict["reason"] == ["Enter why the allocation is ending"]


def test_end_allocation_keeping_the_child_with_the_team_puts_them_on_the_waiting_list(teams):
    team, by = teams["assessment"], teams["managers"]["assessment"]
    allocation = allocate(
        child=teams["child"],
        team=team,
        worker=worker_in(team, 100001),
        start_date=D(2025, 4, 1),
        change_reason="FCONTA",
        by=by,
    )

    waiting = end_allocation(
        allocation=allocation,
        end_date=D(2025, 6, 2),
        reason="Worker on long-term sick leave",
        keep_with_team=True,
        by=by,
    )

    allocation.refresh_from_db()
    assert (allocation.end_date, allocation.end_reason) == (
        D(2025, 6, 2),
        "Worker on long-term sick leave",
    )
    assert (waiting.team, waiting.worker, waiting.start_date) == (team, None, D(2025, 6, 2))


def test_a_leaving_date_puts_the_workers_children_on_the_reallocation_list(
    teams, django_capture_on_commit_callbacks
):
    team, by = teams["locality"], teams["managers"]["locality"]
    worker = worker_in(team, 100003)
    allocate(
        child=teams["child"],
        team=team,
        worker=worker,
        start_date=D(2025, 4, 1),
        change_reason="FCONTA",
        by=by,
    )

    with django_capture_on_commit_callbacks(execute=True):
        record_leaving_date(worker=worker, end_date=D(2025, 9, 30), by=by)

    assert [a.child for a in reallocation_list(worker, by)] == [teams["child"]]
    assert mail.outbox[0].to == ["locality@council.example"]
    assert "leaves on 30 September 2025" in mail.outbox[0].subject


def test_a_leaving_date_before_a_later_allocation_is_refused(teams):
    team, by = teams["locality"], teams["managers"]["locality"]
    worker = worker_in(team, 100003)
    allocate(
        child=teams["child"],
        team=team,
        worker=worker,
        start_date=D(2025, 4, 1),
        change_reason="FCONTA",
        by=by,
    )
    with pytest.raises(ValidationError, match="end those allocations first"):
        record_leaving_date(worker=worker, end_date=D(2025, 3, 1), by=by)
