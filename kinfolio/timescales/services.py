"""Writes about timescales, and the due date every domain service stores.

``due_date`` is the only way a due date is computed: a service that stores one (an
assessment's, a conference's) calls it with the rule's key and the date the clock
started, and lets ``CalendarHorizonError`` reach the user as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from weakref import WeakValueDictionary

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse

from kinfolio.accounts.models import User
from kinfolio.people.models import Person
from kinfolio.performance.services import open_children
from kinfolio.timescales import clocks
from kinfolio.timescales.calendar import default_calendar
from kinfolio.timescales.engine import NoRuleInForce, RuleBook, held
from kinfolio.timescales.models import SchoolTerm, StoredClock, TimescaleRule
from kinfolio.timescales.records import CaseRecords
from kinfolio.timescales.selectors import rule_book
from kinfolio.workforce.models import Allocation
from kinfolio.workforce.services import team_children


def due_date(rule_key: str, started_on: dt.date) -> dt.date:
    """The due date of a clock of ``rule_key`` started on ``started_on``, under the
    version of the rule in force that day.

    Raises ``NoRuleInForce`` if no version applies then, and ``CalendarHorizonError``
    (whose message says so) if the bank holiday or school term data does not reach.
    """
    versions = TimescaleRule.objects.filter(key=rule_key, effective_from__lte=started_on)
    rule = versions.order_by("-effective_from").first()
    if rule is None:
        raise NoRuleInForce(
            f"No version of the timescale {rule_key!r} applies on {started_on:%-d %B %Y}."
        )
    terms = list(SchoolTerm.objects.all()) if rule.unit == "school_days" else []
    return RuleBook([rule], default_calendar(), terms).due(rule_key, started_on)


def add_rule_version(
    *,
    key: str,
    name: str,
    interval: int,
    unit: str,
    source: str,
    effective_from: dt.date,
    notes: str = "",
    before: bool = False,
    reporting_only: bool = False,
    by: User,
) -> TimescaleRule:
    """Add a new version of an existing rule, in force for clocks started on or after
    ``effective_from``; earlier clocks keep the version they started under.

    The start and stop events stay those of the rule (the clock that finds them in the
    records is code); a version dated on or before the latest one's date is refused so
    history is never rewritten.
    """
    latest = TimescaleRule.objects.filter(key=key).order_by("-effective_from").first()
    if latest is None or key not in clocks.registry():
        raise ValidationError({"key": "There is no timescale with that name."})
    if effective_from <= latest.effective_from:
        raise ValidationError(
            {
                "effective_from": "The date the new version applies from must "
                f"be after {latest.effective_from:%-d %B %Y}, when the "
                "current version began."
            }
        )
    rule = TimescaleRule(
        key=key,
        name=name,
        start_event=latest.start_event,
        stop_event=latest.stop_event,
        interval=interval,
        unit=unit,
        before=before,
        source=source,
        notes=notes,
        effective_from=effective_from,
        reporting_only=reporting_only,
        created_by=by,
    )
    rule.full_clean()
    with transaction.atomic():
        rule.save()
        # Clocks started since the new version's date now follow it: new due dates.
        moved = StoredClock.objects.filter(
            child=OuterRef("pk"), rule__key=key, started_on__gte=effective_from
        )
        refresh_clocks(Person.objects.filter(Exists(moved)))
    return rule


def send_deadline_digests(*, today: dt.date) -> int:
    """Tell each user their daily digest (a notification, and an e-mail to those with an
    address); a user who already has today's digest is skipped, so running twice sends
    nothing twice."""
    from kinfolio.notifications.models import NotificationKind
    from kinfolio.notifications.services import notify
    from kinfolio.timescales.digest import compose

    sent = 0
    for digest in compose(today):
        sent += len(
            notify(
                recipients=[digest.recipient],
                kind=NotificationKind.DEADLINE_DIGEST,
                subject=digest.subject(today),
                body=digest.body(today),
                link=reverse("timescales:mine"),
                key=today.isoformat(),
            )
        )
    return sent


# Children whose clocks are recomputed together: bounds the memory of a whole-authority
# refresh (the records of this many children at a time) while keeping queries few.
REFRESH_CHUNK = 2000
# A stored clock's field for each of the engine's clock's (the engine's worker and team,
# once ``held``, are who holds the deadline).
_CLOCK_FIELDS = {
    "due_on": "due_on",
    "stopped_on": "stopped_on",
    "role": "role",
    "holder_worker_id": "worker_id",
    "holder_team_id": "team_id",
    "problem": "problem",
}


def refresh_clocks(children: QuerySet[Person], *, today: dt.date | None = None) -> int:
    """Store the engine's clocks of these children with who holds each
    (``engine.held``): new clocks are added with their due date, running ones updated
    (stopped, handed to another worker), vanished ones removed. A stored due date is
    kept as it is unless it could not be calculated before.

    Every service that changes a child's record (an allocation among them) calls
    ``audit...history.record_event``, which calls ``refresh_clocks_on_commit(child)``;
    the daily job ``refresh_clocks`` (run before ``send_deadline_digest``) catches
    clocks that depend on the date itself, and workers whose leaving date has passed.
    Returns how many clocks the children have.
    """
    book = rule_book()
    ids = children.order_by("pk").values_list("pk", flat=True)
    total, chunk = 0, []
    for child_id in ids.iterator(chunk_size=REFRESH_CHUNK):
        chunk.append(child_id)
        if len(chunk) == REFRESH_CHUNK:
            total += _refresh_chunk(chunk, book, today)
            chunk = []
    if chunk:
        total += _refresh_chunk(chunk, book, today)
    return total


class _ChildRefresh:
    """The on-commit refresh of one child's clocks (``ran`` once it has been called)."""

    def __init__(self, child_id: int) -> None:
        self.child_id = child_id
        self.ran = False

    def __call__(self) -> None:
        self.ran = True
        refresh_clocks(Person.objects.filter(pk=self.child_id))


def refresh_clocks_on_commit(child: Person) -> None:
    """Once the transaction commits, store the child's clocks again: once per child
    however many rows the transaction writes about them (an allocation ended and the
    next begun). A refresh already waiting in this transaction serves; one that has run,
    or was dropped with a rolled-back savepoint, does not."""
    connection = transaction.get_connection()
    # Weak: a refresh leaves the map once Django has run or dropped it.
    waiting = connection.__dict__.setdefault("_kinfolio_refreshes", WeakValueDictionary())
    queued = waiting.get(child.pk)
    if (
        connection.in_atomic_block
        and queued is not None
        and not queued.ran
        and any(func is queued for _, func, _ in reversed(connection.run_on_commit))
    ):
        return
    refresh = waiting[child.pk] = _ChildRefresh(child.pk)
    transaction.on_commit(refresh)


def refresh_held_by_on_commit(worker) -> None:
    """Once the transaction commits, store again the clocks of the children the worker
    holds (a leaving date already passed hands their deadlines to the team)."""
    held = Allocation.objects.filter(worker=worker, end_date__isnull=True)
    children = Person.objects.filter(pk__in=held.values("child_id"))
    transaction.on_commit(lambda: refresh_clocks(children))


def _identity(rule_id: int, child_id: int, source: str, started_on: dt.date) -> tuple:
    return (rule_id, child_id, source, started_on)


@transaction.atomic
def _refresh_chunk(child_ids: list[int], book: RuleBook, today: dt.date | None) -> int:
    # Clocks are children's (``is_child_subject``): a count of a team's clocks among
    # the children a user may see then leaves out only those hidden from them.
    records = CaseRecords(Person.objects.filter(pk__in=child_ids, is_child_subject=True), today)
    holders = records.holders
    fresh = {
        _identity(c.rule.pk, c.child_id, c.source, c.started_on): held(c, holders)
        for c in clocks.compute(records, book)
    }
    stored = StoredClock.objects.filter(child_id__in=child_ids)
    gone, changed = [], []
    for row in stored.only("pk", "rule_id", "child_id", "source", "started_on", *_CLOCK_FIELDS):
        clock = fresh.pop(_identity(row.rule_id, row.child_id, row.source, row.started_on), None)
        if clock is None:
            gone.append(row.pk)
            continue
        if row.due_on is not None:  # fixed when first stored
            clock = replace(clock, due_on=row.due_on, problem="")
        if any(getattr(row, f) != getattr(clock, c) for f, c in _CLOCK_FIELDS.items()):
            for field, attribute in _CLOCK_FIELDS.items():
                setattr(row, field, getattr(clock, attribute))
            changed.append(row)
    StoredClock.objects.filter(pk__in=gone).delete()
    StoredClock.objects.bulk_update(changed, list(_CLOCK_FIELDS), batch_size=1000)
    StoredClock.objects.bulk_create(
        [
            StoredClock(
                child_id=c.child_id,
                rule=c.rule,
                source=c.source,
                started_on=c.started_on,
                **{f: getattr(c, a) for f, a in _CLOCK_FIELDS.items()},
            )
            for c in fresh.values()
        ],
        batch_size=2000,
    )
    # The caseload summary's and teams compared's rows change with the same records, so
    # they are kept here too.
    open_children.store(child_ids)
    team_children.store(child_ids)
    return stored.count()
