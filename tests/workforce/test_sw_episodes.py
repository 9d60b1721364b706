"""SSDA903 social worker episodes for a hand-worked sequence of allocations and
transfers: each expected row was written out by hand from the steps below."""

from kinfolio.workforce.services.allocations import allocate, record_leaving_date
from kinfolio.workforce.services.transfers import accept_transfer, propose_transfer
from kinfolio.workforce.sw_episodes import social_worker_episodes
from tests.factories import D
from tests.workforce.conftest import worker_in


def rows(child, **kwargs):
    return [e.as_row() for e in social_worker_episodes([child.pk], **kwargs).get(child.pk, [])]


def test_sw_episodes_for_a_year_of_allocations_and_transfers(teams):
    child, managers = teams["child"], teams["managers"]
    a = worker_in(teams["assessment"], 100001)
    b, c, d = (worker_in(teams["locality"], n) for n in (100002, 100003, 100004))
    e = worker_in(teams["in_care"], 100005)
    # 2 Apr 2024: referral; the assessment team holds the child, no worker yet (no episode).
    allocate(
        child=child, team=teams["assessment"], start_date=D(2024, 4, 2), by=managers["assessment"]
    )
    # 3 Apr: A takes the referral: first contact.
    allocate(
        child=child,
        team=teams["assessment"],
        worker=a,
        start_date=D(2024, 4, 3),
        change_reason="FCONTA",
        by=managers["assessment"],
    )
    # 20 May: transfer to the locality team proposed; accepted 3 Jun with B.
    transfer = propose_transfer(
        child=child,
        to_team=teams["locality"],
        handover_note="CIN plan agreed",
        by=managers["assessment"],
        on=D(2024, 5, 20),
    )
    accept_transfer(
        transfer=transfer, transfer_date=D(2024, 6, 3), worker=b, by=managers["locality"]
    )
    # 16 Sep: B is off sick for months: C covers.
    allocate(
        child=child,
        team=teams["locality"],
        worker=c,
        start_date=D(2024, 9, 16),
        change_reason="ABSENC",
        by=managers["locality"],
    )
    # C gives notice to leave on 10 Jan 2025; D takes the child that day.
    allocate(
        child=child,
        team=teams["locality"],
        worker=d,
        start_date=D(2025, 1, 10),
        change_reason="LEFTRL",
        by=managers["locality"],
    )
    record_leaving_date(worker=c, end_date=D(2025, 1, 10), by=managers["locality"])
    # 3 Mar 2025: the child comes into care; transfer to the children in care team, E.
    transfer = propose_transfer(
        child=child, to_team=teams["in_care"], handover_note="Looked after", by=managers["locality"]
    )
    accept_transfer(
        transfer=transfer, transfer_date=D(2025, 3, 3), worker=e, by=managers["in_care"]
    )

    assert rows(child, as_at=D(2025, 3, 31)) == [
        ("SW100001", "03/04/2024", "03/06/2024", "FCONTA"),
        ("SW100002", "03/06/2024", "16/09/2024", "TSPROC"),
        ("SW100003", "16/09/2024", "10/01/2025", "ABSENC"),
        ("SW100004", "10/01/2025", "03/03/2025", "LEFTRL"),
        ("SW100005", "03/03/2025", "", "TSPROC"),
    ]
    # Made up to 28 February 2025: D still held the child that day; E had not started.
    assert rows(child, as_at=D(2025, 2, 28))[-1] == ("SW100004", "10/01/2025", "", "LEFTRL")
    assert len(rows(child, as_at=D(2025, 2, 28))) == 4


def test_sw_episodes_a_worker_who_moves_team_with_the_child_keeps_one_episode(teams):
    child, managers = teams["child"], teams["managers"]
    worker = worker_in(teams["assessment"], 100001)
    allocate(
        child=child,
        team=teams["assessment"],
        worker=worker,
        start_date=D(2024, 4, 3),
        change_reason="FCONTA",
        by=managers["assessment"],
    )
    transfer = propose_transfer(
        child=child, to_team=teams["locality"], handover_note="Moving", by=managers["assessment"]
    )
    worker.team = teams["locality"]  # the worker moved to the locality team
    worker.save()
    accept_transfer(
        transfer=transfer, transfer_date=D(2024, 7, 1), worker=worker, by=managers["locality"]
    )

    assert rows(child) == [("SW100001", "03/04/2024", "", "FCONTA")]
