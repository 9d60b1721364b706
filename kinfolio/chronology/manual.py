"""Key events that workers add to the chronology by hand."""

from collections.abc import Iterator

from kinfolio.chronology.events import ChronologyEvent
from kinfolio.chronology.models import KeyEvent
from kinfolio.people.models import Person


def events(child: Person) -> Iterator[ChronologyEvent]:
    for event in KeyEvent.objects.filter(child=child):
        yield ChronologyEvent(
            event.event_date,
            "Key event",
            event.title,
            event.detail,
            significant=event.significant,
            source=f"chronology.keyevent:{event.pk}",
        )
