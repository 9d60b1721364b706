"""Who holds a child: allocate, reallocate and end an allocation; a worker leaving.

A child has one open allocation per role. Allocating a worker to a child who already
has one in that role ends the old allocation the day the new one starts, so the
history (and the SSDA903 social worker episodes read from it) has no gap and no overlap.
A child placed with a team but with no named worker has an open allocation with no
worker: they are on the team's "waiting for a worker" list.
"""

import datetime as dt
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction

from kinfolio import codesets
from kinfolio.audit.models import ChangeEvent
from kinfolio.audit.services import changes, record_event, snapshot
from kinfolio.timescales.services import refresh_held_by_on_commit
from kinfolio.workforce.models import Allocation, Team, Worker
from kinfolio.workforce.services import notify

SOCIAL_WORKER = "social_worker"


def current_allocation(*, child, role: str = SOCIAL_WORKER, lock: bool = False):
    rows = Allocation.objects.filter(child=child, role=role, end_date__isnull=True)
    if lock:  # only the allocation: its worker is a nullable (outer) join
        rows = rows.select_for_update(of=("self",))
    return rows.select_related("team", "worker").first()


def worker_problem(worker: Worker, *, team: Team, on: dt.date) -> str:
    """Why this worker cannot take a child in this team on this date ("" when they can)."""
    if worker.team_id != team.pk:
        return f"Choose a worker in {team}"
    if worker.start_date > on or (worker.end_date is not None and worker.end_date <= on):
        return f"{worker} is not in post on {on:%-d %B %Y}"
    return ""


@transaction.atomic
def allocate(
    *,
    child,
    team: Team,
    start_date: dt.date,
    worker: Worker | None = None,
    change_reason: str = "",
    note: str = "",
    role: str = SOCIAL_WORKER,
    by,
) -> Allocation:
    """Allocate the child to ``worker`` in ``team`` from ``start_date`` (or, with no
    worker, place them with the team to wait for one), ending the child's current
    allocation in that role on the same day. A named social worker needs the SSDA903
    reason for the change (``codesets.SOCIAL_WORKER_CHANGE_REASON``)."""
    current = current_allocation(child=child, role=role, lock=True)
    errors: dict[str, str] = {}
    if current is not None and current.team_id != team.pk:
        errors["team"] = f"{current.team} holds this child: transfer them to {team} instead"
    elif current is not None and start_date < current.start_date:
        errors["start_date"] = (
            f"The allocation must start on or after {current.start_date:%-d %B %Y}, "
            "when the current one began"
        )
    if worker is not None:
        problem = worker_problem(worker, team=team, on=start_date)
        if problem:
            errors["worker"] = problem
        elif current is not None and current.worker_id == worker.pk:
            errors["worker"] = f"{worker} already holds this child"
        if role == SOCIAL_WORKER and not change_reason:
            errors["change_reason"] = "Choose the reason for the change of social worker"
    elif current is not None and current.worker_id is None:
        errors["worker"] = "Choose a worker: the child is already waiting in this team"
    if change_reason and change_reason not in codesets.SOCIAL_WORKER_CHANGE_REASON:
        errors["change_reason"] = "Choose a reason from the list"
    if errors:
        raise ValidationError(errors)
    if current is not None:
        _close(current, end_date=start_date, reason=note or "Allocated to another worker", by=by)
    allocation = Allocation(
        child=child,
        role=role,
        team=team,
        worker=worker,
        start_date=start_date,
        change_reason=change_reason if worker is not None else "",
        reason_note=note.strip(),
        allocated_by=by,
    )
    allocation.full_clean()
    allocation.save()
    record_event(
        by=by,
        instance=allocation,
        child=child,
        changes=changes(None, allocation),
        kind=ChangeEvent.Kind.CREATED,
    )
    if worker is not None:
        transaction.on_commit(partial(notify.allocated, allocation_id=allocation.pk))
    return allocation


@transaction.atomic
def end_allocation(
    *,
    allocation: Allocation,
    end_date: dt.date,
    reason: str,
    keep_with_team: bool = False,
    by,
) -> Allocation | None:
    """End an allocation with a reason. With ``keep_with_team`` the child stays with the
    team, waiting for a new worker (the new open allocation is returned)."""
    allocation = Allocation.objects.select_for_update().get(pk=allocation.pk)
    errors: dict[str, str] = {}
    if allocation.end_date is not None:
        errors["end_date"] = "This allocation has already ended"
    elif end_date < allocation.start_date:
        errors["end_date"] = (
            f"The end date must be on or after {allocation.start_date:%-d %B %Y}, "
            "when the allocation began"
        )
    if not reason.strip():
        errors["reason"] = "Enter why the allocation is ending"
    if keep_with_team and allocation.worker_id is None:
        errors["keep_with_team"] = "The child is already waiting in this team"
    if errors:
        raise ValidationError(errors)
    _close(allocation, end_date=end_date, reason=reason, by=by)
    if not keep_with_team:
        return None
    waiting = Allocation(
        child=allocation.child,
        role=allocation.role,
        team=allocation.team,
        start_date=end_date,
        reason_note=reason.strip(),
        allocated_by=by,
    )
    waiting.full_clean()
    waiting.save()
    record_event(
        by=by,
        instance=waiting,
        child=allocation.child,
        changes=changes(None, waiting),
        kind=ChangeEvent.Kind.CREATED,
    )
    return waiting


def _close(allocation: Allocation, *, end_date: dt.date, reason: str, by) -> None:
    before = snapshot(allocation)
    allocation.end_date = end_date
    allocation.end_reason = reason.strip()
    allocation.full_clean()
    allocation.save(update_fields=["end_date", "end_reason", "updated_at"])
    record_event(
        by=by, instance=allocation, child=allocation.child, changes=changes(before, allocation)
    )


@transaction.atomic
def record_leaving_date(*, worker: Worker, end_date: dt.date, by) -> Worker:
    """Record the day a worker leaves (their last day in post). The children they hold
    then appear on their reallocation list until each has another worker; after that
    day their deadlines are held by the team (a leaving date already passed hands them
    over when this commits, a later one in the daily ``refresh_clocks``)."""
    worker = Worker.objects.select_for_update().get(pk=worker.pk)
    if end_date < worker.start_date:
        raise ValidationError(
            {"end_date": f"The leaving date must be after {worker.start_date:%-d %B %Y}"}
        )
    later = Allocation.objects.filter(worker=worker, start_date__gt=end_date)
    if later.exists():
        raise ValidationError(
            {"end_date": "They hold children from after that date: end those allocations first"}
        )
    before = snapshot(worker)
    worker.end_date = end_date
    worker.full_clean()
    worker.save(update_fields=["end_date", "updated_at"])
    record_event(by=by, instance=worker, changes=changes(before, worker))
    refresh_held_by_on_commit(worker)
    transaction.on_commit(partial(notify.worker_leaving, worker_id=worker.pk))
    return worker
