"""The generated authorities, made once for all the tests in this folder.

They are written outside the per-test transactions (which would roll them back) and
the database is emptied again afterwards so no other test sees them.
"""

import pytest
from django.core.management import call_command

from kinfolio.demo_authority.generate import generate
from kinfolio.demo_authority.profiles import DEFAULT_CENSUS_DATE, DEMO, LARGE


def _generated(django_db_blocker, profile, seed):
    with django_db_blocker.unblock():
        counts = generate(profile, seed=seed, census_date=DEFAULT_CENSUS_DATE,
                          progress=lambda line: None)
    yield counts
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(scope="package")
def demo_authority(django_db_setup, django_db_blocker):
    yield from _generated(django_db_blocker, DEMO, 2012)


@pytest.fixture(scope="package")
def large_authority(django_db_setup, django_db_blocker):
    yield from _generated(django_db_blocker, LARGE, 1)
