import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from kinfolio.workforce.models import Allocation, Transfer
from kinfolio.workforce.services.allocations import allocate
from kinfolio.workforce.services.transfers import (
    accept_transfer,
    decline_transfer,
    propose_transfer,
)
from tests.factories import D
from tests.workforce.conftest import worker_in


@pytest.fixture
def held(teams):
    """The child allocated to a worker in the assessment team since 3 April 2025."""
    allocate(
        child=teams["child"],
        team=teams["assessment"],
        worker=worker_in(teams["assessment"], 100001),
        start_date=D(2025, 4, 3),
        change_reason="FCONTA",
        by=teams["managers"]["assessment"],
    )
    return teams


def test_propose_transfer_asks_the_receiving_manager(held, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        transfer = propose_transfer(
            child=held["child"],
            to_team=held["locality"],
            handover_note="Assessment done; child in need plan agreed.",
            by=held["managers"]["assessment"],
            on=D(2025, 5, 20),
        )
    assert (transfer.from_team, transfer.status) == (held["assessment"], "proposed")
    assert mail.outbox[0].to == ["locality@council.example"]
    # Nothing moves until the receiving manager accepts.
    assert Allocation.objects.get(child=held["child"], end_date=None).team == held["assessment"]


def test_propose_transfer_needs_a_handover_note_and_another_team(held):
    with pytest.raises(ValidationError) as error:
        propose_transfer(
            child=held["child"],
            to_team=held["assessment"],
            handover_note="",
            by=held["managers"]["assessment"],
        )
    assert error.value.message_dict == {
        "to_team": ["Assessment team already holds this child"],
        "handover_note": ["Enter the handover note"],
    }


def test_accept_transfer_moves_the_child_in_one_step(held):
    transfer = propose_transfer(
        child=held["child"],
        to_team=held["locality"],
        handover_note="Handover",
        by=held["managers"]["assessment"],
    )
    worker = worker_in(held["locality"], 100002)

    allocation = accept_transfer(
        transfer=transfer,
        transfer_date=D(2025, 6, 3),
        worker=worker,
        by=held["managers"]["locality"],
    )

    old, new = Allocation.objects.filter(child=held["child"]).order_by("start_date")
    assert (old.end_date, old.end_reason) == (D(2025, 6, 3), "Transferred to Locality team")
    assert new == allocation
    assert (new.team, new.worker, new.change_reason) == (held["locality"], worker, "TSPROC")
    transfer.refresh_from_db()
    assert (transfer.status, transfer.transfer_date) == ("accepted", D(2025, 6, 3))
    assert transfer.decided_by == held["managers"]["locality"]


def test_a_transfer_is_answered_once(held):
    transfer = propose_transfer(
        child=held["child"],
        to_team=held["locality"],
        handover_note="Handover",
        by=held["managers"]["assessment"],
    )
    decline_transfer(
        transfer=transfer, reason="Threshold not met for our team", by=held["managers"]["locality"]
    )
    with pytest.raises(ValidationError, match="already been answered"):
        accept_transfer(
            transfer=transfer, transfer_date=D(2025, 6, 3), by=held["managers"]["locality"]
        )
    assert Transfer.objects.get().decline_reason == "Threshold not met for our team"
