"""Reads for the indicator pages, dashboards and other apps (the inspection team's
self-evaluation reads ``latest_figure``)."""

from __future__ import annotations

import datetime as dt

from django.http import Http404
from django.utils import timezone

from kinfolio.performance.indicators import catalogue
from kinfolio.performance.indicators.base import Indicator
from kinfolio.performance.indicators.engine import Figure, compute, compute_all
from kinfolio.performance.indicators.periods import Period
from kinfolio.workforce.models import Team

YEARS_SHOWN = 5


def current_period(today: dt.date | None = None) -> Period:
    """The financial year so far."""
    today = today or timezone.localdate()
    return Period.year_containing(today).up_to(today)


def period_from(key: str | None, today: dt.date | None = None) -> Period:
    """The period a page asks for (the year so far by default); never past today, so a
    figure "at the end" of the current year is today's. 404 for a period not understood."""
    today = today or timezone.localdate()
    if not key:
        return current_period(today)
    try:
        period = Period.parse(key)
    except ValueError as error:
        raise Http404(str(error)) from error
    if period.start > today:
        raise Http404("That period has not started yet.")
    return period.up_to(today)


def period_choices(today: dt.date | None = None) -> list[Period]:
    """The current year so far and the complete years before it, newest first."""
    latest = current_period(today)
    return [latest] + [Period.financial_year(latest.start.year - n) for n in range(1, YEARS_SHOWN)]


def indicator_or_404(indicator_id: str) -> Indicator:
    try:
        return catalogue.get(indicator_id)
    except KeyError as error:
        raise Http404("No such indicator") from error


def catalogue_figures(
    period: Period, *, team: Team | None = None
) -> list[tuple[str, list[Figure]]]:
    """Every indicator's figure for the period, by area."""
    figures = {f.indicator.id: f for f in compute_all(catalogue.CATALOGUE, period, team=team)}
    return [
        (area, [figures[indicator.id] for indicator in indicators])
        for area, indicators in catalogue.areas()
    ]


def quarters_to_date(period: Period) -> list[Period]:
    """The quarters of the period's financial year that have begun by its end."""
    year = Period.year_containing(period.start)
    return [q.up_to(period.end) for q in year.quarters() if q.start <= period.end]


def trend(indicator: Indicator, periods: list[Period]) -> list[Figure]:
    """The indicator for each period."""
    return [compute(indicator, period) for period in periods]


def latest_figure(indicator_id: str, *, on: dt.date | None = None) -> Figure:
    """The latest value of an indicator: for the financial year so far on ``on`` (today
    by default). KeyError for an id the catalogue does not hold."""
    return compute(catalogue.get(indicator_id), current_period(on))
