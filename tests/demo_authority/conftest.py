"""The generated authorities, made once for all the tests in this folder.

They are written outside the per-test transactions (which would roll them back).
Afterwards the database is emptied and its reference data (what migrations load, such
as the timescale rules) is put back from the copy pytest-django took when it made the
test database: the tests here ask for that copy with ``serialized_rollback=True``.
"""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection

from kinfolio.demo_authority.generate import generate
from kinfolio.demo_authority.profiles import DEFAULT_CENSUS_DATE, DEMO


def generated(django_db_blocker, profile, seed, *, store_clocks=True):
    with django_db_blocker.unblock():
        counts = generate(
            profile,
            seed=seed,
            census_date=DEFAULT_CENSUS_DATE,
            progress=lambda line: None,
            store_clocks=store_clocks,
        )
    yield counts
    with django_db_blocker.unblock():
        emptied()


def emptied() -> None:
    """The database as migrations leave it: emptied, and the reference data put back."""
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
    # Restored rows keep their ids; PostgreSQL's sequences must move past them.
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


@pytest.fixture(scope="package")
def demo_authority(django_db_setup, django_db_blocker):
    yield from generated(django_db_blocker, DEMO, 2012)
