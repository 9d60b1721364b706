"""Allegations linked to a child. Not listed in ``chronology.selectors.PROVIDERS`` yet:
whether a child's chronology shows LADO work is a decision for the service."""

from collections.abc import Iterator

from kinfolio.chronology.events import ChronologyEvent
from kinfolio.lado.models import Allegation
from kinfolio.people.models import Person


def events(child: Person) -> Iterator[ChronologyEvent]:
    for a in Allegation.objects.filter(child=child):
        source = f"lado.allegation:{a.pk}"
        about = f"{a.subject_role}, {a.subject_employer}"
        yield ChronologyEvent(
            a.received_on,
            "LADO",
            "Allegation against a person working with children",
            about,
            significant=True,
            source=source,
        )
        if a.strategy_meeting_date:
            yield ChronologyEvent(
                a.strategy_meeting_date, "LADO", "LADO strategy meeting", source=source
            )
        if a.closed_on:
            yield ChronologyEvent(
                a.closed_on, "LADO", "Allegation closed", a.get_outcome_display(), source=source
            )
