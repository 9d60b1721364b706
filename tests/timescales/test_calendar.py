"""The working-day calendar, checked against dates worked out by hand.

Every expected date below was counted on a paper calendar from the GOV.UK England and
Wales list, not produced by the code under test. "+n" means n working days after the
start date, the start itself not counted.
"""

import dataclasses
import datetime as dt
import socket
from typing import NamedTuple

import pytest
from govuk_bank_holidays.bank_holidays import BankHolidays
from hypothesis import given
from hypothesis import strategies as st

from kinfolio.timescales.calendar import (
    CalendarHorizonError,
    WorkingCalendar,
    england_and_wales_bank_holidays,
)

D = dt.date
HOLIDAYS, HORIZON_START, HORIZON_END = england_and_wales_bank_holidays()
CALENDAR = WorkingCalendar(
    bank_holidays=HOLIDAYS, horizon_start=HORIZON_START, horizon_end=HORIZON_END
)


def test_add_working_days_referral_before_christmas_2024_is_due_26_february_2025():
    # Referral Friday 20 December 2024; assessment due within 45 working days.
    # Skipped: weekends, Wed 25 Dec (Christmas Day), Thu 26 Dec (Boxing Day),
    # Wed 1 Jan 2025 (New Year's Day).
    # Mon 23 (1) Tue 24 (2) Fri 27 (3) Mon 30 (4) Tue 31 (5) Thu 2 Jan (6) Fri 3 (7);
    # five full weeks 6 Jan-7 Feb take it to 32, then 10-14 Feb 37, 17-21 Feb 42,
    # Mon 24 (43) Tue 25 (44) Wed 26 February 2025 (45).
    assert CALENDAR.add_working_days(D(2024, 12, 20), 45) == D(2025, 2, 26)


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # Christmas and New Year
        (D(2024, 12, 20), 0, D(2024, 12, 20)),  # nothing to add
        (D(2024, 12, 20), 1, D(2024, 12, 23)),  # Fri -> Mon
        (D(2024, 12, 20), 5, D(2024, 12, 31)),  # 23, 24, (25, 26 holidays) 27, 30, 31
        (D(2024, 12, 20), 45, D(2025, 2, 26)),  # see the test above
        (D(2024, 12, 24), 1, D(2024, 12, 27)),  # Christmas Wed, Boxing Day Thu
        (D(2024, 12, 31), 1, D(2025, 1, 2)),  # New Year's Day Wed 1 Jan
        (D(2025, 12, 24), 1, D(2025, 12, 29)),  # 25 Thu, 26 Fri holidays, then weekend
        (D(2020, 12, 24), 1, D(2020, 12, 29)),  # 25 Fri; Boxing Day Sat -> Mon 28
        (D(2021, 12, 24), 1, D(2021, 12, 29)),  # both on a weekend: Mon 27, Tue 28
        (D(2022, 12, 23), 1, D(2022, 12, 28)),  # Boxing Day Mon 26; Christmas -> Tue 27
        # Year ends
        (D(2021, 12, 31), 1, D(2022, 1, 4)),  # New Year's Day Sat -> Mon 3 Jan
        (D(2022, 12, 30), 1, D(2023, 1, 3)),  # New Year's Day Sun -> Mon 2 Jan
        (D(2025, 12, 31), 1, D(2026, 1, 2)),  # Thu 1 Jan 2026 holiday
        # Easter
        (D(2024, 3, 28), 1, D(2024, 4, 2)),  # Good Friday 29 Mar, Easter Monday 1 Apr
        (D(2024, 3, 22), 5, D(2024, 4, 2)),  # 25, 26, 27, 28, (29, 1 Apr) 2 Apr
        (D(2025, 4, 17), 1, D(2025, 4, 22)),  # Good Friday 18 Apr, Easter Monday 21 Apr
        (D(2025, 4, 14), 10, D(2025, 4, 30)),  # 15,16,17,(18,21),22,23,24,25,28,29,30
        # Moved and extra bank holidays
        (D(2020, 5, 1), 1, D(2020, 5, 4)),  # early May moved off Mon 4 May 2020...
        (D(2020, 5, 7), 1, D(2020, 5, 11)),  # ...to Fri 8 May (VE Day)
        (D(2022, 5, 27), 1, D(2022, 5, 30)),  # spring holiday moved off Mon 30 May...
        (D(2022, 6, 1), 1, D(2022, 6, 6)),  # ...to Thu 2 June; Fri 3 June jubilee
        (D(2022, 5, 31), 3, D(2022, 6, 7)),  # 1 Jun, (2, 3), 6, 7
        (D(2022, 9, 16), 1, D(2022, 9, 20)),  # Queen's funeral Mon 19 Sep 2022
        (D(2023, 5, 5), 1, D(2023, 5, 9)),  # coronation Mon 8 May 2023
        (D(2023, 4, 28), 5, D(2023, 5, 9)),  # (1 May) 2, 3, 4, 5, (8 May) 9
        # Weekends: a start on a non-working day is not counted either
        (D(2024, 6, 14), 1, D(2024, 6, 17)),  # Fri -> Mon
        (D(2024, 6, 15), 1, D(2024, 6, 17)),  # Sat -> Mon
        (D(2024, 6, 16), 1, D(2024, 6, 17)),  # Sun -> Mon
        (D(2024, 6, 15), 0, D(2024, 6, 15)),  # nothing to add, even on a Saturday
        (D(2024, 6, 10), 10, D(2024, 6, 24)),  # two full weeks, Mon -> Mon
        (D(2024, 8, 19), 15, D(2024, 9, 10)),  # ICPC: summer holiday Mon 26 Aug skipped
        # Counting back
        (D(2024, 4, 2), -1, D(2024, 3, 28)),  # over Easter 2024
        (D(2024, 12, 23), -1, D(2024, 12, 20)),  # Mon -> Fri
        (D(2024, 6, 15), -1, D(2024, 6, 14)),  # Sat -> Fri
        (D(2025, 2, 26), -45, D(2024, 12, 20)),  # the referral example backwards
        (D(2022, 9, 20), -1, D(2022, 9, 16)),  # over the Queen's funeral
    ],
)
def test_add_working_days_matches_hand_worked_dates(start, n, expected):
    assert CALENDAR.add_working_days(start, n) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2024, 12, 20), D(2025, 2, 26), 45),  # the referral example
        (D(2025, 2, 26), D(2024, 12, 20), -45),  # end before start
        (D(2024, 12, 20), D(2024, 12, 20), 0),  # same day
        (D(2024, 6, 14), D(2024, 6, 15), 0),  # Fri -> Sat: Saturday is not working
        (D(2024, 6, 14), D(2024, 6, 17), 1),  # Fri -> Mon
        (D(2024, 6, 15), D(2024, 6, 17), 1),  # Sat -> Mon
        (D(2024, 12, 24), D(2024, 12, 27), 1),  # Christmas and Boxing Day
        (D(2024, 3, 28), D(2024, 4, 2), 1),  # Easter 2024
        (D(2022, 5, 31), D(2022, 6, 6), 2),  # 1 Jun, (2, 3 Jun), 6 Jun
        # All of 2024: 262 weekdays (leap year from a Monday) less 8 weekday holidays
        (D(2023, 12, 31), D(2024, 12, 31), 254),
    ],
)
def test_working_days_between_matches_hand_worked_counts(start, end, expected):
    assert CALENDAR.working_days_between(start, end) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2020, 5, 8), False),  # VE Day
        (D(2020, 5, 4), True),  # the usual early May Monday, moved in 2020
        (D(2022, 6, 2), False),
        (D(2022, 6, 3), False),
        (D(2022, 9, 19), False),
        (D(2023, 5, 8), False),
        (D(2024, 12, 24), True),  # Christmas Eve is a working day
        (D(2024, 6, 15), False),  # Saturday
    ],
)
def test_is_working_day_knows_moved_and_extra_holidays(day, expected):
    assert CALENDAR.is_working_day(day) is expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2024, 6, 14), D(2024, 6, 17)),  # Fri -> Mon
        (D(2024, 6, 17), D(2024, 6, 18)),  # strictly after, even from a working day
        (D(2024, 12, 24), D(2024, 12, 27)),
    ],
)
def test_next_working_day_is_strictly_after(day, expected):
    assert CALENDAR.next_working_day(day) == expected


def test_add_working_days_skips_closure_days():
    # Council closed 27, 30 and 31 December 2024. From Fri 20 December:
    # 23 (1), 24 (2), (25, 26 holidays; 27 closed; 30, 31 closed; 1 Jan holiday),
    # 2 Jan (3), 3 Jan (4), Mon 6 Jan (5). The 45-day date moves three working days
    # later than 26 Feb: Thu 27 Feb, Fri 28 Feb, Mon 3 March 2025.
    closed = frozenset({D(2024, 12, 27), D(2024, 12, 30), D(2024, 12, 31)})
    calendar = dataclasses.replace(CALENDAR, closure_days=closed)

    assert calendar.add_working_days(D(2024, 12, 20), 5) == D(2025, 1, 6)
    assert calendar.add_working_days(D(2024, 12, 20), 45) == D(2025, 3, 3)
    assert calendar.working_days_between(D(2024, 12, 20), D(2025, 1, 6)) == 5
    assert not calendar.is_working_day(D(2024, 12, 27))


def test_horizon_covers_whole_years_of_bundled_data():
    assert CALENDAR.horizon_start == D(2012, 1, 1)
    assert (CALENDAR.horizon_end.month, CALENDAR.horizon_end.day) == (12, 31)
    assert CALENDAR.horizon_end >= D(2028, 12, 31)
    assert max(CALENDAR.bank_holidays).year == CALENDAR.horizon_end.year


def test_add_working_days_past_horizon_raises_naming_the_year():
    calendar = WorkingCalendar(
        bank_holidays=frozenset({D(2028, 12, 25), D(2028, 12, 26)}),
        horizon_start=D(2028, 1, 1),
        horizon_end=D(2028, 12, 31),
    )
    # Fri 29 Dec is the last working day we know; Tue 2 Jan 2029 might be a holiday.
    assert calendar.add_working_days(D(2028, 12, 28), 1) == D(2028, 12, 29)
    with pytest.raises(CalendarHorizonError, match="ends on 31 December 2028"):
        calendar.add_working_days(D(2028, 12, 29), 1)
    with pytest.raises(CalendarHorizonError, match="ends on 31 December 2028"):
        calendar.add_working_days(D(2028, 12, 20), 45)
    with pytest.raises(CalendarHorizonError, match="after 2028"):
        calendar.is_working_day(D(2029, 1, 2))
    with pytest.raises(CalendarHorizonError, match="ends on 31 December 2028"):
        calendar.working_days_between(D(2028, 12, 1), D(2029, 1, 5))
    with pytest.raises(CalendarHorizonError, match="starts on 1 January 2028"):
        calendar.add_working_days(D(2028, 1, 4), -3)


def test_calendar_horizon_error_is_a_value_error():
    assert issubclass(CalendarHorizonError, ValueError)


def test_working_calendar_is_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        CALENDAR.closure_days = frozenset()  # type: ignore[misc]


class NetworkBlockedError(RuntimeError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Fail loudly, and remember, if anything opens a connection."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise NetworkBlockedError("the calendar must not use the network")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


def test_england_and_wales_bank_holidays_never_uses_the_network(no_network):
    holidays, start, end = england_and_wales_bank_holidays()
    calendar = WorkingCalendar(bank_holidays=holidays, horizon_start=start, horizon_end=end)

    assert calendar.add_working_days(D(2024, 12, 20), 45) == D(2025, 2, 26)
    assert no_network == []


def test_no_network_fixture_catches_the_live_download(no_network):
    # Proves the guard above works: the package's default does try gov.uk.
    with pytest.raises(NetworkBlockedError):
        BankHolidays()
    assert no_network


# School days. Illustrative 2024/25 term dates, half-terms as separate terms.
class Term(NamedTuple):
    start_date: dt.date
    end_date: dt.date


TERMS_2024_25 = [
    Term(D(2024, 9, 4), D(2024, 10, 25)),
    Term(D(2024, 11, 4), D(2024, 12, 20)),
    Term(D(2025, 1, 6), D(2025, 2, 14)),
    Term(D(2025, 2, 24), D(2025, 4, 4)),
    Term(D(2025, 4, 21), D(2025, 5, 23)),  # starts on Easter Monday
    Term(D(2025, 6, 2), D(2025, 7, 22)),
]


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # Looked after Fri 6 Dec 2024, PEP within 20 school days: 9-13 Dec (5),
        # 16-20 Dec (10), Christmas holidays, 6-10 Jan (15), 13-17 Jan (20).
        # In working days it would be Wed 8 Jan 2025.
        (D(2024, 12, 6), 20, D(2025, 1, 17)),
        (D(2024, 12, 21), 1, D(2025, 1, 6)),  # from the holidays: first day of term
        (D(2024, 10, 28), 1, D(2024, 11, 4)),  # from half-term
        (D(2025, 4, 18), 1, D(2025, 4, 22)),  # term opens on Easter Monday, a holiday
        (D(2025, 5, 2), 1, D(2025, 5, 6)),  # early May holiday Mon 5 May in term
        (D(2025, 7, 22), 0, D(2025, 7, 22)),
    ],
)
def test_add_school_days_matches_hand_worked_dates(start, n, expected):
    assert CALENDAR.add_school_days(start, n, TERMS_2024_25) == expected


def test_add_school_days_past_last_term_raises():
    with pytest.raises(CalendarHorizonError, match="School term dates end on 22 July 2025"):
        CALENDAR.add_school_days(D(2025, 7, 14), 20, TERMS_2024_25)


def test_add_school_days_does_not_count_overlapping_terms_twice():
    overlapping = [Term(D(2024, 9, 2), D(2024, 9, 13)), Term(D(2024, 9, 9), D(2024, 9, 20))]
    # 3-6 Sep (4), 9-13 Sep (9), Mon 16 Sep (10)
    assert CALENDAR.add_school_days(D(2024, 9, 2), 10, overlapping) == D(2024, 9, 16)


def test_add_school_days_refuses_to_count_back():
    with pytest.raises(ValueError, match="forwards only"):
        CALENDAR.add_school_days(D(2025, 1, 6), -1, TERMS_2024_25)


# Properties over the whole bundled range. 150 working days span at most about 225
# calendar days (30 weeks plus holidays), so keep 250 days clear of either horizon.
MARGIN = dt.timedelta(days=250)
dates = st.dates(min_value=CALENDAR.horizon_start + MARGIN, max_value=CALENDAR.horizon_end - MARGIN)
counts = st.integers(min_value=0, max_value=150)


@given(dates, counts)
def test_working_days_between_inverts_add_working_days(start, n):
    due = CALENDAR.add_working_days(start, n)
    assert CALENDAR.working_days_between(start, due) == n
    # ...and counting back from the due date to the start gives -n.
    assert CALENDAR.working_days_between(due, start) == -n


@given(dates, st.integers(min_value=1, max_value=150))
def test_add_working_days_result_is_a_later_working_day(start, n):
    due = CALENDAR.add_working_days(start, n)
    assert due > start
    assert CALENDAR.is_working_day(due)
    assert CALENDAR.add_working_days(start, n + 1) > due


@given(dates, counts)
def test_add_working_days_back_returns_to_a_working_start(start, n):
    # From a non-working day, "forward then back" lands on the working day before it.
    expected = start if CALENDAR.is_working_day(start) else CALENDAR.add_working_days(start, -1)
    due = CALENDAR.add_working_days(start, n)
    assert CALENDAR.add_working_days(due, -n) == (start if n == 0 else expected)
