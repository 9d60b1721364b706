"""Storing a new or changed record of a child's care with its change history: the last
step of every service here and in ``care_leavers`` once its rule has been checked."""

from django.db import models

from kinfolio.accounts.models import User
from kinfolio.audit.models import ChangeEvent
from kinfolio.audit.services.history import changes, record_event


def add(instance: models.Model, *, child, by: User) -> models.Model:
    """Check the new record's own rules (``full_clean``), save it and write its history.
    Call inside the service's transaction."""
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


def change(instance: models.Model, before: dict, *, child, by: User) -> models.Model:
    """Check and save a changed record; ``before`` is ``audit...snapshot`` taken before."""
    instance.full_clean()
    instance.save()
    record_event(by=by, instance=instance, child=child, changes=changes(before, instance))
    return instance
