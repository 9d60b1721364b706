"""The same seed and census date give the same authority, row for row; another seed
gives another one."""

import pytest

from kinfolio.demo_authority.generate import build
from kinfolio.demo_authority.profiles import DEFAULT_CENSUS_DATE, DEMO


def fingerprint(seed: int) -> str:
    world, _ = build(DEMO, seed=seed, census_date=DEFAULT_CENSUS_DATE, progress=lambda s: None)
    return world.rows.fingerprint()


@pytest.mark.sqlite_pass  # built in memory: the database only gives the closure days
@pytest.mark.django_db  # the calendar reads the council's closure days
def test_build_is_deterministic_for_a_seed():
    first = fingerprint(2012)
    assert fingerprint(2012) == first
    assert fingerprint(2013) != first
