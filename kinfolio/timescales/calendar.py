"""Working days and school days: the calendar under every statutory timescale.

Pure functions over committed data. Bank holidays come from the England and Wales
list bundled inside the ``govuk-bank-holidays`` package, never from the network, so a
due date computed today is the same date tomorrow and in a test. Past the last year
of that list we do not know the bank holidays, so any calculation that reaches beyond
it raises ``CalendarHorizonError`` rather than guessing; upgrading the package moves
the horizon.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from govuk_bank_holidays.bank_holidays import BankHolidays

ONE_DAY = dt.timedelta(days=1)


class CalendarHorizonError(ValueError):
    """A date needed by a calculation lies outside the dates the calendar knows."""


class TermDates(Protocol):
    """Anything with a first and last day of term, such as a ``SchoolTerm`` row."""

    @property
    def start_date(self) -> dt.date: ...

    @property
    def end_date(self) -> dt.date: ...


def _long(d: dt.date) -> str:
    return f"{d.day} {d:%B %Y}"


@dataclass(frozen=True)
class WorkingCalendar:
    """Weekends, bank holidays and local closure days are not working days.

    ``horizon_start`` and ``horizon_end`` bound the dates whose status is known.
    """

    bank_holidays: frozenset[dt.date]
    horizon_start: dt.date
    horizon_end: dt.date
    closure_days: frozenset[dt.date] = frozenset()
    # Every working day in the horizon, sorted: counting becomes two bisections.
    _working: tuple[dt.date, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.horizon_end < self.horizon_start:
            raise ValueError("The horizon end cannot be before the horizon start.")
        days = (self.horizon_end - self.horizon_start).days + 1
        working = tuple(
            d
            for d in (self.horizon_start + dt.timedelta(days=i) for i in range(days))
            if self._is_open(d)
        )
        object.__setattr__(self, "_working", working)

    def _is_open(self, d: dt.date) -> bool:
        return d.weekday() < 5 and d not in self.bank_holidays and d not in self.closure_days

    def _check(self, d: dt.date) -> None:
        if d > self.horizon_end:
            raise CalendarHorizonError(
                f"Bank holiday data ends on {_long(self.horizon_end)}; "
                f"{_long(d)} is after it. Update the govuk-bank-holidays package to "
                f"calculate dates after {self.horizon_end.year}."
            )
        if d < self.horizon_start:
            raise CalendarHorizonError(
                f"Bank holiday data starts on {_long(self.horizon_start)}; {_long(d)} is before it."
            )

    def is_working_day(self, d: dt.date) -> bool:
        self._check(d)
        return self._is_open(d)

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The date ``n`` working days after ``start`` (before it, if ``n`` is negative).

        ``start`` itself is never counted, so "within 45 working days of the referral"
        is ``add_working_days(referral_date, 45)``, even when the referral came in on a
        Saturday. ``n == 0`` returns ``start`` unchanged.
        """
        self._check(start)
        if n == 0:
            return start
        if n > 0:
            index = bisect.bisect_right(self._working, start) - 1 + n
        else:
            index = bisect.bisect_left(self._working, start) + n
        if not 0 <= index < len(self._working):
            edge = "ends on" if n > 0 else "starts on"
            bound = self.horizon_end if n > 0 else self.horizon_start
            raise CalendarHorizonError(
                f"Bank holiday data {edge} {_long(bound)}; counting {abs(n)} working days "
                f"from {_long(start)} goes past it. Update the govuk-bank-holidays package."
            )
        return self._working[index]

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end``; negative if earlier.

        The inverse of ``add_working_days`` for ``n >= 0``: a due date 45 working days
        from a referral is 45 working days after it.
        """
        self._check(start)
        self._check(end)
        return bisect.bisect_right(self._working, end) - bisect.bisect_right(self._working, start)

    def next_working_day(self, d: dt.date) -> dt.date:
        """The first working day strictly after ``d`` (Friday gives Monday)."""
        return self.add_working_days(d, 1)

    def add_school_days(self, start: dt.date, n: int, terms: Iterable[TermDates]) -> dt.date:
        """The date ``n`` school days after ``start``, for personal education plans.

        A school day is a weekday inside a term that is not a bank holiday; council
        closure days do not close schools. Give half-terms as separate terms. A start in
        the holidays counts from the first day of the next term.
        """
        if n < 0:
            raise ValueError("Count school days forwards only (n must be 0 or more).")
        self._check(start)
        if n == 0:
            return start
        ranges = sorted((t.start_date, t.end_date) for t in terms)
        seen: set[dt.date] = set()  # overlapping terms must not count a day twice
        for first, last in ranges:
            d = max(first, start + ONE_DAY)
            while d <= last:
                if d.weekday() < 5 and d not in seen:
                    self._check(d)
                    seen.add(d)
                    if d not in self.bank_holidays:
                        n -= 1
                        if n == 0:
                            return d
                d += ONE_DAY
        last_end = max((last for _, last in ranges), default=start)
        raise CalendarHorizonError(
            f"School term dates end on {_long(last_end)}; add the terms that follow to "
            "calculate this date."
        )


def england_and_wales_bank_holidays() -> tuple[frozenset[dt.date], dt.date, dt.date]:
    """The bundled England and Wales bank holidays and the years they cover.

    ``use_cached_holidays=True`` reads the JSON shipped in the package; without it the
    package would try gov.uk first.
    """
    events = BankHolidays(use_cached_holidays=True).get_holidays(
        division=BankHolidays.ENGLAND_AND_WALES
    )
    dates = frozenset(e["date"] for e in events)
    first, last = min(dates).year, max(dates).year
    # A year with no holidays inside the range would be a gap we would silently miss.
    missing = set(range(first, last + 1)) - {d.year for d in dates}
    if missing:
        raise ValueError(f"Bank holiday data has no entries for {sorted(missing)}.")
    return dates, dt.date(first, 1, 1), dt.date(last, 12, 31)


@functools.cache
def default_calendar() -> WorkingCalendar:
    """The calendar timescales use: bundled bank holidays plus the council's closure days.

    Cached for the life of the process; call ``clear_default_calendar()`` after
    closure days change.
    """
    from kinfolio.timescales.models import ClosureDay  # keeps this module Django-free

    holidays, horizon_start, horizon_end = england_and_wales_bank_holidays()
    closures = frozenset(ClosureDay.objects.values_list("date", flat=True))
    return WorkingCalendar(holidays, horizon_start, horizon_end, closures)


def clear_default_calendar() -> None:
    """Forget the cached calendar so the next call re-reads closure days."""
    default_calendar.cache_clear()
