"""Small pieces the indicators' selectors share: records in a period or open at its end,
and rows from the timescales engine's stored clocks (timeliness is never worked out
here: the engine fixed each clock's due date when it stored it)."""

from __future__ import annotations

import datetime as dt

from django.db.models import DateField, F, Func, Model, Q, QuerySet
from django.utils import timezone

from kinfolio.performance.indicators.base import Context, Measure, Row, Rows, rows_of
from kinfolio.performance.indicators.periods import Period
from kinfolio.timescales.models import StoredClock


def in_period(records: QuerySet, field: str, period: Period) -> QuerySet:
    return records.filter(**{f"{field}__gte": period.start, f"{field}__lte": period.end})


def moments_in_period(records: QuerySet, field: str, period: Period) -> QuerySet:
    """Records whose moment ``field`` falls on one of the period's days, local time: a
    range on the stored instant, so an index on the field serves it (a filter on the
    moment's local date would read every row)."""
    zone = timezone.get_current_timezone()
    first = dt.datetime.combine(period.start, dt.time.min, tzinfo=zone)
    after = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    return records.filter(**{f"{field}__gte": first, f"{field}__lt": after})


class YearBefore(Func):
    """The same day a year earlier, as ``add_months(day, -12)`` gives it (29 February
    gives 28 February), worked out by the database."""

    arity = 1
    output_field = DateField()

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"CAST(({sql}) - INTERVAL '12 months' AS date)", params

    def as_sqlite(self, compiler, connection, **extra):
        # SQLite's '-12 months' turns 29 February into 1 March: a day earlier then.
        sql, params = compiler.compile(self.source_expressions[0])
        leap_day = (
            f"CASE WHEN strftime('%%m-%%d', {sql}) = '02-29' THEN '-1 day' ELSE '+0 days' END"
        )
        return f"date({sql}, '-12 months', {leap_day})", (*params, *params)


def happened(context: Context, model: type[Model], field: str, **filters) -> QuerySet:
    """The records of ``model`` (about the context's children) whose ``field`` falls in
    the period: referrals made, enquiries started or ended, plans started or ended."""
    return context.scoped(in_period(model.objects.filter(**filters), field, context.period))


def happening(model: type[Model], field: str, **filters) -> Measure:
    """A measure counting ``happened`` records, one row each, on the day of ``field``."""

    def measure(context: Context) -> Rows:
        return rows_of(happened(context, model, field, **filters), on=field)

    return measure


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


def clock_rows(clocks: QuerySet[StoredClock]) -> Rows:
    """One row per stored clock, by the day it stopped (read in one query)."""

    def read(found: QuerySet[StoredClock]) -> list[Row]:
        return [
            Row(f"{source}@{started:%Y-%m-%d}", stopped, child_id=child)
            for child, source, started, stopped in found.order_by(
                "stopped_on", "child_id", "started_on", "pk"
            ).values_list("child_id", "source", "started_on", "stopped_on")
        ]

    return Rows((clocks, read, None))


def stopped_clocks(context: Context, rule_keys: tuple[str, ...]) -> QuerySet[StoredClock]:
    """The stored clocks of these rules that stopped in the period with a due date (the
    DfE counts assessments *completed* in the year)."""
    period = context.period
    clocks = StoredClock.objects.filter(
        rule__key__in=rule_keys,
        stopped_on__gte=period.start,
        stopped_on__lte=period.end,
        due_on__isnull=False,
    )
    return context.scoped(clocks)


def on_time(*rule_keys: str) -> tuple[Measure, Measure]:
    """Numerator and denominator of "met on time" for the engine's rules: clocks stopped
    in the period, and those of them stopped by their due date."""

    def numerator(context: Context) -> Rows:
        return clock_rows(stopped_clocks(context, rule_keys).filter(stopped_on__lte=F("due_on")))

    def denominator(context: Context) -> Rows:
        return clock_rows(stopped_clocks(context, rule_keys))

    return numerator, denominator
