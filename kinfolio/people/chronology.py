from collections.abc import Iterator

from kinfolio.chronology.events import ChronologyEvent
from kinfolio.people.models import Person


def events(child: Person) -> Iterator[ChronologyEvent]:
    if child.date_of_birth:
        yield ChronologyEvent(child.date_of_birth, "Personal", "Born", significant=True)
    if child.date_of_death:
        yield ChronologyEvent(child.date_of_death, "Personal", "Died", significant=True)
    for address in child.addresses.all():
        yield ChronologyEvent(
            address.start_date,
            "Address",
            "Moved to a new address",
            str(address),
            source=f"people.address:{address.pk}",
        )
