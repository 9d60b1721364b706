import datetime as dt
import importlib

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from kinfolio.timescales.calendar import clear_default_calendar, default_calendar
from kinfolio.timescales.models import ClosureDay, SchoolTerm

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture(autouse=True)
def fresh_default_calendar():
    # The cache outlives each test's transaction, so start and end every test without it.
    clear_default_calendar()
    yield
    clear_default_calendar()


def test_closure_day_date_is_unique():
    ClosureDay.objects.create(date=D(2024, 12, 27), reason="Council Christmas closure")
    with pytest.raises(IntegrityError):
        ClosureDay.objects.create(date=D(2024, 12, 27), reason="Again")


def test_closure_day_str_reads_as_a_date_and_reason():
    day = ClosureDay(date=D(2024, 12, 27), reason="Council Christmas closure")
    assert str(day) == "27 December 2024: Council Christmas closure"


def test_school_term_end_before_start_is_refused_by_validation():
    term = SchoolTerm(
        academic_year="2024/25",
        term="autumn",
        name="Autumn 1",
        start_date=D(2024, 10, 25),
        end_date=D(2024, 9, 4),
    )
    with pytest.raises(ValidationError, match="The end date cannot be before the start date"):
        term.full_clean()


def test_school_term_end_before_start_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        SchoolTerm.objects.create(
            academic_year="2024/25",
            term="autumn",
            name="Autumn 1",
            start_date=D(2024, 10, 25),
            end_date=D(2024, 9, 4),
        )


@pytest.mark.parametrize("label", ["2024-25", "24/25", "2024/2025", ""])
def test_school_term_academic_year_must_look_like_2024_25(label):
    term = SchoolTerm(
        academic_year=label,
        term="autumn",
        name="Autumn 1",
        start_date=D(2024, 9, 4),
        end_date=D(2024, 10, 25),
    )
    with pytest.raises(ValidationError) as excinfo:
        term.full_clean()
    assert "academic_year" in excinfo.value.message_dict


def test_school_term_name_is_unique_within_a_year():
    SchoolTerm.objects.create(
        academic_year="2024/25",
        term="autumn",
        name="Autumn 1",
        start_date=D(2024, 9, 4),
        end_date=D(2024, 10, 25),
    )
    with pytest.raises(IntegrityError):
        SchoolTerm.objects.create(
            academic_year="2024/25",
            term="autumn",
            name="Autumn 1",
            start_date=D(2024, 9, 5),
            end_date=D(2024, 10, 25),
        )


def test_school_terms_are_the_terms_add_school_days_counts_over():
    SchoolTerm.objects.create(
        academic_year="2024/25",
        term="autumn",
        name="Autumn 2",
        start_date=D(2024, 11, 4),
        end_date=D(2024, 12, 20),
    )
    SchoolTerm.objects.create(
        academic_year="2024/25",
        term="spring",
        name="Spring 1",
        start_date=D(2025, 1, 6),
        end_date=D(2025, 2, 14),
    )
    # 9-13 Dec (5), 16-20 Dec (10), 6-10 Jan (15), 13-17 Jan (20)
    due = default_calendar().add_school_days(D(2024, 12, 6), 20, SchoolTerm.objects.all())
    assert due == D(2025, 1, 17)


def test_default_calendar_counts_closure_days_once_cleared():
    assert default_calendar().add_working_days(D(2024, 12, 24), 1) == D(2024, 12, 27)

    ClosureDay.objects.create(date=D(2024, 12, 27), reason="Council Christmas closure")
    # Cached: the new closure is not seen until the cache is cleared.
    assert default_calendar().add_working_days(D(2024, 12, 24), 1) == D(2024, 12, 27)

    clear_default_calendar()
    assert default_calendar().add_working_days(D(2024, 12, 24), 1) == D(2024, 12, 30)
    assert default_calendar() is default_calendar()


def test_a_school_term_must_say_which_term_of_the_year_it_is():
    term = SchoolTerm(
        academic_year="2024/25", name="Term 1", start_date=D(2024, 9, 4), end_date=D(2024, 10, 25)
    )
    with pytest.raises(ValidationError) as excinfo:
        term.full_clean()
    assert "term" in excinfo.value.message_dict


@pytest.mark.parametrize(
    ("name", "first_day", "term"),
    [
        ("Autumn 1", D(2024, 9, 4), "autumn"),
        ("spring 2", D(2025, 2, 24), "spring"),
        ("Summer", D(2025, 4, 22), "summer"),
        ("Term 1", D(2024, 9, 4), "autumn"),
        ("Term 3", D(2025, 1, 6), "spring"),
        ("Term 5", D(2025, 4, 22), "summer"),
        ("Christmas term", D(2024, 11, 4), "autumn"),
    ],
)
def test_the_migration_fills_the_term_from_the_name_or_else_the_first_day(name, first_day, term):
    migration = importlib.import_module("kinfolio.timescales.migrations.0006_schoolterm_term")
    assert migration.term_of(name, first_day) == term
