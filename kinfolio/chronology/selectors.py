"""A child's chronology, assembled from every record about them.

Each domain app describes its own events in ``<app>/chronology.py`` as a function
``events(child) -> Iterable[ChronologyEvent]``; this module lists those providers
explicitly so a newcomer can see every source in one place.
"""

from collections.abc import Callable, Iterable
from functools import cache

from django.utils.module_loading import import_string

from kinfolio.chronology.events import ChronologyEvent
from kinfolio.people.models import Person

PROVIDERS = [
    "kinfolio.people.chronology.events",
    "kinfolio.workforce.chronology.events",
    "kinfolio.front_door.chronology.events",
    "kinfolio.early_help.chronology.events",
    "kinfolio.referrals.chronology.events",
    "kinfolio.assessments.chronology.events",
    "kinfolio.protection.chronology.events",
    "kinfolio.children_in_care.chronology.events",
    "kinfolio.care_leavers.chronology.events",
    "kinfolio.adoption.chronology.events",
    "kinfolio.fostering.chronology.events",
    "kinfolio.casework.chronology.events",
    "kinfolio.lado.chronology.events",
    "kinfolio.chronology.manual.events",
]


@cache
def providers() -> tuple[Callable[[Person], Iterable[ChronologyEvent]], ...]:
    return tuple(import_string(path) for path in PROVIDERS)


def chronology_for(child: Person, *, kinds: Iterable[str] | None = None) -> list[ChronologyEvent]:
    """Every event about a child, newest first, optionally only of some kinds."""
    wanted = set(kinds) if kinds else None
    events = [
        event
        for provider in providers()
        for event in provider(child)
        if wanted is None or event.kind in wanted
    ]
    return sorted(events, key=lambda e: (e.date, e.kind), reverse=True)
