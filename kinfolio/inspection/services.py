"""Writes for action plans: owners, actions with due dates from the published
timescale, progress updates and evidence. Each records its change history."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolio.accounts.models import User
from kinfolio.accounts.permissions import Permission, has_permission
from kinfolio.audit.models import ChangeEvent
from kinfolio.audit.services import changes, record_event, snapshot
from kinfolio.inspection.models import (
    Action,
    EvidenceLink,
    Inspection,
    ProgressUpdate,
    Recommendation,
    Timescale,
)

# How long each published timescale allows, counted from the inspection date.
# "Immediately" is due on the inspection date itself; the longer term and the 2010
# letter's areas for development carry no timescale, so the owner sets a date.
TIMESCALE_LENGTH = {
    Timescale.IMMEDIATELY: relativedelta(),
    Timescale.THREE_MONTHS: relativedelta(months=3),
    Timescale.SIX_MONTHS: relativedelta(months=6),
}


def due_date(*, inspection: Inspection, timescale: str) -> date | None:
    """The date a published timescale ends, or None when it sets none (or the
    inspection's date is not known)."""
    length = TIMESCALE_LENGTH.get(timescale)
    if length is None or inspection.reference_date is None:
        return None
    return inspection.reference_date + length


def _require_manager(by: User) -> None:
    if not has_permission(by, Permission.MANAGE_ACTION_PLANS):
        raise ValidationError("You cannot change action plans")


@transaction.atomic
def assign_owner(*, recommendation: Recommendation, owner: User, by: User) -> Recommendation:
    _require_manager(by)
    before = snapshot(recommendation)
    recommendation.owner = owner
    recommendation.save(update_fields=["owner"])
    record_event(by=by, instance=recommendation, changes=changes(before, recommendation))
    return recommendation


@transaction.atomic
def add_action(
    *,
    recommendation: Recommendation,
    description: str,
    owner: User,
    by: User,
    due_on: date | None = None,
) -> Action:
    """An action due by the published timescale; an earlier date may be chosen, a later
    one may not. Where no timescale was published the due date must be given."""
    _require_manager(by)
    latest = due_date(inspection=recommendation.inspection, timescale=recommendation.timescale)
    if due_on is None and latest is None:
        raise ValidationError({"due_on": "Enter the date the action is due"})
    if due_on is not None and latest is not None and due_on > latest:
        raise ValidationError(
            {
                "due_on": f"The due date must be on or before {latest:%-d %B %Y}, "
                f"the end of the published timescale"
            }
        )
    action = Action.objects.create(
        recommendation=recommendation,
        description=description,
        owner=owner,
        due_on=due_on or latest,
    )
    record_event(
        by=by, instance=action, changes=changes(None, action), kind=ChangeEvent.Kind.CREATED
    )
    return action


@transaction.atomic
def record_progress(*, action: Action, note: str, status: str, by: User) -> ProgressUpdate:
    """A progress note from the action's owner or a manager; completing stamps today."""
    if action.owner_id != by.pk:
        _require_manager(by)
    if not note.strip():
        raise ValidationError({"note": "Enter what has been done"})
    before = snapshot(action)
    action.status = status
    action.completed_on = (
        (action.completed_on or timezone.localdate()) if status == Action.Status.COMPLETE else None
    )
    action.save(update_fields=["status", "completed_on"])
    update = ProgressUpdate.objects.create(action=action, note=note, status=status, written_by=by)
    record_event(by=by, instance=action, changes=changes(before, action))
    return update


@transaction.atomic
def add_evidence(
    *, action: Action, kind: str, title: str, reference: str, by: User
) -> EvidenceLink:
    if action.owner_id != by.pk:
        _require_manager(by)
    link = EvidenceLink.objects.create(
        action=action, kind=kind, title=title, reference=reference, added_by=by
    )
    record_event(by=by, instance=link, changes=changes(None, link), kind=ChangeEvent.Kind.CREATED)
    return link
