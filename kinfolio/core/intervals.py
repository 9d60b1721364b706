"""Date intervals for ``clean()``: the same half-open rule as ``core.invariants.overlapping``.

A period is [start, end): one may end on the day the next begins, as SSDA903 episodes
do; an open period (no end) runs for ever. The invariants prove the whole history; these
helpers let a model's ``clean()`` refuse one row before it is written.
"""

from datetime import date

from django.db.models import Q, QuerySet


def overlapping_rows(
    rows: QuerySet,
    *,
    start: date,
    end: date | None,
    exclude_pk=None,
    start_field: str = "start_date",
    end_field: str = "end_date",
) -> QuerySet:
    """The rows of ``rows`` whose period overlaps [start, end)."""
    found = rows.filter(Q(**{f"{end_field}__isnull": True}) | Q(**{f"{end_field}__gt": start}))
    if end is not None:
        found = found.filter(**{f"{start_field}__lt": end})
    if exclude_pk is not None:
        found = found.exclude(pk=exclude_pk)
    return found


def covers(start: date, end: date | None, day: date) -> bool:
    """Whether ``day`` falls in the closed period [start, end] (open end: for ever)."""
    return start <= day and (end is None or day <= end)
