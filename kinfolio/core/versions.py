"""No lost update: a save over a newer version of a record is refused, not applied.

A form carries the version the user opened (a hidden field). The service, inside its
transaction and holding the row (``select_for_update``), calls
``guard_version(instance=…, opened_version=…)`` before changing anything: when someone
saved a newer version meanwhile it raises ``StaleRecord``, which lists what they
changed (from the change history), so the page can show it and keep the user's text.
Otherwise it moves the record to its next version, saved with the service's change.
"""

from django.core.exceptions import ValidationError
from django.db import models

from kinfolio.audit.models import ChangeEvent


class StaleRecord(ValidationError):
    """Someone saved this record after the user opened it."""

    def __init__(self, *, instance: models.Model, opened_version: int) -> None:
        self.instance = instance
        self.opened_version = opened_version
        self.changes = list(
            ChangeEvent.objects.filter(
                model=instance._meta.label_lower,
                object_id=str(instance.pk),
                version__gt=opened_version,
            ).order_by("at", "pk")
        )
        who = {c.username for c in self.changes if c.username}
        by = f" by {', '.join(sorted(who))}" if who else ""
        super().__init__(
            f"This record was changed{by} after you opened it. Your changes have not been "
            "saved: check what changed, then save again.",
            code="stale",
        )


def guard_version(*, instance: models.Model, opened_version: int | None) -> None:
    """Refuse a save based on an older version; otherwise step the version on."""
    if opened_version is not None and opened_version != instance.version:
        raise StaleRecord(instance=instance, opened_version=opened_version)
    instance.version += 1
