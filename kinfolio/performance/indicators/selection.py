"""Small pieces the indicators' selectors share: records in a period or open at its end,
and rows from the timescales engine's clocks (timeliness is never worked out here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Q, QuerySet

from kinfolio.performance.indicators.base import Context, Measure, Row
from kinfolio.performance.indicators.periods import Period
from kinfolio.timescales.engine import Clock
from kinfolio.timescales.indicators import timeliness


def in_period(records: QuerySet, field: str, period: Period) -> QuerySet:
    return records.filter(**{f"{field}__gte": period.start, f"{field}__lte": period.end})


def open_on(
    records: QuerySet, day: dt.date, start: str = "start_date", end: str = "end_date"
) -> QuerySet:
    """Records open at the end of ``day``: started by then and not ended by then (a plan
    or period of care that ended on 31 March was not open "at 31 March")."""
    return records.filter(
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gt": day}), **{f"{start}__lte": day}
    )


def overlapping(
    records: QuerySet, period: Period, start: str = "start_date", end: str = "end_date"
) -> QuerySet:
    return records.filter(
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": period.start}),
        **{f"{start}__lte": period.end},
    )


def age_on(born: dt.date | None, day: dt.date) -> int | None:
    if born is None or day < born:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def clock_rows(clocks: Iterable[Clock]) -> list[Row]:
    return [
        Row(f"{c.source}@{c.started_on:%Y-%m-%d}", c.stopped_on, child_id=c.child_id)
        for c in sorted(clocks, key=lambda c: (c.stopped_on, c.child_id, c.started_on))
    ]


def _stopped_in_period(context: Context) -> dict[str, tuple[list[Clock], list[Clock]]]:
    """Every clock of the timescales engine stopped in the period, and those met on
    time, by rule. The engine's figures are worked out once for the period's whole
    financial year (``context.shared`` lets a trend's quarters or months share them) and
    cut to the period: a stopped clock's status does not depend on the day it is read."""
    year = Period.year_containing(context.period.start)
    whole = context.shared_memo(
        f"timeliness:{year.key}",
        lambda: timeliness(
            period_start=year.start,
            period_end=year.end,
            children=None if context.whole_authority else context.children(),
        ),
    )
    period = context.period

    def within(clocks: list[Clock]) -> list[Clock]:
        return [c for c in clocks if period.start <= c.stopped_on <= period.end]

    return {key: (within(found.clocks), within(found.on_time)) for key, found in whole.items()}


def on_time(*rule_keys: str) -> tuple[Measure, Measure]:
    """Numerator and denominator of "met on time" for the engine's rules: clocks stopped
    in the period (the DfE counts assessments *completed* in the year) and those of them
    met by their due date."""

    def found(context: Context, which: int) -> list[Row]:
        figures = context.memo("timeliness", lambda: _stopped_in_period(context))
        return clock_rows(
            clock for key in rule_keys if key in figures for clock in figures[key][which]
        )

    def numerator(context: Context) -> list[Row]:
        return found(context, 1)

    def denominator(context: Context) -> list[Row]:
        return found(context, 0)

    return numerator, denominator
