"""The one engine that turns a rule and a start date into a due date, and a clock into a
status. Everything that shows, stores or counts a deadline comes through here.
"""

from __future__ import annotations

import calendar as months_calendar
import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from kinfolio.timescales.calendar import CalendarHorizonError, TermDates, WorkingCalendar
from kinfolio.timescales.events import Unit, event_label
from kinfolio.timescales.models import TimescaleRule

# "Due soon" means due within this many working days (the worker home page's window).
SOON_WORKING_DAYS = 10


class NoRuleInForce(LookupError):
    """No version of the rule applies on the date a clock started."""


def add_months(start: dt.date, n: int) -> dt.date:
    """``n`` calendar months after ``start``; the 31st of a shorter month is its last day
    (31 January + 1 month is 28 or 29 February)."""
    month = start.month - 1 + n
    year, month = start.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(start.day, months_calendar.monthrange(year, month)[1]))


def due_from(
    rule: TimescaleRule, start: dt.date, calendar: WorkingCalendar, terms: Iterable[TermDates] = ()
) -> dt.date:
    """The due date under ``rule`` of a clock started on ``start``.

    Hours are counted on dates (Kinfolio records the day, not the time, of a return from
    missing): 72 hours from a day is the end of the third day after it. Raises
    ``CalendarHorizonError`` when the bank holiday or term data does not reach the date.
    """
    n = -rule.interval if rule.before else rule.interval
    unit = rule.unit
    if unit == Unit.WORKING_DAYS:
        return calendar.add_working_days(start, n)
    if unit == Unit.SCHOOL_DAYS:
        return calendar.add_school_days(start, n, terms)
    if unit == Unit.MONTHS:
        due = add_months(start, n)
    elif unit == Unit.WEEKS:
        due = start + dt.timedelta(weeks=n)
    elif unit == Unit.HOURS:
        due = start + dt.timedelta(days=math.copysign(math.ceil(rule.interval / 24), n))
    else:
        due = start + dt.timedelta(days=n)
    calendar.is_working_day(due)  # refuses a date beyond the known calendar
    return due


class Status(StrEnum):
    OVERDUE = "overdue", "Overdue", "red"
    DUE_TODAY = "due_today", "Due today", "orange"
    DUE_SOON = "due_soon", "Due soon", "yellow"
    NOT_YET_DUE = "not_yet_due", "Not yet due", "grey"
    MET_LATE = "met_late", "Met late", "pink"
    MET_ON_TIME = "met_on_time", "Met on time", "green"
    UNKNOWN = "unknown", "Cannot be calculated", "purple"

    def __new__(cls, value: str, label: str, colour: str) -> Status:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member.colour = colour
        return member


OPEN_STATUSES = (
    Status.OVERDUE,
    Status.DUE_TODAY,
    Status.DUE_SOON,
    Status.NOT_YET_DUE,
    Status.UNKNOWN,
)


@dataclass(frozen=True, slots=True)
class Clock:
    """One deadline for one child: when it started, when it is due, when (if) it stopped.

    ``source`` names the record it comes from ("assessments.assessment:12"); ``problem``
    says why the due date could not be calculated (then ``due_on`` is None).
    """

    rule: TimescaleRule
    child_id: int
    started_on: dt.date
    due_on: dt.date | None
    stopped_on: dt.date | None
    source: str
    role: str = "social_worker"
    worker_id: int | None = None
    team_id: int | None = None
    problem: str = ""

    @property
    def is_open(self) -> bool:
        return self.stopped_on is None

    def has_started(self, today: dt.date) -> bool:
        """A clock runs from its start event; one counted back from an event (invitations
        before a conference) matters before it."""
        return self.rule.before or self.started_on <= today

    def explanation(self) -> str:
        """Why the date is what it is, in words anyone can check."""
        due = f"due {self.due_on:%-d %b %Y}" if self.due_on else "due date unknown"
        return f"{due}: {self.basis()}"

    def basis(self) -> str:
        """How the due date follows from the rule, and the rule's source (for a page that
        already shows the date)."""
        rule = self.rule
        start = f"{event_label(rule.start_event)} on {self.started_on:%-d %b %Y}"
        how = rule.describe()
        joined = f"{how} {start}" if rule.before else f"{how} from {start}"
        return f"{joined} — {rule.source}"

    def status(
        self, today: dt.date, calendar: WorkingCalendar, soon: int = SOON_WORKING_DAYS
    ) -> Status:
        return status_of(self, today, calendar, soon)


def status_of(
    clock: Clock, today: dt.date, calendar: WorkingCalendar, soon: int = SOON_WORKING_DAYS
) -> Status:
    """The one place a clock's status is decided."""
    if clock.due_on is None:
        return Status.UNKNOWN
    if clock.stopped_on is not None:
        return Status.MET_ON_TIME if clock.stopped_on <= clock.due_on else Status.MET_LATE
    if today > clock.due_on:
        return Status.OVERDUE
    if today == clock.due_on:
        return Status.DUE_TODAY
    try:
        if calendar.working_days_between(today, clock.due_on) <= soon:
            return Status.DUE_SOON
    except CalendarHorizonError:
        pass
    return Status.NOT_YET_DUE


class RuleBook:
    """Every version of every rule, loaded once, and the calendar to count them on."""

    def __init__(
        self,
        rules: Iterable[TimescaleRule],
        calendar: WorkingCalendar,
        terms: Sequence[TermDates] = (),
    ) -> None:
        self.calendar = calendar
        self.terms = tuple(terms)
        versions: dict[str, list[TimescaleRule]] = defaultdict(list)
        for rule in rules:
            versions[rule.key].append(rule)
        self.versions = {k: sorted(v, key=lambda r: r.effective_from) for k, v in versions.items()}

    def in_force(self, key: str, started_on: dt.date) -> TimescaleRule:
        """The version with the latest ``effective_from`` on or before ``started_on``."""
        chosen = None
        for rule in self.versions.get(key, ()):
            if rule.effective_from <= started_on:
                chosen = rule
        if chosen is None:
            raise NoRuleInForce(
                f"No version of the timescale {key!r} applies on {started_on:%-d %B %Y}."
            )
        return chosen

    def due(self, key: str, started_on: dt.date) -> dt.date:
        return due_from(self.in_force(key, started_on), started_on, self.calendar, self.terms)

    def clock(
        self,
        key: str,
        child_id: int,
        started_on: dt.date,
        stopped_on: dt.date | None,
        source: str,
        **extra,
    ) -> Clock | None:
        """The clock, or None when no version of the rule applies on its start date."""
        try:
            rule = self.in_force(key, started_on)
        except NoRuleInForce:
            return None
        try:
            due, problem = due_from(rule, started_on, self.calendar, self.terms), ""
        except CalendarHorizonError as error:
            due, problem = None, str(error)
        return Clock(
            rule=rule,
            child_id=child_id,
            started_on=started_on,
            due_on=due,
            stopped_on=stopped_on,
            source=source,
            problem=problem,
            **extra,
        )


Holders = dict[tuple[int, str], tuple[int | None, int]]


def held(clock: Clock, holders: Holders) -> Clock:
    """The clock with who holds it now, the one rule for it: the worker and team of the
    child's current allocation in the clock's role, else as social worker, else those
    named on the record. ``holders`` maps (child, role) to the open allocation's worker
    (None while the child waits, or once their worker is past their leaving date) and
    team (``records.CaseRecords.holders``)."""
    holder = holders.get((clock.child_id, clock.role)) or holders.get(
        (clock.child_id, "social_worker")
    )
    if holder is None:
        return clock
    return replace(clock, worker_id=holder[0], team_id=holder[1])
