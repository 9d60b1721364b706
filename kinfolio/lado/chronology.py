"""Allegations linked to a child."""

from kinfolio.chronology.events import Lines
from kinfolio.lado.models import Allegation

LINES = [
    Lines(
        "LADO",
        Allegation,
        "received_on",
        "Allegation against a person working with children",
        lambda a: f"{a.subject_role}, {a.subject_employer}",
        significant=True,
        reads=("subject_role", "subject_employer"),
    ),
    Lines("LADO", Allegation, "strategy_meeting_date", "LADO strategy meeting"),
    Lines(
        "LADO",
        Allegation,
        "closed_on",
        "Allegation closed",
        lambda a: a.get_outcome_display(),
        reads=("outcome",),
    ),
]
