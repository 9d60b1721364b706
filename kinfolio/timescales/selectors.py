"""Reads of deadlines: for a worker, a team, a child, and the rules behind them.

Every function starts from the user's scope (``people.selectors.visible_child``: each
row's child checked in the query that reads the rows, or a page's children checked once
and their rows read by those ids), or is handed one child the caller already loaded
through it. Pages read the clocks the
engine stored (``StoredClock``, kept by ``services.refresh_clocks`` with who holds
each) with indexed queries they can paginate; the digest and the indicators compute
clocks in bulk with the engine (``clocks_for``). Either way the number of queries does
not depend on how many children or records there are.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import (
    Count,
    DateField,
    F,
    IntegerField,
    Q,
    QuerySet,
)
from django.db.models.expressions import RawSQL
from django.utils import timezone

from kinfolio.accounts.models import User
from kinfolio.core.queries import OneOf, Prepared, Slot
from kinfolio.people.models import Person
from kinfolio.people.selectors import hidden_children_of, visible_child
from kinfolio.timescales import clocks
from kinfolio.timescales.calendar import CalendarHorizonError, default_calendar
from kinfolio.timescales.engine import SOON_WORKING_DAYS, Clock, RuleBook, Status, held
from kinfolio.timescales.models import SchoolTerm, StoredClock, TimescaleRule
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
    with who holds it (``engine.held``)."""
    records = CaseRecords(children, today, open_only=open_only)
    found = [
        c
        for c in clocks.compute(records, book or rule_book(), keys)
        if c.has_started(records.today)
    ]
    if open_only:
        found = [c for c in found if c.is_open]
    holders = records.holders
    return [held(clock, holders) for clock in found]


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


# What a deadline row shows: the child's name and ID, the clock (its rule is shared
# from one read of the rules) and the names of who holds it. Every other column, and
# the rules' own rows, would cost a model and its timestamps per deadline on an
# authority-wide read.
CLOCK_COLUMNS = (
    "rule_id",
    "source",
    "started_on",
    "due_on",
    "stopped_on",
    "role",
    "holder_worker__given_name",
    "holder_worker__family_name",
    "holder_team__name",
    "problem",
    "child__local_id",
    "child__given_name",
    "child__family_name",
    "child__date_of_birth",
    "child__expected_date_of_birth",
)


def stored_clocks(
    children: QuerySet[Person] | RawSQL, *, today: dt.date, open_only: bool = True
) -> QuerySet[StoredClock]:
    """The stored clocks of these children (or of the ids a compiled query of them
    reads) that have started (those counted back from an event matter before it),
    shown to workers (not reporting-only); soonest due first, unknown last."""
    ids = children.order_by().values("pk") if isinstance(children, QuerySet) else children
    rows = StoredClock.objects.filter(child__in=ids)
    return _shown(rows, today=today, open_only=open_only)


def deadlines_except(hidden: QuerySet[Person] | RawSQL, *, today: dt.date) -> QuerySet[StoredClock]:
    """Every open deadline shown to workers but those of the children in ``hidden`` (or
    the ids a compiled query of them reads): the user's scope, for a user from whom only
    a few children are hidden (``people.selectors.children_hidden_from``), since clocks
    are stored only for children. A holder's range of the index is then counted without
    looking up each child."""
    ids = hidden.order_by().values("pk") if isinstance(hidden, QuerySet) else hidden
    return _shown(StoredClock.objects.exclude(child__in=ids), today=today)


def _shown(rows: QuerySet[StoredClock], *, today: dt.date, open_only: bool = True):
    # The rules as sets PostgreSQL hashes once (``NOT IN`` is never turned into a join):
    # joined, the planner walked the ~30 rules against each of a team's ~1,000 clocks.
    rules = TimescaleRule.objects.order_by()
    rows = rows.filter(Q(started_on__lte=today) | Q(rule__in=rules.filter(before=True))).exclude(
        rule__in=rules.filter(reporting_only=True)
    )
    if open_only:
        rows = rows.filter(stopped_on__isnull=True)
    return (
        rows.select_related("child", "holder_worker", "holder_team")
        .only(*CLOCK_COLUMNS)
        .order_by(F("due_on").asc(nulls_last=True), "child__family_name", "pk")
    )


def soon_limit(today: dt.date) -> dt.date:
    """The last day a deadline due from ``today`` counts as due soon."""
    try:
        return default_calendar().add_working_days(today, SOON_WORKING_DAYS)
    except CalendarHorizonError:
        return today


def status_counts(rows: QuerySet[StoredClock], *, today: dt.date) -> dict[Status, int]:
    """How many of these open clocks have each status, counted by the database."""
    limit = soon_limit(today)
    conditions = {
        Status.OVERDUE: Q(due_on__lt=today),
        Status.DUE_TODAY: Q(due_on=today),
        Status.DUE_SOON: Q(due_on__gt=today, due_on__lte=limit),
        Status.NOT_YET_DUE: Q(due_on__gt=limit),
        Status.UNKNOWN: Q(due_on__isnull=True),
    }
    counts = rows.order_by().aggregate(
        **{status.value: Count("pk", filter=q) for status, q in conditions.items()}
    )
    return {status: counts[status.value] for status in conditions}


def deadline_rows(rows: Iterable[StoredClock], *, today: dt.date) -> list[Deadline]:
    """Stored clocks (one page of them, read with their holders' names) as pages show
    them: with status and rule (the rules joined to the rows, ``_one_childs``, or one
    query, whatever the number of rows)."""
    rows = list(rows)
    calendar = default_calendar()
    if all(StoredClock.rule.is_cached(row) for row in rows):
        rules = {row.rule_id: row.rule for row in rows}
    else:
        rules = TimescaleRule.objects.in_bulk()
    found = []
    for row in rows:
        clock = Clock(
            rule=rules[row.rule_id],
            child_id=row.child_id,
            started_on=row.started_on,
            due_on=row.due_on,
            stopped_on=row.stopped_on,
            source=row.source,
            role=row.role,
            worker_id=row.holder_worker_id,
            team_id=row.holder_team_id,
            problem=row.problem,
        )
        status = clock.status(today, calendar)
        found.append(Deadline(clock, status, row.child, row.holder_worker, row.holder_team))
    return found


def deadlines_for_user(
    user: User, *, today: dt.date, children: list[int] | None = None
) -> QuerySet[StoredClock]:
    """What the user must do: open deadlines they hold of the children allocated to them
    that are overdue, due today or due in the next 10 working days (or cannot be
    calculated), most urgent first, with their rules (a page of them, not every rule
    in a second read). Given ``children`` (the ids of the children the user holds and
    may see, which the caseload lists anyway) the scope is not checked again; otherwise
    each row's child is checked in the query that reads them (one query, not a read of
    the ids first)."""
    worker = getattr(user, "worker", None)
    if worker is None:
        return StoredClock.objects.none()
    if children is None:
        held = Allocation.objects.filter(worker=worker, end_date__isnull=True)
        rows = StoredClock.objects.filter(
            visible_child(user), child__in=held.values("child"), holder_worker=worker
        )
    else:
        rows = _held_by(children, holder_worker=worker)
    return (
        _shown(rows, today=today)
        .filter(Q(due_on__isnull=True) | Q(due_on__lte=soon_limit(today)))
        .select_related("rule")
        .only(*CLOCK_COLUMNS, "rule")
    )


def team_deadlines(
    team: Team, user: User, *, today: dt.date, children: list[int] | None = None
) -> QuerySet[StoredClock]:
    """Every open deadline the team holds, of children the user may see.

    Read as one range of the team's index, soonest due first, leaving out the few
    children the user may not see (``hidden_children_of``: restricted records, or all
    of them for a user outside the team's service), so a page of 50 reads ~50 rows.
    Given ``children`` (ids of the team's children the user may see, which the
    manager's home lists anyway) the rows are read among those instead.
    """
    if children is not None:
        return _shown(_held_by(children, holder_team=team), today=today)
    rows = StoredClock.objects.filter(holder_team=team)
    hidden = hidden_children_of(user, rows.filter(stopped_on__isnull=True))
    return _shown(rows.exclude(OneOf("child", hidden)), today=today)


def _held_by(children: list[int], **holder) -> QuerySet[StoredClock]:
    """The clocks of these children (ids the user's scope was checked for once) that a
    worker or team holds: one range of the stored holder's index."""
    return StoredClock.objects.filter(OneOf("child", children), **holder)


def child_deadlines(child: Person, *, today: dt.date | None = None) -> dict[str, list]:
    """One child's deadlines: the open ones, and those met (newest first)."""
    today = today or timezone.localdate()
    found = deadline_rows(_one_childs(child, today=today, open_only=False), today=today)
    met = sorted(
        (d for d in found if not d.clock.is_open), key=lambda d: d.clock.stopped_on, reverse=True
    )
    return {"open": [d for d in found if d.clock.is_open], "met": met}


def open_deadlines_of(child: Person, *, today: dt.date | None = None) -> list[Deadline]:
    """One child's open deadlines with their status (one query), soonest first: what
    the record's "what needs doing" panel shows."""
    today = today or timezone.localdate()
    return deadline_rows(_one_childs(child, today=today), today=today)


def _one_childs(child: Person, *, today: dt.date, open_only: bool = True) -> list[StoredClock]:
    """One child's stored clocks with their rules joined (one query, compiled once per
    process: the record and its deadlines read them on every request)."""
    return _ONE_CHILDS[open_only](child=child.pk, today=today)


def _one_childs_clocks(open_only: bool) -> QuerySet[StoredClock]:
    rows = StoredClock.objects.filter(child=Slot("child", IntegerField()))
    return with_rules(_shown(rows, today=Slot("today", DateField()), open_only=open_only))


_ONE_CHILDS = {
    open_only: Prepared(lambda open_only=open_only: _one_childs_clocks(open_only))
    for open_only in (True, False)
}


def with_rules(rows: QuerySet[StoredClock]) -> QuerySet[StoredClock]:
    """Stored clocks (a child's, or one page of them) with their rules joined: a few
    rows, so the rules come with them rather than in a second read of every rule."""
    return rows.select_related("rule").only(*CLOCK_COLUMNS, "rule")


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
