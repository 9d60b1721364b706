"""The shape of one line in a child's chronology."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class ChronologyEvent:
    """Something that happened in a child's life or in the work with them.

    ``kind`` groups events for filtering ("Referral", "Assessment", "Placement"...);
    ``source`` names the record it came from so the line links back to it.
    """

    date: date
    kind: str
    title: str
    detail: str = ""
    significant: bool = False
    source: str = ""
