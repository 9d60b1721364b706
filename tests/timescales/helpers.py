import datetime as dt

from kinfolio.people.models import Person
from kinfolio.timescales.calendar import default_calendar
from kinfolio.timescales.selectors import clocks_for


def clocks_of(child, key: str, *, today: dt.date = dt.date(2026, 11, 25)) -> list:
    """The child's clocks of one rule as (started, due, stopped, status) in start order."""
    found = [
        c for c in clocks_for(Person.objects.filter(pk=child.pk), today=today) if c.rule.key == key
    ]
    return [
        (c.started_on, c.due_on, c.stopped_on, c.status(today, default_calendar()).value)
        for c in sorted(found, key=lambda c: c.started_on)
    ]
