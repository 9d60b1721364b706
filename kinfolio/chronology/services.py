"""Writes to the chronology: key events a worker adds by hand."""

import datetime as dt

from django.core.exceptions import ValidationError

from kinfolio.chronology.models import KeyEvent
from kinfolio.core.writes import create_record, refuse_future_dates
from kinfolio.people.models import Person
from kinfolio.workforce.models import Worker


def add_key_event(
    *,
    child: Person,
    event_date: dt.date | None,
    title: str,
    detail: str,
    significant: bool | None,
    by,
) -> KeyEvent:
    """A key event in the child's life that no other record holds (an exclusion from
    school, a bereavement, a court hearing), flagged significant or not."""
    errors = {}
    if event_date is None:
        errors["event_date"] = "Enter the date of the event"
    if not (title or "").strip():
        errors["title"] = "Enter what happened"
    if significant is None:
        errors["significant"] = "Select whether this is a significant event"
    if errors:
        raise ValidationError(errors)
    refuse_future_dates(event_date=event_date)
    worker = Worker.objects.filter(user=by).first()
    if worker is None:
        raise ValidationError("Only a member of staff with a worker record can add key events")
    event = KeyEvent(
        child=child,
        event_date=event_date,
        title=title.strip(),
        detail=(detail or "").strip(),
        significant=significant,
        recorded_by=worker,
    )
    return create_record(instance=event, by=by, child=child)
