"""Writes to plans: progress on a commitment."""

from django.core.exceptions import ValidationError
from django.db import transaction

from kinfolio.audit.models import ChangeEvent
from kinfolio.audit.services.history import changes, record_event, snapshot
from kinfolio.performance.models import (
    Commentary,
    Commitment,
    CommitmentStatus,
    CommitmentUpdate,
)


def record_progress(
    *, commitment: Commitment, status: str, note: str, evidence: str = "", by
) -> CommitmentUpdate:
    """Record what was done on a commitment and move it to ``status``. A commitment
    marked done needs evidence of it."""
    if status not in CommitmentStatus.values:
        raise ValidationError({"status": "Choose the status"})
    if not note.strip():
        raise ValidationError({"note": "Enter what has been done"})
    if status == CommitmentStatus.DONE and not evidence.strip():
        raise ValidationError({"evidence": "Enter the evidence that the commitment is done"})
    with transaction.atomic():
        before = snapshot(commitment)
        commitment.status = status
        commitment.save(update_fields=["status", "updated_at"])
        update = CommitmentUpdate.objects.create(
            commitment=commitment, status=status, note=note, evidence=evidence, written_by=by
        )
        record_event(
            by=by, instance=update, changes=changes(None, update), kind=ChangeEvent.Kind.CREATED
        )
        record_event(by=by, instance=commitment, changes=changes(before, commitment))
    return update


def add_commentary(*, indicator_id: str, period: str, text: str, by) -> Commentary:
    """A manager's commentary on an indicator's figure for a period."""
    if not text.strip():
        raise ValidationError({"text": "Enter your commentary"})
    with transaction.atomic():
        found = Commentary.objects.create(
            indicator_id=indicator_id, period=period, text=text.strip(), written_by=by
        )
        record_event(
            by=by, instance=found, changes=changes(None, found), kind=ChangeEvent.Kind.CREATED
        )
    return found
