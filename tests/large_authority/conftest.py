import pytest

from kinfolio.demo_authority.profiles import LARGE
from tests.demo_authority.conftest import generated


@pytest.fixture(scope="package")
def large_authority(django_db_setup, django_db_blocker):
    # Storing the large authority's clocks takes minutes: `make bench` measures it.
    yield from generated(django_db_blocker, LARGE, 1, store_clocks=False)
