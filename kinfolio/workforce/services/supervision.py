"""Management oversight: supervision sessions with a decision for each child discussed,
and a manager's direction on a child's case. Both are kept on the child's record and
chronology (``workforce.chronology``)."""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolio.audit.models import ChangeEvent
from kinfolio.audit.services import changes, record_event
from kinfolio.people.models import Person
from kinfolio.workforce.models import (
    Allocation,
    CaseDirection,
    SupervisionDecision,
    SupervisionSession,
    Worker,
)


@dataclass(frozen=True)
class CaseDecision:
    """What was decided about one child in a supervision (the input for one row)."""

    child: Person
    decision: str
    actions: str = ""
    actions_due: dt.date | None = None


def _manager_of(by) -> Worker:
    worker = getattr(by, "worker", None)
    if worker is None:
        raise ValidationError("Only a member of staff with a worker record can record this")
    return worker


@transaction.atomic
def record_supervision(
    *,
    worker: Worker,
    held_on: dt.date,
    decisions: list[CaseDecision],
    notes: str = "",
    by,
) -> SupervisionSession:
    """Record a supervision of ``worker`` held by the acting manager, with a decision
    for each child discussed (children the worker holds or held)."""
    supervisor = _manager_of(by)
    errors: dict[str, str] = {}
    if held_on > timezone.localdate():
        errors["held_on"] = "The date of the supervision must be today or in the past"
    if supervisor.pk == worker.pk:
        errors["worker"] = "You cannot record your own supervision"
    if not decisions and not notes.strip():
        errors["notes"] = "Enter what was discussed, or a decision for a child"
    if any(not d.decision.strip() for d in decisions):
        errors["decision"] = "Enter the decision for each child discussed"
    held = set(
        Allocation.objects.filter(
            worker=worker, child__in=[d.child.pk for d in decisions]
        ).values_list("child_id", flat=True)
    )
    if any(d.child.pk not in held for d in decisions):
        errors["decision"] = "Choose only children this worker holds or has held"
    if errors:
        raise ValidationError(errors)
    session = SupervisionSession(
        worker=worker, supervisor=supervisor, held_on=held_on, notes=notes.strip()
    )
    session.full_clean()
    session.save()
    record_event(
        by=by, instance=session, changes=changes(None, session), kind=ChangeEvent.Kind.CREATED
    )
    for case in decisions:
        row = SupervisionDecision(
            session=session,
            child=case.child,
            decision=case.decision.strip(),
            actions=case.actions.strip(),
            actions_due=case.actions_due,
        )
        row.full_clean()
        row.save()
        record_event(
            by=by,
            instance=row,
            child=case.child,
            changes=changes(None, row),
            kind=ChangeEvent.Kind.CREATED,
        )
    return session


@transaction.atomic
def record_case_direction(
    *,
    child: Person,
    direction: str,
    given_on: dt.date | None = None,
    review_by: dt.date | None = None,
    by,
) -> CaseDirection:
    """A manager's direction on the child's case, on the child's file."""
    given_on = given_on or timezone.localdate()
    errors: dict[str, str] = {}
    if not direction.strip():
        errors["direction"] = "Enter the direction"
    if given_on > timezone.localdate():
        errors["given_on"] = "The date of the direction must be today or in the past"
    if review_by is not None and review_by < given_on:
        errors["review_by"] = "The review date must be on or after the date of the direction"
    if errors:
        raise ValidationError(errors)
    row = CaseDirection(
        child=child,
        given_by=_manager_of(by),
        given_on=given_on,
        direction=direction.strip(),
        review_by=review_by,
    )
    row.full_clean()
    row.save()
    record_event(
        by=by, instance=row, child=child, changes=changes(None, row), kind=ChangeEvent.Kind.CREATED
    )
    return row
