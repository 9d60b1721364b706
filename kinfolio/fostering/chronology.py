"""Private fostering; placements with foster carers are in the children in care
chronology, with the episode that made them."""

from kinfolio.chronology.events import Lines
from kinfolio.fostering.models import PrivateFosteringArrangement

KIND = "Private fostering"


def _carer(arrangement: PrivateFosteringArrangement) -> str:
    return arrangement.carer_name


LINES = [
    Lines(
        KIND,
        PrivateFosteringArrangement,
        "notified_on",
        "Private fostering notified",
        _carer,
        reads=("carer_name",),
    ),
    Lines(
        KIND,
        PrivateFosteringArrangement,
        "start_date",
        "Privately fostered",
        _carer,
        significant=True,
        reads=("carer_name",),
    ),
    Lines(KIND, PrivateFosteringArrangement, "first_visit_on", "First visit"),
    Lines(
        KIND, PrivateFosteringArrangement, "end_date", "Private fostering ended", significant=True
    ),
]
