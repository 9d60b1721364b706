"""The child's record: its sections (the sub navigation), its summary (``summary_of``)
and the "what needs doing" panel, whose actions each app contributes.

Each app that suggests next actions on a child's record has ``<app>/next_actions.py``
with ``next_actions(child, user) -> list[NextAction]``, listed in ``PROVIDERS`` below.
The child comes from ``record_child``: what it knows (its open records,
``child.open_cin_episode``, ``open_cp_plan``, ``open_period``...; whether an adoption
plan or a private fostering arrangement was ever recorded) a provider reads without a
query, rather than reading it again; what else it needs of one record, it may have read
with the child (``READ_WITH_CHILD`` in its module, ``reads_with_child``). A provider
runs a fixed number of queries (never one per event) and offers only what the user may
do (check ``has_permission``); its buttons lead to recording pages.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import import_module

from django.db.models import Exists, IntegerField, OuterRef, QuerySet
from django.urls import reverse
from django.utils.module_loading import import_string

from kinfolio.accounts.models import User
from kinfolio.adoption.models import AdoptionPlan
from kinfolio.core.queries import Prepared, Slot, first_as_json, from_json
from kinfolio.fostering.models import PrivateFosteringArrangement
from kinfolio.journey.status import OPEN_RECORDS, READ_WITH_CHILD, current_status, open_records
from kinfolio.people.models import Person
from kinfolio.people.selectors import child_visible_to, family_and_network
from kinfolio.quality_assurance.models import AuditAction
from kinfolio.quality_assurance.selectors import audit_actions_for
from kinfolio.returns.models import ReturnIssue
from kinfolio.returns.selectors import child_data_quality
from kinfolio.workforce.models import Allocation, CaseDirection, SupervisionDecision
from kinfolio.workforce.team_selectors import oversight_for

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


# What the summary reads only for a child who has some (many have none of these): each
# read skipped is a query fewer on the page opened most.
_HAS = {
    "has_supervision_decisions": SupervisionDecision.objects.all(),
    "has_case_directions": CaseDirection.objects.all(),
    "has_audit_actions": AuditAction.objects.filter(done_on__isnull=True),
    "has_return_issues": ReturnIssue.objects.all(),
}


# The child's open records, and their current address: one per person in the database
# ("one_current_address_per_person"), so it is read the same way.
_OPEN = {**OPEN_RECORDS, "current_address": ("addresses", "end_date")}


def record_child(user: User, local_id: str) -> Person | None:
    """The child with this ID if the user may see them (None otherwise), as the record's
    header, providers and summary read them, in the one query that fetches them
    (``child_visible_to``): the records read with the child (``reads_with_child``),
    whether an adoption plan or a private fostering arrangement was ever recorded, and
    whether they have any of what the summary lists only when there is some
    (``has_...``, ``summary_of``)."""
    child = child_visible_to(user, local_id, _record_reads)
    for name, rows in reads_with_child().items() if child is not None else ():
        setattr(child, name, from_json(rows.model, getattr(child, name)))
    return child


@cache
def reads_with_child() -> dict[str, QuerySet]:
    """What the record reads with the child, by the name it has on the child: the first
    of each of these rows (they name the child as ``OuterRef("pk")``), or None. The
    child's open records (``journey.status.open_records``), current address and current
    care episode, and what each provider reads (its module's ``READ_WITH_CHILD``): each
    a subquery of the one query, rather than a query of its own."""
    reads = {**open_records(_OPEN), **READ_WITH_CHILD}
    for path in PROVIDERS:
        module = import_module(path.rpartition(".")[0])
        reads.update(getattr(module, "READ_WITH_CHILD", {}))
    return reads


def _record_reads(children: QuerySet[Person]) -> QuerySet[Person]:
    return children.annotate(
        has_adoption_plan=Exists(AdoptionPlan.objects.filter(child=OuterRef("pk"))),
        privately_fostered=Exists(PrivateFosteringArrangement.objects.filter(child=OuterRef("pk"))),
        **{name: Exists(rows.filter(child=OuterRef("pk"))) for name, rows in _HAS.items()},
        **{name: first_as_json(rows) for name, rows in reads_with_child().items()},
    )


_open_allocations = Prepared(
    lambda: Allocation.objects.filter(
        child=Slot("child", IntegerField()), end_date__isnull=True
    ).select_related("worker", "team")
)


def summary_of(child: Person, user: User) -> dict:
    """What the record's summary shows of a child from ``record_child``, beyond the
    header: what needs doing, status, family, allocations, management
    oversight, case file audit actions and data quality issues."""
    oversight = {"decisions": [], "directions": []}
    if child.has_supervision_decisions or child.has_case_directions:
        oversight = oversight_for(child)
    return {
        "next_actions": next_actions_for(child, user),
        "status": current_status(child),
        "family": family_and_network(child, user=user),
        "allocations": _open_allocations(child=child.pk),
        "data_quality": child_data_quality(child) if child.has_return_issues else [],
        "oversight": oversight,
        "audit_actions": list(audit_actions_for(child)) if child.has_audit_actions else [],
    }


def next_actions_for(child: Person, user: User) -> list[NextAction]:
    """Every app's suggestions for a child from ``record_child``, urgent ones first."""
    actions = [action for provider in providers() for action in provider(child, user)]
    return sorted(actions, key=lambda action: not action.urgent)
