"""Change history of case records, written by the service that makes the change.

A service snapshots the record before changing it, changes it, and calls::

    record_event(by=user, instance=plan, child=plan.child,
                 changes=changes(before, plan))

inside its own transaction, so the change and its history commit together.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models

from kinfolio.audit.models import ChangeEvent

# Bookkeeping fields that change on every save and say nothing about the case.
IGNORED_FIELDS = frozenset({"id", "created_at", "updated_at", "version"})


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old: str
    new: str


def snapshot(instance: models.Model) -> dict[str, Any]:
    """The record's field values as a person would read them, keyed by field name."""
    values: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if field.name in IGNORED_FIELDS:
            continue
        values[field.name] = _display(instance, field)
    return values


def _display(instance: models.Model, field: models.Field) -> str:
    raw = getattr(instance, field.attname)
    if raw is None or raw == "":
        return ""
    if field.choices:
        return f"{raw}: {instance._get_FIELD_display(field)}"
    if field.is_relation:
        related = getattr(instance, field.name, None)
        return str(related) if related is not None else str(raw)
    if isinstance(raw, bool):
        return "Yes" if raw else "No"
    return str(raw)


def _labels(source: Mapping[str, Any] | models.Model | None) -> dict[str, str]:
    if isinstance(source, models.Model):
        return {f.name: str(f.verbose_name) for f in source._meta.concrete_fields}
    return {}


def changes(
    before: Mapping[str, Any] | models.Model | None,
    after: Mapping[str, Any] | models.Model | None,
) -> list[FieldChange]:
    """The fields whose values differ between two snapshots (or model instances).

    ``before`` is None (or {}) for a new record: every set field is a change from
    nothing. ``after`` is None for a deleted record.
    """
    old = snapshot(before) if isinstance(before, models.Model) else dict(before or {})
    new = snapshot(after) if isinstance(after, models.Model) else dict(after or {})
    labels = _labels(after) or _labels(before)
    found = []
    for name in sorted(set(old) | set(new)):
        old_value, new_value = str(old.get(name) or ""), str(new.get(name) or "")
        if old_value != new_value:
            label = labels.get(name, name.replace("_", " "))
            found.append(FieldChange(name, label[:1].upper() + label[1:], old_value, new_value))
    return found


def record_event(
    *,
    by,
    instance: models.Model,
    changes: Iterable[FieldChange],
    child=None,
    kind: str = ChangeEvent.Kind.CHANGED,
) -> list[ChangeEvent]:
    """Write one history row per changed field. Call inside the service's transaction.

    A change to a child's record can start, stop or remove a deadline, so once the
    transaction commits the child's stored clocks are recomputed by the timescales
    engine (``timescales.services.refresh_clocks``)."""
    user = by if by is not None and getattr(by, "is_authenticated", False) else None
    meta = instance._meta
    version = getattr(instance, "version", None)  # see kinfolio.core.versions
    rows = [
        ChangeEvent(
            user=user,
            username=user.get_username() if user else "",
            kind=kind,
            model=meta.label_lower,
            object_id=str(instance.pk),
            object_label=f"{str(meta.verbose_name).capitalize()}: {instance}"[:200],
            child=child,
            field=change.field,
            field_label=change.label[:200],
            old_value=change.old,
            new_value=change.new,
            version=version,
        )
        for change in changes
    ]
    if child is not None:
        # Imported here: the engine reads every app's records, and they all import audit.
        from kinfolio.timescales.services import refresh_clocks_on_commit

        refresh_clocks_on_commit(child)
    return ChangeEvent.objects.bulk_create(rows)


# The history rows of a statutory return's import: one per child it created or matched,
# all under one import's ID (``object_id``), so that the import's children can be found
# again in the database (``imported_children``) without holding them in memory.
IMPORT_MODEL = "returns.import"


def record_import(*, by, import_id: str, child_ids: Iterable[int], source: str) -> None:
    """Write, in the import's transaction, that these children's records were imported
    from ``source`` (for example "SSDA903 return, episodes.csv and 6 more files")."""
    user = by if by is not None and getattr(by, "is_authenticated", False) else None
    ChangeEvent.objects.bulk_create(
        ChangeEvent(
            user=user,
            username=user.get_username() if user else "",
            kind=ChangeEvent.Kind.CHANGED,
            model=IMPORT_MODEL,
            object_id=import_id,
            object_label=f"Imported from {source}"[:200],
            child_id=child_id,
            field="import",
            field_label="Records imported from a statutory return",
            new_value=source,
        )
        for child_id in child_ids
    )


def imported_children(import_id: str):
    """The children one import recorded (``record_import``), as a query."""
    from kinfolio.people.models import Person

    rows = ChangeEvent.objects.filter(model=IMPORT_MODEL, object_id=import_id)
    return Person.objects.filter(pk__in=rows.values("child_id"))
