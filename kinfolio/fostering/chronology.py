from collections.abc import Iterator

from kinfolio.chronology.events import ChronologyEvent
from kinfolio.fostering.models import PrivateFosteringArrangement
from kinfolio.people.models import Person


def events(child: Person) -> Iterator[ChronologyEvent]:
    """Private fostering; placements with foster carers are in the children in care
    chronology, with the episode that made them."""
    for a in PrivateFosteringArrangement.objects.filter(child=child):
        source = f"fostering.privatefosteringarrangement:{a.pk}"
        yield ChronologyEvent(
            a.notified_on,
            "Private fostering",
            "Private fostering notified",
            a.carer_name,
            source=source,
        )
        yield ChronologyEvent(
            a.start_date,
            "Private fostering",
            "Privately fostered",
            a.carer_name,
            significant=True,
            source=source,
        )
        if a.first_visit_on:
            yield ChronologyEvent(
                a.first_visit_on, "Private fostering", "First visit", source=source
            )
        if a.end_date:
            yield ChronologyEvent(
                a.end_date,
                "Private fostering",
                "Private fostering ended",
                significant=True,
                source=source,
            )
