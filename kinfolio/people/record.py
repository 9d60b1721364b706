"""The child's record: its sections (the sub navigation) and the "what needs doing"
panel, whose actions each app contributes.

Each app that suggests next actions on a child's record has ``<app>/next_actions.py``
with ``next_actions(child, user) -> list[NextAction]``, listed in ``PROVIDERS`` below.
The child comes from ``record_child``: what it knows (its open records,
``child.open_cin_episode``, ``open_cp_plan``, ``open_period``...; whether an adoption
plan or a private fostering arrangement was ever recorded) a provider reads without a
query, rather than reading it again. A provider runs a fixed number of queries (never
one per event) and offers only what the user may do (check ``has_permission``); its
buttons lead to recording pages.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils.module_loading import import_string

from kinfolio.accounts.models import User
from kinfolio.adoption.models import AdoptionPlan
from kinfolio.fostering.models import PrivateFosteringArrangement
from kinfolio.journey.status import first_with_open_records
from kinfolio.people.models import Person

# (url name, label): the record's sections in the order the sub navigation shows them.
SECTIONS = [
    ("people:child", "Summary"),
    ("people:child-chronology", "Chronology"),
    ("people:child-plans", "Plans and meetings"),
    ("people:child-visits", "Visits"),
    ("people:child-documents", "Notes and documents"),
    ("people:child-deadlines", "Deadlines"),
    ("people:child-history", "History"),
]

PROVIDERS = [
    "kinfolio.timescales.next_actions.next_actions",
    "kinfolio.casework.next_actions.next_actions",
    "kinfolio.workforce.next_actions.next_actions",
    "kinfolio.protection.next_actions.next_actions",
    "kinfolio.children_in_care.next_actions.next_actions",
    "kinfolio.fostering.next_actions.next_actions",
    "kinfolio.early_help.next_actions.next_actions",
]


@dataclass(frozen=True)
class NextAction:
    """One button in the "what needs doing" panel."""

    label: str  # what the button does: "Add a case note"
    url: str
    reason: str = ""  # why now: "The visit was due on 3 May"
    urgent: bool = False  # shown first, as a warning button


def sub_navigation(child: Person, current: str) -> list[dict]:
    return [
        {"label": label, "url": reverse(name, args=[child.local_id]), "current": name == current}
        for name, label in SECTIONS
    ]


@cache
def providers() -> tuple[Callable[[Person, User], list[NextAction]], ...]:
    return tuple(import_string(path) for path in PROVIDERS)


def record_child(children: QuerySet[Person], local_id: str) -> Person | None:
    """The child with this ID among ``children`` (None if not among them) as the record's
    header and providers read them, in the one query that fetches them: their open records
    (``journey.status.first_with_open_records``), and whether an adoption plan or a
    private fostering arrangement was ever recorded."""
    return first_with_open_records(
        children.filter(local_id=local_id).annotate(
            has_adoption_plan=Exists(AdoptionPlan.objects.filter(child=OuterRef("pk"))),
            privately_fostered=Exists(
                PrivateFosteringArrangement.objects.filter(child=OuterRef("pk"))
            ),
        )
    )


def next_actions_for(child: Person, user: User) -> list[NextAction]:
    """Every app's suggestions for a child from ``record_child``, urgent ones first."""
    actions = [action for provider in providers() for action in provider(child, user)]
    return sorted(actions, key=lambda action: not action.urgent)
