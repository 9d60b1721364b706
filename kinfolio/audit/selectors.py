"""Reads for the audit app: history and access for one child."""

from django.db.models import QuerySet

from kinfolio.audit.models import AccessLogEntry, ChangeEvent
from kinfolio.people.models import Person

HISTORY_LIMIT = 50
ACCESS_LIMIT = 500


def change_history_for(child: Person, *, limit: int = HISTORY_LIMIT) -> list[ChangeEvent]:
    """The newest field changes to the child's case records, newest first."""
    return list(ChangeEvent.objects.filter(child=child).select_related("user")[:limit])


def access_log_for(child: Person, *, limit: int = ACCESS_LIMIT) -> QuerySet[AccessLogEntry]:
    """Who opened this child's record, when and why, newest first."""
    return (
        AccessLogEntry.objects.filter(child=child)
        .select_related("user")
        .order_by("-sequence")[:limit]
    )


def any_child(local_id: str) -> QuerySet[Person]:
    """A child by ID whatever their restriction: only for the DPO's access pages."""
    return Person.objects.filter(is_child_subject=True, local_id=local_id)


def any_person(local_id: str) -> QuerySet[Person]:
    """Anyone by Kinfolio ID, child or adult, restricted or not: only for the DPO's
    subject access pages."""
    return Person.objects.filter(local_id=local_id)
