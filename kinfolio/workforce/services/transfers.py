"""Moving a child between teams: proposed with a handover note, accepted (or declined)
by the receiving team's manager.

Acceptance is the one action that moves the child: the sending team's allocation ends
and the receiving team's starts on the same day, with the SSDA903 reason "transfer due
to standard process" (TSPROC) when a new social worker takes the child on. A worker
who moves with the child keeps one social worker episode.
"""

import datetime as dt
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolio.audit.models import ChangeEvent
from kinfolio.audit.services import changes, record_event, snapshot
from kinfolio.workforce.models import Allocation, Team, Transfer, Worker
from kinfolio.workforce.services import notify
from kinfolio.workforce.services.allocations import (
    SOCIAL_WORKER,
    current_allocation,
    worker_problem,
)

TRANSFER_REASON = "TSPROC"


@transaction.atomic
def propose_transfer(
    *, child, to_team: Team, handover_note: str, by, on: dt.date | None = None
) -> Transfer:
    """Ask ``to_team`` to take the child on from the team that holds them now."""
    current = current_allocation(child=child, lock=True)
    errors: dict[str, str] = {}
    if current is None:
        errors["to_team"] = "No team holds this child: allocate them instead"
    elif current.team_id == to_team.pk:
        errors["to_team"] = f"{to_team} already holds this child"
    if not handover_note.strip():
        errors["handover_note"] = "Enter the handover note"
    if Transfer.objects.filter(child=child, status=Transfer.Status.PROPOSED).exists():
        errors["to_team"] = "This child already has a transfer waiting for an answer"
    if errors:
        raise ValidationError(errors)
    transfer = Transfer(
        child=child,
        from_team=current.team,
        to_team=to_team,
        handover_note=handover_note.strip(),
        proposed_by=by,
        proposed_on=on or timezone.localdate(),
    )
    transfer.full_clean()
    transfer.save()
    record_event(
        by=by,
        instance=transfer,
        child=child,
        changes=changes(None, transfer),
        kind=ChangeEvent.Kind.CREATED,
    )
    transaction.on_commit(partial(notify.transfer_proposed, transfer_id=transfer.pk))
    return transfer


@transaction.atomic
def accept_transfer(
    *, transfer: Transfer, transfer_date: dt.date, worker: Worker | None = None, by
) -> Allocation:
    """The receiving manager takes the child on from ``transfer_date``, with a named
    worker of their team or waiting for one."""
    transfer = Transfer.objects.select_for_update().select_related("to_team").get(pk=transfer.pk)
    current = current_allocation(child=transfer.child, lock=True)
    errors = _still_open(transfer, current)
    if not errors and transfer_date < current.start_date:
        errors["transfer_date"] = (
            f"The transfer date must be on or after {current.start_date:%-d %B %Y}"
        )
    if worker is not None:
        problem = worker_problem(worker, team=transfer.to_team, on=transfer_date)
        if problem:
            errors["worker"] = problem
    if errors:
        raise ValidationError(errors)
    before = snapshot(current)
    current.end_date = transfer_date
    current.end_reason = f"Transferred to {transfer.to_team}"
    current.full_clean()
    current.save(update_fields=["end_date", "end_reason", "updated_at"])
    record_event(by=by, instance=current, child=transfer.child, changes=changes(before, current))
    moves_with_child = worker is not None and worker.pk == current.worker_id
    allocation = Allocation(
        child=transfer.child,
        role=SOCIAL_WORKER,
        team=transfer.to_team,
        worker=worker,
        start_date=transfer_date,
        change_reason="" if worker is None or moves_with_child else TRANSFER_REASON,
        reason_note=f"Transfer from {transfer.from_team}",
        allocated_by=by,
    )
    allocation.full_clean()
    allocation.save()
    record_event(
        by=by,
        instance=allocation,
        child=transfer.child,
        changes=changes(None, allocation),
        kind=ChangeEvent.Kind.CREATED,
    )
    _decide(transfer, status=Transfer.Status.ACCEPTED, by=by, transfer_date=transfer_date)
    if worker is not None:
        transaction.on_commit(partial(notify.allocated, allocation_id=allocation.pk))
    return allocation


@transaction.atomic
def decline_transfer(*, transfer: Transfer, reason: str, by) -> Transfer:
    """The receiving manager declines: the child stays where they are."""
    transfer = Transfer.objects.select_for_update().get(pk=transfer.pk)
    errors = _still_open(transfer, current_allocation(child=transfer.child))
    if not reason.strip():
        errors["decline_reason"] = "Enter why you are declining the transfer"
    if errors:
        raise ValidationError(errors)
    return _decide(transfer, status=Transfer.Status.DECLINED, by=by, decline_reason=reason.strip())


def _still_open(transfer: Transfer, current: Allocation | None) -> dict[str, str]:
    if transfer.status != Transfer.Status.PROPOSED:
        return {"transfer": "This transfer has already been answered"}
    if current is None or current.team_id != transfer.from_team_id:
        return {"transfer": "The child is no longer held by the team that asked"}
    return {}


def _decide(transfer: Transfer, *, status: str, by, **fields) -> Transfer:
    before = snapshot(transfer)
    transfer.status = status
    transfer.decided_by = by
    for name, value in fields.items():
        setattr(transfer, name, value)
    transfer.full_clean()
    transfer.save()
    record_event(by=by, instance=transfer, child=transfer.child, changes=changes(before, transfer))
    transaction.on_commit(partial(notify.transfer_decided, transfer_id=transfer.pk))
    return transfer
