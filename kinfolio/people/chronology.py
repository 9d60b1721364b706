from kinfolio.chronology.events import Lines
from kinfolio.people.models import Address, Person

LINES = [
    Lines("Personal", Person, "date_of_birth", "Born", significant=True, child="pk", links=None),
    Lines("Personal", Person, "date_of_death", "Died", significant=True, child="pk", links=None),
    Lines(
        "Address",
        Address,
        "start_date",
        "Moved to a new address",
        str,
        reads=("line_1", "town", "postcode"),
        child="person",
    ),
]
