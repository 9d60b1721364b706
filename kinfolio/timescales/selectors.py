"""Reads of deadlines: for a worker, a team, a child, and the rules behind them.

Every function starts from ``children_visible_to(user)`` (or is handed one child the
caller already loaded through it) and computes clocks in bulk: the number of queries
does not depend on how many children there are.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from kinfolio.accounts.models import User
from kinfolio.people.models import Person
from kinfolio.people.selectors import children_visible_to
from kinfolio.timescales import clocks
from kinfolio.timescales.calendar import default_calendar
from kinfolio.timescales.engine import OPEN_STATUSES, Clock, RuleBook, Status, assign
from kinfolio.timescales.models import SchoolTerm, TimescaleRule
from kinfolio.timescales.records import CaseRecords
from kinfolio.workforce.models import Allocation, Team, Worker

ACTION_NEEDED = (Status.OVERDUE, Status.DUE_TODAY, Status.DUE_SOON, Status.UNKNOWN)


def rule_book() -> RuleBook:
    """All rule versions, the working calendar and the school terms (two queries)."""
    return RuleBook(TimescaleRule.objects.all(), default_calendar(), list(SchoolTerm.objects.all()))


def clocks_for(
    children: QuerySet[Person],
    *,
    today: dt.date | None = None,
    book: RuleBook | None = None,
    keys=None,
    open_only: bool = False,
) -> list[Clock]:
    """Every clock of these children (only those still running if ``open_only``), each
    given the worker and team responsible: the child's current allocation in the
    clock's role (or as social worker), else the worker named on the record."""
    records = CaseRecords(children, today, open_only=open_only)
    found = [
        c
        for c in clocks.compute(records, book or rule_book(), keys)
        if c.has_started(records.today)
    ]
    if open_only:
        found = [c for c in found if c.is_open]
    allocations = records.allocations
    assigned = []
    for clock in found:
        holder = allocations.get((clock.child_id, clock.role)) or allocations.get(
            (clock.child_id, "social_worker")
        )
        assigned.append(assign(clock, *holder) if holder else clock)
    return assigned


@dataclass(frozen=True)
class Deadline:
    """A clock as a page shows it: with its status, child, worker and team."""

    clock: Clock
    status: Status
    child: Person
    worker: Worker | None
    team: Team | None

    @property
    def explanation(self) -> str:
        return self.clock.explanation()


def present(
    found: list[Clock], *, today: dt.date, statuses=None, include_reporting_only: bool = False
) -> list[Deadline]:
    """Deadlines with their status, people and teams (three queries), most urgent first."""
    calendar = default_calendar()
    pairs = [
        (c, c.status(today, calendar))
        for c in found
        if include_reporting_only or not c.rule.reporting_only
    ]
    if statuses is not None:
        pairs = [(c, s) for c, s in pairs if s in statuses]
    children = Person.objects.in_bulk({c.child_id for c, _ in pairs})
    workers = Worker.objects.in_bulk({c.worker_id for c, _ in pairs if c.worker_id})
    teams = Team.objects.in_bulk({c.team_id for c, _ in pairs if c.team_id})
    rows = [
        Deadline(c, s, children[c.child_id], workers.get(c.worker_id), teams.get(c.team_id))
        for c, s in pairs
    ]
    order = list(Status)
    rows.sort(
        key=lambda d: (order.index(d.status), d.clock.due_on or dt.date.max, d.child.family_name)
    )
    return rows


def _allocated(children: QuerySet[Person], **allocation) -> QuerySet[Person]:
    current = Allocation.objects.filter(child=OuterRef("pk"), end_date__isnull=True, **allocation)
    return children.filter(Exists(current))


def deadlines_for_user(user: User, *, today: dt.date | None = None) -> list[Deadline]:
    """What the user must do: open deadlines of the children allocated to them that are
    overdue, due today or due in the next 10 working days (or cannot be calculated)."""
    worker = getattr(user, "worker", None)
    if worker is None:
        return []
    today = today or timezone.localdate()
    children = _allocated(children_visible_to(user), worker=worker)
    mine = [
        c for c in clocks_for(children, today=today, open_only=True) if c.worker_id == worker.pk
    ]
    return present(mine, today=today, statuses=ACTION_NEEDED)


def team_deadlines(
    team: Team, user: User, *, today: dt.date | None = None
) -> list[tuple[Status, list[Deadline]]]:
    """Every open deadline of the team's children that the user may see, by status."""
    today = today or timezone.localdate()
    children = _allocated(children_visible_to(user), team=team)
    found = [c for c in clocks_for(children, today=today, open_only=True) if c.team_id == team.pk]
    rows = present(found, today=today, statuses=OPEN_STATUSES)
    return [(status, list(group)) for status, group in groupby(rows, key=lambda d: d.status)]


def child_deadlines(child: Person, *, today: dt.date | None = None) -> dict[str, list]:
    """One child's deadlines: the open ones, and those met (newest first)."""
    today = today or timezone.localdate()
    found = clocks_for(Person.objects.filter(pk=child.pk), today=today)
    rows = present(found, today=today)
    met = sorted(
        (d for d in rows if not d.clock.is_open), key=lambda d: d.clock.stopped_on, reverse=True
    )
    return {"open": [d for d in rows if d.clock.is_open], "met": met}


def rules_by_key() -> list[tuple[str, list[TimescaleRule]]]:
    """Every rule's versions, newest first, grouped by key in the order of the registry."""
    versions: dict[str, list[TimescaleRule]] = defaultdict(list)
    for rule in TimescaleRule.objects.order_by("key", "-effective_from"):
        versions[rule.key].append(rule)
    order = list(clocks.registry())
    return sorted(
        versions.items(),
        key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), kv[0]),
    )


def rule_has_clocks(key: str) -> bool:
    return clocks.registry().get(key) is not None
