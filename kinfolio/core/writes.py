"""The two shapes of a write every recording service shares, so each service says only
its rule: a new record, and an edit of one the user opened at a version.

Both validate the row (``full_clean``: the model's constraints and cross-row checks),
save it and write its change history inside one transaction, so a refusal writes
nothing and leaves no history row.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from kinfolio.audit.models import ChangeEvent
from kinfolio.audit.services.history import changes, record_event, snapshot
from kinfolio.core.versions import guard_version
from kinfolio.core.voice import validate_childs_voice

M = TypeVar("M", bound=models.Model)


def create_record(*, instance: M, by, child=None) -> M:
    """Validate and save a new record with its history; call inside the service's
    transaction when it writes more than one row."""
    with transaction.atomic():
        instance.full_clean()
        instance.save()
        record_event(
            by=by,
            instance=instance,
            child=child,
            changes=changes(None, instance),
            kind=ChangeEvent.Kind.CREATED,
        )
    return instance


@contextmanager
def edit_record(*, instance: M, by, opened_version: int | None = None, child=None) -> Iterator[M]:
    """Lock the record's row, refuse a stale edit, let the caller change the locked
    copy, then validate, save and record what changed::

        with edit_record(instance=plan, by=user, opened_version=v, child=plan.child) as row:
            row.end_date = day
    """
    with transaction.atomic():
        row = type(instance).objects.select_for_update().get(pk=instance.pk)
        before = snapshot(row)
        if hasattr(row, "version"):
            guard_version(instance=row, opened_version=opened_version)
        yield row
        row.full_clean()
        row.save()
        record_event(by=by, instance=row, child=child, changes=changes(before, row))
    # The caller's object shows the saved state too.
    instance.__dict__.update(
        {f.attname: getattr(row, f.attname) for f in row._meta.concrete_fields}
    )


def refuse_future_dates(**dates) -> None:
    """Refuse dates after today (a record says what happened): field name → date."""
    today = timezone.localdate()
    errors = {
        field: "The date must be today or in the past"
        for field, day in dates.items()
        if day is not None and day > today
    }
    if errors:
        raise ValidationError(errors)


def delete_record(*, instance: models.Model, by, child=None) -> None:
    """Delete a record and keep what it held in the change history."""
    with transaction.atomic():
        record_event(
            by=by,
            instance=instance,
            child=child,
            changes=changes(instance, None),
            kind=ChangeEvent.Kind.DELETED,
        )
        instance.delete()


def set_childs_voice(
    record,
    *,
    childs_views: str,
    childs_views_not_recorded_code: str,
    childs_views_not_recorded_reason: str,
) -> None:
    """Validate the child's voice (``kinfolio.core.voice``) and put it on the record:
    their views, or the reason and explanation when there are none (never both)."""
    validate_childs_voice(
        views=childs_views,
        not_recorded_code=childs_views_not_recorded_code,
        not_recorded_reason=childs_views_not_recorded_reason,
    )
    record.childs_views = childs_views.strip()
    recorded = bool(record.childs_views)
    record.childs_views_not_recorded_code = "" if recorded else childs_views_not_recorded_code
    record.childs_views_not_recorded_reason = (
        "" if recorded else childs_views_not_recorded_reason.strip()
    )
