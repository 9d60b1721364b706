"""School term dates: data an administrator keeps, from the council's published dates.

Personal education plan deadlines count school days and are reviewed termly, so they
can only be worked out while the term dates reach far enough. ``warning`` says so
ahead of time, while there are still weeks to add the next terms.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from kinfolio.accounts.models import User
from kinfolio.audit.models import ChangeEvent
from kinfolio.audit.services.history import changes, record_event
from kinfolio.timescales.models import SchoolTerm

WARN_WEEKS = 8  # about half a term: enough to find and enter the next year's dates


@dataclass(frozen=True)
class TermDatesWarning:
    last_day: dt.date | None
    message: str


def warning(today: dt.date) -> TermDatesWarning | None:
    """A warning when the recorded terms end within ``WARN_WEEKS`` of ``today``."""
    last = SchoolTerm.objects.order_by("-end_date").values_list("end_date", flat=True).first()
    if last is None:
        return TermDatesWarning(
            None, "No school term dates are recorded: PEP deadlines cannot be calculated."
        )
    if last >= today + dt.timedelta(weeks=WARN_WEEKS):
        return None
    when = "ended" if last < today else "end"
    return TermDatesWarning(
        last,
        f"School term dates {when} on {last:%-d %B %Y}. Add the terms that follow, or "
        "PEP deadlines after that day cannot be calculated.",
    )


def add_term(
    *,
    academic_year: str,
    term: str,
    name: str,
    start_date: dt.date,
    end_date: dt.date,
    by: User,
) -> SchoolTerm:
    """Add a term (or half-term); terms may not overlap, so no school day counts twice."""
    with transaction.atomic():
        clash = (
            SchoolTerm.objects.select_for_update()
            .filter(start_date__lte=end_date, end_date__gte=start_date)
            .first()
        )
        if clash:
            raise ValidationError(
                {
                    "start_date": f"These dates overlap {clash} ({clash.start_date:%-d %B %Y} "
                    f"to {clash.end_date:%-d %B %Y})"
                }
            )
        row = SchoolTerm(
            academic_year=academic_year,
            term=term,
            name=name,
            start_date=start_date,
            end_date=end_date,
        )
        row.full_clean()
        row.save()
        record_event(by=by, instance=row, changes=changes(None, row), kind=ChangeEvent.Kind.CREATED)
    return row
