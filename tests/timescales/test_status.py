"""The one function that decides a clock's status."""

import datetime as dt

import pytest

from kinfolio.timescales.calendar import WorkingCalendar
from kinfolio.timescales.engine import Clock, status_of
from kinfolio.timescales.models import TimescaleRule

D = dt.date
CALENDAR = WorkingCalendar(frozenset(), D(2025, 1, 1), D(2025, 12, 31))  # weekends only
RULE = TimescaleRule(
    key="x", name="x", interval=1, unit="working_days", source="local", effective_from=D(2025, 1, 1)
)


def _clock(due, stopped=None):
    return Clock(
        rule=RULE, child_id=1, started_on=D(2025, 1, 1), due_on=due, stopped_on=stopped, source=""
    )


@pytest.mark.parametrize(
    ("due", "stopped", "today", "expected"),
    [
        (D(2025, 3, 14), D(2025, 3, 14), D(2025, 6, 1), "met_on_time"),
        (D(2025, 3, 14), D(2025, 3, 17), D(2025, 6, 1), "met_late"),
        (D(2025, 3, 14), None, D(2025, 3, 17), "overdue"),
        (D(2025, 3, 14), None, D(2025, 3, 14), "due_today"),
        # Friday 28 Feb to Friday 14 March is 10 working days: due soon; from Thursday 27
        # February it is 11: not yet due.
        (D(2025, 3, 14), None, D(2025, 2, 28), "due_soon"),
        (D(2025, 3, 14), None, D(2025, 2, 27), "not_yet_due"),
        (None, None, D(2025, 2, 27), "unknown"),
    ],
)
def test_status_of(due, stopped, today, expected):
    assert status_of(_clock(due, stopped), today, CALENDAR) == expected
